package org.tregflow.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tregflow.gating.BooleanGate;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.Gate;
import org.tregflow.gating.GateTree;
import org.tregflow.gating.GeometricGate;
import org.tregflow.gating.Population;
import org.tregflow.gating.QuadrantGate;

/**
 * One step of a gate tree as the sheet shows it: the parent's events on the gate's axes, the gate, and the events
 * it kept. The populations are the ones the statistics were computed from, so the percentage on the plot is the
 * reported one.
 *
 * @param population   the population this step defines (for a quadrant gate: one of its quadrants)
 * @param parent       the parent population's name (shown in the panel title)
 * @param gate         the gate as applied to this file (data-driven thresholds already resolved to geometry)
 * @param axes         one axis (a histogram) or two (x, y); empty = the gate's own dimensions (a boolean gate
 *                     without {@code references} has none: its panel states the expression and the percentage)
 * @param parentEvents the parent population
 * @param events       the population this step defines
 * @param references   the gates a boolean gate refers to, so their outlines can be drawn (may be empty)
 * @param method       how the gate was obtained, shown on the panel (e.g. "density valley", "fixed"); may be null
 */
public record GatingStep(String population, String parent, Gate gate, List<Dimension> axes, Population parentEvents,
                         Population events, List<Gate> references, String method) {

    public GatingStep {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(gate, "gate of " + population);
        Objects.requireNonNull(parentEvents, "parent events of " + population);
        Objects.requireNonNull(events, "events of " + population);
        parent = parent == null ? "All events" : parent;
        references = references == null ? List.of() : List.copyOf(references);
        axes = axes == null || axes.isEmpty() ? axesOf(gate, references) : List.copyOf(axes);
        if (axes.size() > 2) {
            throw new IllegalArgumentException("gating step " + population + " is plotted on one or two axes, got "
                    + axes.size() + " (" + axes + ")");
        }
        if (parentEvents.size() != events.size()) {
            throw new IllegalArgumentException("gating step " + population + ": parent and population are over "
                    + "tables of " + parentEvents.size() + " and " + events.size() + " events");
        }
    }

    public GatingStep(String population, String parent, Gate gate, List<Dimension> axes, Population parentEvents,
                      Population events) {
        this(population, parent, gate, axes, parentEvents, events, List.of(), null);
    }

    public GatingStep(String population, String parent, Gate gate, List<Dimension> axes, Population parentEvents,
                      Population events, List<Gate> references) {
        this(population, parent, gate, axes, parentEvents, events, references, null);
    }

    /** Percentage of the parent's events in this population (0 when the parent is empty). */
    public double percentOfParent() {
        long p = parentEvents.count();
        return p == 0 ? 0 : 100.0 * events.count() / p;
    }

    /** The axes a gate is naturally drawn on: its first two dimensions (a boolean gate: its references'). */
    public static List<Dimension> axesOf(Gate gate, List<Gate> references) {
        List<Dimension> dims = new ArrayList<>();
        if (gate instanceof GeometricGate g) {
            dims.addAll(g.dimensions());
        } else if (gate instanceof QuadrantGate q) {
            q.dividers().forEach(d -> addOnce(dims, d.dimension()));
        } else if (gate instanceof BooleanGate) {
            for (Gate r : references) {
                axesOf(r, List.of()).forEach(d -> addOnce(dims, d));
            }
        }
        return dims.size() > 2 ? List.copyOf(dims.subList(0, 2)) : List.copyOf(dims);
    }

    private static void addOnce(List<Dimension> dims, Dimension d) {
        if (!dims.contains(d)) {
            dims.add(d);
        }
    }

    static boolean definesPopulation(Gate g, String populationId) {
        return GateTree.populationsOf(g).contains(populationId) || g.id().equals(populationId);
    }
}
