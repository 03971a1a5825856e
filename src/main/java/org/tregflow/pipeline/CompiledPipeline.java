package org.tregflow.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tregflow.compensation.CompensationMatrices;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.stats.EndpointSpec;

/**
 * A checked pipeline ready to run on many files: gates in dependency order, the panel resolver, the matrix file
 * read once. Immutable and shared by the worker threads.
 */
public final class CompiledPipeline {
    private final PipelineDefinition definition;
    private final Path source;
    private final List<GateDef> gateOrder;
    private final PanelResolver resolver;
    private final SpilloverMatrix matrix;
    private final Set<String> scatter;
    private final Path baseDir;

    private CompiledPipeline(PipelineDefinition definition, Path source, SpilloverMatrix matrix, Path baseDir) {
        this.baseDir = baseDir;
        this.definition = definition;
        this.source = source;
        this.gateOrder = order(definition.gates());
        this.resolver = new PanelResolver(definition.panel());
        this.matrix = matrix;
        Set<String> sc = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sc.addAll(definition.panel().scatter());
        this.scatter = sc;
    }

    /** Loads, checks and compiles a pipeline file. */
    public static CompiledPipeline load(Path file) throws PipelineException {
        return compile(PipelineLoader.load(file), file);
    }

    /** Compiles a definition (checked here too); {@code source} (may be null) anchors relative paths. */
    public static CompiledPipeline compile(PipelineDefinition def, Path source) throws PipelineException {
        Path base = source == null ? Path.of(".").toAbsolutePath() : source.toAbsolutePath().getParent();
        List<String> problems = PipelineChecks.check(def, base);
        if (!problems.isEmpty()) {
            throw new PipelineException(problems);
        }
        SpilloverMatrix m = null;
        if (def.compensation().source().equals("matrix")) {
            Path f = base.resolve(def.compensation().matrix());
            try {
                m = CompensationMatrices.read(f);
            } catch (RuntimeException e) {
                throw new PipelineException("compensation.matrix: " + e.getMessage());
            }
        }
        return new CompiledPipeline(def, source, m, base);
    }

    /** Parents (and boolean operands) before children, otherwise in the pipeline's order. */
    private static List<GateDef> order(List<GateDef> gates) {
        Map<String, GateDef> byName = new HashMap<>();
        gates.forEach(g -> byName.put(g.name(), g));
        List<GateDef> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (GateDef g : gates) {
            visit(g, byName, done, out);
        }
        return List.copyOf(out);
    }

    private static void visit(GateDef g, Map<String, GateDef> byName, Set<String> done, List<GateDef> out) {
        if (!done.add(g.name())) {
            return;
        }
        List<String> deps = new ArrayList<>(g.of());
        deps.add(g.parent());
        for (String d : deps) {
            GateDef dep = byName.get(d);
            if (dep != null) {
                visit(dep, byName, done, out);
            }
        }
        out.add(g);
    }

    public PipelineDefinition definition() {
        return definition;
    }

    /** The pipeline file, or null when compiled from a definition in memory. */
    public Path source() {
        return source;
    }

    /** The folder relative paths in the pipeline (matrix, Gating-ML files) are resolved against. */
    Path baseDir() {
        return baseDir;
    }

    /** Whether a gate comes from a Gating-ML file (it reads the stored columns, compensated its own way). */
    boolean hasGatingMlGates() {
        return gateOrder().stream().anyMatch(GateDef::isGatingMl);
    }

    List<GateDef> gateOrder() {
        return gateOrder;
    }

    PanelResolver resolver() {
        return resolver;
    }

    /** The matrix of {@code compensation.matrix}, or null when files use their own spillover. */
    SpilloverMatrix matrix() {
        return matrix;
    }

    boolean isScatter(String marker) {
        return scatter.contains(marker);
    }

    /** Population names in pipeline order (the row order of the tables). */
    public List<String> populationOrder() {
        return definition.gates().stream().map(GateDef::name).toList();
    }

    /** The markers whose medians are reported. */
    public List<String> medianMarkers() {
        return definition.statistics().medians();
    }

    /** The transform definition for a marker: its own, else the scatter or fluorescence default. */
    PipelineDefinition.TransformDef transformFor(String marker) {
        for (Map.Entry<String, PipelineDefinition.TransformDef> e : definition.transforms().markers().entrySet()) {
            if (e.getKey().equalsIgnoreCase(marker)) {
                return e.getValue();
            }
        }
        return isScatter(marker) ? definition.transforms().scatter() : definition.transforms().fluorescence();
    }

    /**
     * The endpoint with command-line overrides of the visits (null keeps the pipeline's); null when the pipeline
     * defines no endpoint.
     */
    public EndpointSpec endpoint(String baselineOverride, String endpointOverride) {
        PipelineDefinition.Endpoint e = definition.endpoint();
        if (e == null) {
            return null;
        }
        String baseline = baselineOverride != null ? baselineOverride
                : e.baselineVisit() != null ? e.baselineVisit() : definition.visits().baseline();
        String end = endpointOverride != null ? endpointOverride : e.endpointVisit();
        return new EndpointSpec(e.population(), e.statistic(), baseline, end,
                e.threshold() == null ? 2.0 : e.threshold(), e.minParentEvents() == null ? 0 : e.minParentEvents());
    }

    /** The position of a visit in the pipeline's schedule, or null. */
    Double visitOrder(String visit) {
        if (visit == null) {
            return null;
        }
        List<String> order = definition.visits().order();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).toLowerCase(Locale.ROOT).equals(visit.toLowerCase(Locale.ROOT))) {
                return (double) i;
            }
        }
        return null;
    }
}
