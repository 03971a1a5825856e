package org.tregflow.gating;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gates in dependency order: every gate after its parent and after the gates its boolean references name.
 * Population ids are gate ids, except that a quadrant gate contributes one population per quadrant (its quadrant
 * ids) instead of its own id. Unknown references, duplicate ids and cycles fail at construction, naming the gate.
 */
public final class GateTree {
    private final List<Gate> ordered;
    private final Map<String, Gate> byPopulation;
    private final Map<String, Gate> byGateId;

    public GateTree(List<? extends Gate> gates) {
        Map<String, Gate> pops = new LinkedHashMap<>();
        Map<String, Gate> ids = new LinkedHashMap<>();
        for (Gate g : gates) {
            if (ids.put(g.id(), g) != null) {
                throw new GateException("two gates have the id " + g.id() + "; gate ids must be unique");
            }
            for (String p : populationsOf(g)) {
                if (pops.put(p, g) != null) {
                    throw new GateException("population id " + p + " is defined twice (gate " + g.id() + ")");
                }
            }
        }
        this.byPopulation = Collections.unmodifiableMap(pops);
        this.byGateId = Collections.unmodifiableMap(ids);
        for (Gate g : gates) {
            for (String dep : dependencies(g)) {
                if (!pops.containsKey(dep)) {
                    String what = dep.equals(g.parentId()) ? "parent" : "gate reference";
                    throw new GateException("gate " + g.id() + ": " + what + " '" + dep + "' is not defined; defined: "
                            + pops.keySet());
                }
            }
        }
        List<Gate> out = new ArrayList<>(gates.size());
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (Gate g : gates) {
            visit(g, state, out, new ArrayList<>());
        }
        this.ordered = List.copyOf(out);
    }

    public static GateTree of(Gate... gates) {
        return new GateTree(List.of(gates));
    }

    private void visit(Gate g, Map<String, Integer> state, List<Gate> out, List<String> path) {
        Integer s = state.get(g.id());
        if (s != null && s == 2) {
            return;
        }
        path.add(g.id());
        if (s != null) {
            throw new GateException("gates depend on each other in a cycle: " + String.join(" -> ", path));
        }
        state.put(g.id(), 1);
        for (String dep : dependencies(g)) {
            visit(byPopulation.get(dep), state, out, path);
        }
        state.put(g.id(), 2);
        path.remove(path.size() - 1);
        out.add(g);
    }

    /** The population ids a gate defines. */
    public static List<String> populationsOf(Gate g) {
        if (g instanceof QuadrantGate q) {
            return q.quadrants().stream().map(QuadrantGate.Quadrant::id).toList();
        }
        return List.of(g.id());
    }

    private static Set<String> dependencies(Gate g) {
        Set<String> deps = new LinkedHashSet<>();
        if (g.parentId() != null) {
            deps.add(g.parentId());
        }
        if (g instanceof BooleanGate b) {
            for (BooleanGate.Reference r : b.references()) {
                deps.add(r.gateId());
            }
        }
        return deps;
    }

    /** Gates in evaluation order. */
    public List<Gate> gates() {
        return ordered;
    }

    /** Every population id, in evaluation order. */
    public List<String> populationIds() {
        List<String> out = new ArrayList<>();
        for (Gate g : ordered) {
            out.addAll(populationsOf(g));
        }
        return out;
    }

    /** The gate with this id (a quadrant id finds its quadrant gate), or null. */
    public Gate gate(String id) {
        Gate g = byGateId.get(id);
        return g != null ? g : byPopulation.get(id);
    }

    /** The populations whose parent is {@code populationId} (null = the top-level ones), in evaluation order. */
    public List<String> childrenOf(String populationId) {
        List<String> out = new ArrayList<>();
        for (Gate g : ordered) {
            if (java.util.Objects.equals(g.parentId(), populationId)) {
                out.addAll(populationsOf(g));
            }
        }
        return out;
    }

    /** The parent population id of a population (null = all events). */
    public String parentOf(String populationId) {
        Gate g = byPopulation.get(populationId);
        if (g == null) {
            throw new GateException("no population named " + populationId + "; defined: " + byPopulation.keySet());
        }
        return g.parentId();
    }

    /** Every population, keyed by population id in evaluation order. */
    public Map<String, Population> evaluate(EventSource source) {
        source = EventSource.caching(source);
        Map<String, Population> done = new LinkedHashMap<>();
        for (Gate g : ordered) {
            try {
                done.putAll(evaluate(g, source, done));
            } catch (GateException e) {
                // Name the gate: a missing channel or matrix is only actionable when one knows which gate needs it.
                throw e.getMessage().startsWith("gate " + g.id()) ? e
                        : new GateException("gate " + g.id() + ": " + e.getMessage(), e);
            }
        }
        return done;
    }

    /**
     * One gate, given the populations already known (its parent and references must be among them): lets a
     * caller build a gate from its parent's data, then evaluate it. Returns the populations the gate defines.
     */
    public static Map<String, Population> evaluate(Gate gate, EventSource source, Map<String, Population> known) {
        Population parent;
        if (gate.parentId() == null) {
            parent = Population.all(source.eventCount());
        } else {
            parent = known.get(gate.parentId());
            if (parent == null) {
                throw new GateException("gate " + gate.id() + ": parent " + gate.parentId() + " is not evaluated yet");
            }
        }
        if (gate instanceof GeometricGate geo) {
            return Map.of(geo.id(), geo.apply(source, parent));
        }
        if (gate instanceof QuadrantGate q) {
            return q.apply(source, parent);
        }
        BooleanGate b = (BooleanGate) gate;
        return Map.of(b.id(), b.apply(known::get, parent));
    }
}
