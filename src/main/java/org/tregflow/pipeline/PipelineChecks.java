package org.tregflow.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The semantic checks of a pipeline that YAML typing cannot do: unknown parents and markers, cycles, duplicate
 * names, bad method parameters. Each message names the gate (or section) at fault.
 */
final class PipelineChecks {
    static final Set<String> METHODS = Set.of("rectangle", "quadrant", "polygon", "ellipse", "gaussian_mixture",
            "ratio_band", "boolean", "gatingml");
    static final Set<String> TRANSFORMS = Set.of("linear", "log", "arcsinh", "logicle", "hyperlog", "none");

    private PipelineChecks() {
    }

    static List<String> check(PipelineDefinition def, Path baseDir) {
        List<String> problems = new ArrayList<>();
        PipelineDefinition.Panel panel = def.panel();
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (panel == null) {
            problems.add("panel: missing (list the markers the pipeline uses)");
        } else {
            known.addAll(panel.markers());
            known.addAll(panel.optional());
            known.addAll(panel.scatter());
            for (String a : panel.aliases().keySet()) {
                if (!known.contains(a)) {
                    problems.add("panel.aliases: '" + a + "' is not a marker of the panel");
                }
            }
        }
        Set<String> optional = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (panel != null) {
            optional.addAll(panel.optional());
        }
        if (def.gates().isEmpty()) {
            // Valid YAML, but every table would come out empty, without a word, for every file.
            problems.add("gates: none; a pipeline needs at least one gate");
        }
        checkGates(def.gates(), known, optional, problems, baseDir);
        checkTransforms(def.transforms(), known, problems);
        for (String m : def.statistics().medians()) {
            if (!known.contains(m)) {
                problems.add("statistics.medians: '" + m + "' is not a marker of the panel");
            }
        }
        checkCompensation(def.compensation(), baseDir, problems);
        checkEndpoint(def, problems);
        String pattern = def.samples().filenamePattern();
        if (pattern != null) {
            try {
                Pattern p = Pattern.compile(pattern);
                for (String g : List.of("patient", "visit")) {
                    if (!p.pattern().contains("(?<" + g + ">")) {
                        problems.add("samples.filename_pattern: needs a named group (?<" + g + ">...)");
                    }
                }
            } catch (PatternSyntaxException e) {
                problems.add("samples.filename_pattern: not a valid regular expression: " + e.getDescription());
            }
        }
        return problems;
    }

    private static void checkGates(List<GateDef> gates, Set<String> known, Set<String> optional, List<String> problems,
                                   Path baseDir) {
        Map<String, GateDef> byName = new HashMap<>();
        for (GateDef g : gates) {
            if (g.name() == null || g.name().isBlank()) {
                problems.add("gates: a gate has no name");
                continue;
            }
            if (g.name().equalsIgnoreCase(GateDef.ROOT)) {
                problems.add("gate '" + g.name() + "': 'root' is reserved for all events");
            }
            if (byName.putIfAbsent(g.name(), g) != null) {
                problems.add("gate '" + g.name() + "': duplicate name");
            }
        }
        for (GateDef g : gates) {
            if (g.name() == null || g.name().isBlank()) {
                continue;
            }
            String at = "gate '" + g.name() + "': ";
            if (!g.parent().equals(GateDef.ROOT) && !byName.containsKey(g.parent())) {
                problems.add(at + "unknown parent '" + g.parent() + "'");
            }
            for (String m : g.usedMarkers()) {
                if (m == null || !known.contains(m)) {
                    problems.add(at + "unknown marker '" + m + "' (not in the panel)");
                }
            }
            boolean usesOptional = g.usedMarkers().stream().anyMatch(m -> m != null && optional.contains(m));
            if (g.isOptional() && !usesOptional) {
                problems.add(at + "optional: true but it uses no optional marker of the panel");
            }
            if (!g.isOptional() && usesOptional) {
                problems.add(at + "uses an optional marker: mark the gate optional: true");
            }
            try {
                checkMethod(g, byName);
                if (g.isGatingMl() && baseDir != null) {
                    GatingMlGates.gate(g.gatingml(), baseDir);
                }
            } catch (IllegalArgumentException e) {
                problems.add(at + e.getMessage());
            }
        }
        // Cycles through parents and boolean operands.
        Map<String, Integer> state = new HashMap<>();
        for (GateDef g : gates) {
            if (g.name() != null && cycle(g.name(), byName, state, new ArrayList<>(), problems)) {
                break;
            }
        }
    }

    private static boolean cycle(String name, Map<String, GateDef> byName, Map<String, Integer> state,
                                 List<String> path, List<String> problems) {
        Integer s = state.get(name);
        if (s != null && s == 2) {
            return false;
        }
        if (s != null && s == 1) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            loop.add(name);
            problems.add("gate '" + name + "': cycle " + String.join(" -> ", loop));
            return true;
        }
        GateDef g = byName.get(name);
        if (g == null) {
            return false;
        }
        state.put(name, 1);
        path.add(name);
        List<String> deps = new ArrayList<>(g.of());
        deps.add(g.parent());
        for (String d : deps) {
            if (cycle(d, byName, state, path, problems)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        state.put(name, 2);
        return false;
    }

    private static void checkMethod(GateDef g, Map<String, GateDef> byName) {
        String method = g.method();
        if (method == null) {
            throw new IllegalArgumentException("no method (and no dimensions); methods: " + new TreeSet<>(METHODS));
        }
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "'; methods: " + new TreeSet<>(METHODS)
                    + " (density_valley, quantile and tail_cut go on a dimension of a rectangle)");
        }
        switch (method) {
            case "rectangle" -> {
                if (g.dimensions().isEmpty()) {
                    throw new IllegalArgumentException("rectangle needs dimensions");
                }
                for (GateDef.DimensionDef d : g.dimensions()) {
                    GateMethods.check(d);
                }
            }
            case "quadrant" -> {
                twoMarkers(g);
                if (g.dividers() == null || g.dividers().size() != 2) {
                    throw new IllegalArgumentException("quadrant needs dividers [x, y]");
                }
                if (g.quadrant() == null || !Set.of("++", "+-", "-+", "--").contains(g.quadrant())) {
                    throw new IllegalArgumentException("quadrant must be one of ++, +-, -+, -- (x sign then y sign)");
                }
            }
            case "polygon" -> {
                twoMarkers(g);
                if (g.vertices() == null || g.vertices().size() < 3) {
                    throw new IllegalArgumentException("polygon needs at least 3 vertices");
                }
                for (List<Double> v : g.vertices()) {
                    if (v == null || v.size() != 2) {
                        throw new IllegalArgumentException("polygon vertices are [x, y] pairs, got " + v);
                    }
                }
            }
            case "ellipse" -> {
                twoMarkers(g);
                if (g.mean() == null || g.mean().size() != 2 || g.covariance() == null || g.covariance().size() != 2
                        || g.covariance().stream().anyMatch(r -> r == null || r.size() != 2)) {
                    throw new IllegalArgumentException("ellipse needs mean [x, y] and covariance [[a, b], [b, c]]");
                }
                positive("radius", g.radius());
            }
            case "gaussian_mixture" -> {
                twoMarkers(g);
                int k = g.components() == null ? 3 : g.components();
                if (k < 1 || k > 10) {
                    throw new IllegalArgumentException("components must be 1..10, got " + k);
                }
                String pick = g.pick() == null ? "lowest_y_above_x" : g.pick();
                if (!Set.of("lowest_y_above_x", "largest", "nearest").contains(pick)) {
                    throw new IllegalArgumentException("pick must be lowest_y_above_x, largest or nearest, not '" + pick + "'");
                }
                if (pick.equals("nearest") && (g.target() == null || g.target().size() != 2)) {
                    throw new IllegalArgumentException("pick: nearest needs target [x, y]");
                }
                if (g.radius() != null) {
                    positive("radius", g.radius());
                }
                if (g.sample() != null && g.sample() < 100) {
                    throw new IllegalArgumentException("sample must be at least 100 events, got " + g.sample());
                }
            }
            case "ratio_band" -> {
                twoMarkers(g);
                if (g.k() != null) {
                    positive("k", g.k());
                }
            }
            case "gatingml" -> {
                if (g.gatingml() == null || !g.gatingml().contains("#")) {
                    throw new IllegalArgumentException("gatingml needs FILE#gateId, got " + g.gatingml());
                }
            }
            case "boolean" -> {
                String op = g.op() == null ? "" : g.op().toLowerCase(Locale.ROOT);
                if (!Set.of("and", "or", "not").contains(op)) {
                    throw new IllegalArgumentException("boolean needs op: and, or or not");
                }
                if (g.of().isEmpty() || (op.equals("not") && g.of().size() != 1)) {
                    throw new IllegalArgumentException("boolean " + op + " needs " + (op.equals("not") ? "one gate" : "gates")
                            + " in 'of'");
                }
                for (String ref : g.of()) {
                    if (!byName.containsKey(ref)) {
                        throw new IllegalArgumentException("boolean refers to unknown gate '" + ref + "'");
                    }
                }
            }
            default -> throw new IllegalStateException(method);
        }
    }

    private static void twoMarkers(GateDef g) {
        if (g.markers().size() != 2) {
            throw new IllegalArgumentException(g.method() + " needs markers: [x, y] (2), got " + g.markers());
        }
    }

    private static void positive(String key, Double v) {
        if (v == null || !(v > 0) || v.isInfinite()) {
            throw new IllegalArgumentException(key + " must be a positive number, got " + v);
        }
    }

    private static void checkTransforms(PipelineDefinition.Transforms t, Set<String> known, List<String> problems) {
        checkTransform("transforms.scatter", t.scatter(), problems);
        checkTransform("transforms.fluorescence", t.fluorescence(), problems);
        t.markers().forEach((m, def) -> {
            if (!known.contains(m)) {
                problems.add("transforms.markers: '" + m + "' is not a marker of the panel");
            }
            checkTransform("transforms.markers." + m, def, problems);
        });
    }

    private static void checkTransform(String at, PipelineDefinition.TransformDef t, List<String> problems) {
        if (t == null) {
            return;
        }
        try {
            Transforms.check(t);
        } catch (IllegalArgumentException e) {
            problems.add(at + ": " + e.getMessage());
        }
    }

    private static void checkCompensation(PipelineDefinition.Compensation c, Path baseDir, List<String> problems) {
        if (!Set.of("file", "matrix", "none").contains(c.source())) {
            problems.add("compensation.source: must be file, matrix or none, not '" + c.source() + "'");
        }
        if (!Set.of("error", "warn").contains(c.missing())) {
            problems.add("compensation.missing: must be error or warn, not '" + c.missing() + "'");
        }
        if (c.source().equals("matrix")) {
            if (c.matrix() == null) {
                problems.add("compensation: source matrix needs 'matrix: FILE'");
            } else if (baseDir != null && !Files.isRegularFile(baseDir.resolve(c.matrix()))) {
                problems.add("compensation.matrix: no such file " + baseDir.resolve(c.matrix()));
            }
        }
    }

    private static void checkEndpoint(PipelineDefinition def, List<String> problems) {
        PipelineDefinition.Endpoint e = def.endpoint();
        if (e == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        def.gates().forEach(g -> names.add(g.name()));
        if (e.population() == null || !names.contains(e.population())) {
            problems.add("endpoint.population: '" + e.population() + "' is not a gate of the pipeline");
        }
        String s = e.statistic() == null ? "pct_parent" : e.statistic();
        if (!Set.of("pct_parent", "pct_total", "count").contains(s) && !s.startsWith("median:")) {
            problems.add("endpoint.statistic: must be pct_parent, pct_total, count or median:MARKER, not '" + s + "'");
        }
        if (e.threshold() != null && !(e.threshold() > 0)) {
            problems.add("endpoint.threshold: must be a positive fold change, got " + e.threshold());
        }
        if (e.minParentEvents() != null && e.minParentEvents() < 0) {
            problems.add("endpoint.min_parent_events: must be >= 0");
        }
    }
}
