package org.tregflow.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tregflow.compensation.Compensator;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.ColumnAllocator;
import org.tregflow.fcs.EventRows;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsFile;
import org.tregflow.fcs.FcsReader;
import org.tregflow.fcs.Keywords;
import org.tregflow.fcs.ReadOptions;
import org.tregflow.gating.BooleanGate;
import org.tregflow.gating.Gate;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EventSource;
import org.tregflow.gating.GeometricGate;
import org.tregflow.gating.Parameter;
import org.tregflow.gating.Population;
import org.tregflow.gating.auto.OrderStatistics;
import org.tregflow.gatingml.GatingMlDocument;
import org.tregflow.gatingml.GatingMlEventSource;
import org.tregflow.report.GatingStep;
import org.tregflow.stats.GateRecord;
import org.tregflow.stats.PopulationStats;
import org.tregflow.transform.Arcsinh;
import org.tregflow.transform.FastLogicle;
import org.tregflow.transform.Hyperlog;
import org.tregflow.transform.Linear;
import org.tregflow.transform.Log;
import org.tregflow.transform.Logicle;
import org.tregflow.transform.Transform;

/**
 * The analysis of one FCS file: read, resolve the panel, compensate (only the used channels), transform (each
 * column once), gate (the pipeline's tree, data-driven gates computed on their parent), measure. Stateless and
 * thread-safe; per-stage wall times are recorded in milliseconds.
 */
public final class SampleAnalyzer {
    /** Stage names, in order, as they appear in the manifest's timings (wall ms), followed by "cpu" (thread CPU ms). */
    public static final List<String> STAGES = List.of("read", "resolve", "compensate", "transform", "gate", "stats");

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final CompiledPipeline pipeline;
    private final boolean cpuTimings;
    /** Keep the stored columns and judge boundary events from them, as for data whose events cannot be read again. */
    private final boolean keepStored;
    /** Markers whose scale values are read after their transforms: the medians' and the ratio bands'. */
    private final Set<String> scaleRead = new HashSet<>();

    public SampleAnalyzer(CompiledPipeline pipeline) {
        this(pipeline, false);
    }

    /**
     * @param cpuTimings record each stage's CPU time of the analysing thread instead of its wall time: on a shared
     *                   machine wall time measures the load, CPU time the code (benchmarks use this)
     */
    public SampleAnalyzer(CompiledPipeline pipeline, boolean cpuTimings) {
        this(pipeline, cpuTimings, false);
    }

    /**
     * @param keepStored compensate into copies and keep the stored columns, the route of bit-packed and ASCII data
     *                   (tests compare the two routes)
     */
    SampleAnalyzer(CompiledPipeline pipeline, boolean cpuTimings, boolean keepStored) {
        this.pipeline = pipeline;
        this.cpuTimings = cpuTimings && THREADS.isCurrentThreadCpuTimeSupported();
        this.keepStored = keepStored;
        pipeline.medianMarkers().forEach(m -> scaleRead.add(key(m)));
        for (GateDef g : pipeline.gateOrder()) {
            if (g.readsScaleValues()) {
                g.markers().forEach(m -> scaleRead.add(key(m)));
            }
        }
    }

    private long now() {
        return cpuTimings ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** What one file gave: the populations and gates, the warnings, and where the time went. */
    public record Analysis(String fcsVersion, String instrument, long events, List<PopulationStats> populations,
                           List<GateRecord> gates, List<String> warnings, Map<String, Long> timingsMs,
                           Keywords keywords, GatingMlDocument appliedGates, GatingView view) {
    }

    /**
     * What a gating sheet draws: the transformed columns and, per applied gate, its parent and population. Held
     * only until the sheet is written, so the columns do not outlive the file's analysis.
     */
    public record GatingView(EventSource source, List<GatingStep> steps) {
    }

    /** Analyses one file; any problem is an exception whose message names the file's problem. */
    public Analysis analyze(Path file) throws Exception {
        return analyze(file, ColumnAllocator.NEW);
    }

    /**
     * As {@link #analyze(Path)}, the file's columns (decoded, compensated, transformed) from {@code columns}: the
     * analysis, its view included, uses them until the caller gives them back.
     */
    public Analysis analyze(Path file, ColumnAllocator columns) throws Exception {
        Map<String, Long> timings = new LinkedHashMap<>();
        long cpu0 = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        long t0 = now();
        FcsFile fcs = FcsReader.read(file, ReadOptions.DEFAULT.withColumns(columns).withChannels(this::neededChannels));
        FcsDataset ds = fcs.first();
        try (EventRows rows = ds.rows()) {
            return analyze(fcs, ds, rows, columns, timings, cpu0, t0);
        }
    }

    private Analysis analyze(FcsFile fcs, FcsDataset ds, EventRows rows, ColumnAllocator columns,
                             Map<String, Long> timings, long cpu0, long t0) throws Exception {
        EventTable table = ds.events();
        List<String> warnings = new ArrayList<>(ds.warnings());
        long t1 = lap(timings, "read", t0);

        PanelResolution panel = pipeline.resolver().resolve(table.channels());
        Set<String> skipped = skippedGates(panel);
        Set<String> used = usedMarkers(panel, skipped);
        long t2 = lap(timings, "resolve", t1);

        // Where the file's events can be read again one at a time and no Gating-ML gate reads the stored columns,
        // the exact values near gate boundaries come from the file: the columns are then free to be compensated
        // and transformed where they lie (a 1M-event file: 9 compensated copies, 36 MB, fewer).
        boolean storedInFile = rows != null && !keepStored && !pipeline.hasGatingMlGates();
        Scale scale = compensate(table, ds.spillover(), panel, used, warnings, columns, storedInFile);
        long t3 = lap(timings, "compensate", t2);

        int n = table.eventCount();
        String compSource = pipeline.definition().compensation().source();
        AppliedGates applied = new AppliedGates(m -> panel.channel(m).name(),
                compSource.equals("matrix") ? AppliedGates.MATRIX_ID
                        : compSource.equals("file") && ds.spillover() != null ? Dimension.FCS
                        : Dimension.UNCOMPENSATED);
        // The exact values, for events near a gate boundary: what the exported Gating-ML gives in double.
        GatingMlEventSource exact = new GatingMlEventSource(table, storedInFile ? rows : null, ds.spillover(),
                applied.matrices(pipeline.matrix()));
        MarkerSource source = new MarkerSource(n, columns);
        Map<String, Transform> transforms = new HashMap<>();
        // A compensated column that only its marker's transform reads is transformed in place (4 MB less for a
        // 1M-event file), and so is a stored one when the exact values come from the file. The columns whose scale
        // values are read later keep them: the median markers' and a ratio band's (computing the medians' columns
        // again cost 30 ms per such file, more than the statistics stage).
        Set<String> transformedInPlace = new HashSet<>();
        // Two markers of one channel share its column: neither may overwrite it.
        Map<float[], Integer> sharing = new java.util.IdentityHashMap<>();
        for (String m : used) {
            sharing.merge(scale.columns().get(key(m)), 1, Integer::sum);
        }
        for (String m : used) {
            if (!inGates(m, skipped)) {
                continue;
            }
            float[] values = scale.columns().get(key(m));
            Transform t = transform(pipeline.transformFor(m), values, n, panel.channel(m).range());
            transforms.put(key(m), t);
            // Values are transformed per gate, for its parent's events only (MarkerSource.cover).
            boolean compensated = scale.compensated().contains(key(m));
            Dimension axis = applied.axis(new Dimension(new Parameter.Named(m),
                    pipeline.isScatter(m) ? Dimension.UNCOMPENSATED : Dimension.FCS, t == null ? null : t.exact()));
            if ((compensated || storedInFile) && t != null && !scaleRead.contains(key(m)) && sharing.get(values) == 1) {
                source.putOwnColumn(m, values, t, i -> exact.value(axis, i));
                transformedInPlace.add(key(m));
            } else {
                source.put(m, values, t, compensated, i -> exact.value(axis, i));
            }
        }
        Function<String, float[]> scaleValues = m -> {
            if (transformedInPlace.contains(key(m))) {
                throw new IllegalStateException("the scale values of " + m + " were transformed in place");
            }
            return scale.columns().get(key(m));
        };
        long t4 = lap(timings, "transform", t3);

        Set<String> scatterKeys = new HashSet<>();
        pipeline.definition().panel().scatter().forEach(s -> scatterKeys.add(key(s)));
        Map<GatingMlDocument, EventSource> gml = new HashMap<>();
        GateResolver resolver = new GateResolver(source, transforms, scaleValues,
                m -> m + "=" + panel.channel(m).name(), scatterKeys,
                doc -> gml.computeIfAbsent(doc, d -> new GatingMlEventSource(table,
                        ds.spillover(), d.matrices())), pipeline.baseDir(), columns);
        Map<String, Population> pops = new LinkedHashMap<>();
        Map<String, String> effectiveParent = new HashMap<>();
        List<GateRecord> records = new ArrayList<>();
        Map<String, Gate> appliedByName = new HashMap<>();
        List<GatingStep> steps = new ArrayList<>();
        Population all = Population.all(n);
        long covering = 0;
        for (GateDef g : pipeline.gateOrder()) {
            String parent = effective(g.parent(), effectiveParent);
            if (skipped.contains(g.name())) {
                effectiveParent.put(g.name(), parent);
                continue;
            }
            Population parentPop = parent.equals(GateDef.ROOT) ? all : pops.get(parent);
            String parentId = parent.equals(GateDef.ROOT) ? null : parent;
            long c0 = now();
            for (String m : g.usedMarkers()) {
                source.cover(m, parentPop);
            }
            covering += now() - c0;
            GateResolver.Resolved r = resolver.resolve(g, parentId, parentPop);
            Population p;
            if (r.gate() == null) {
                p = Population.none(n);
            } else if (r.gate() instanceof GeometricGate geo) {
                p = geo.apply(r.source() == null ? source : r.source(), parentPop);
            } else {
                p = ((BooleanGate) r.gate()).apply(ref -> pops.get(effective(ref, effectiveParent)), parentPop);
            }
            pops.put(g.name(), p);
            effectiveParent.put(g.name(), g.name());
            if (r.gate() != null) {
                appliedByName.put(g.name(), r.gate());
                if (r.source() == null) { // a gate from a Gating-ML file has axes of its own source: not drawn
                    GatingStep step = new GatingStep(g.name(), parentId, r.gate(), List.of(), parentPop, p,
                            referencedGates(r.gate(), appliedByName, effectiveParent), r.record().method());
                    // The sheet plots the parent's events on the step's axes: a boolean gate's are its operands',
                    // which were transformed for their own parents only.
                    long s0 = now();
                    for (Dimension axis : step.axes()) {
                        source.cover(axis.name(), parentPop);
                    }
                    covering += now() - s0;
                    steps.add(step);
                }
                applied.add(r.gate(), parentId, g.isGatingMl(), ref -> effective(ref, effectiveParent));
            }
            records.add(r.record());
            warnings.addAll(r.warnings());
        }
        long t5 = lap(timings, "gate", t4);
        // Transforming values on demand is transform work, not gating.
        timings.merge("transform", covering / 1_000_000, Long::sum);
        timings.merge("gate", -covering / 1_000_000, Long::sum);

        List<PopulationStats> stats = measure(pops, effectiveParent, skipped, scale.columns(), n);
        lap(timings, "stats", t5);
        if (cpu0 >= 0) {
            // Wall times above include waiting for a core on a busy machine; this is the work itself.
            timings.put("cpu", (THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
        }
        for (String m : panel.missingOptional()) {
            warnings.add("the panel has no " + m + " channel: gates using it were skipped");
        }
        String instrument = ds.keywords().value("$CYT");
        GatingMlDocument doc = null;
        try {
            doc = applied.document(pipeline.matrix());
        } catch (RuntimeException e) {
            warnings.add("the applied gates cannot be exported as Gating-ML: " + e.getMessage());
        }
        return new Analysis(fcs.version(), instrument, n, stats, records, warnings, timings, ds.keywords(), doc,
                new GatingView(source, steps));
    }

    /** The gates a boolean gate combines, so the sheet can draw their outlines. */
    private static List<Gate> referencedGates(Gate gate, Map<String, Gate> applied, Map<String, String> effective) {
        if (!(gate instanceof BooleanGate b)) {
            return List.of();
        }
        List<Gate> out = new ArrayList<>();
        for (BooleanGate.Reference ref : b.references()) {
            Gate g = applied.get(effective(ref.gateId(), effective));
            if (g != null) {
                out.add(g);
            }
        }
        return out;
    }

    /**
     * Count, parent count and medians (scale values: compensated, not transformed) of every population, in the
     * pipeline's order; a skipped gate has no row and its children report its parent.
     */
    private List<PopulationStats> measure(Map<String, Population> pops, Map<String, String> effectiveParent,
                                          Set<String> skipped, Map<String, float[]> scale, int n) {
        List<String> markers = new ArrayList<>();
        List<float[]> columns = new ArrayList<>();
        for (String m : pipeline.medianMarkers()) {
            float[] col = scale.get(key(m));
            if (col != null) {
                markers.add(m);
                columns.add(col);
            }
        }
        List<GateDef> measured = new ArrayList<>();
        List<Population> populations = new ArrayList<>();
        for (GateDef g : pipeline.gateOrder()) {
            if (!skipped.contains(g.name())) {
                measured.add(g);
                populations.add(pops.get(g.name()));
            }
        }
        // Exact medians of every population at once: each column bucketed once, nested gates start from their
        // parent's histogram (see OrderStatistics).
        double[][] med = OrderStatistics.medians(columns.toArray(new float[0][]), populations);
        List<PopulationStats> stats = new ArrayList<>();
        Map<String, String> paths = new HashMap<>();
        for (int k = 0; k < measured.size(); k++) {
            GateDef g = measured.get(k);
            String parent = parentOf(g, effectiveParent);
            Population p = populations.get(k);
            long parentCount = parent == null ? n : pops.get(parent).count();
            String path = (parent == null ? "" : paths.get(parent)) + "/" + g.name();
            paths.put(g.name(), path);
            Map<String, Double> medians = new LinkedHashMap<>();
            for (int i = 0; i < markers.size(); i++) {
                medians.put(markers.get(i), med[k][i]);
            }
            stats.add(new PopulationStats(g.name(), path, parent, p.count(), parentCount, n, medians));
        }
        // Keep the pipeline's order in the tables, not the evaluation order.
        List<String> order = pipeline.populationOrder();
        stats.sort((a, b) -> Integer.compare(order.indexOf(a.population()), order.indexOf(b.population())));
        return stats;
    }

    private static String parentOf(GateDef g, Map<String, String> effectiveParent) {
        String p = effective(g.parent(), effectiveParent);
        return p.equals(GateDef.ROOT) ? null : p;
    }

    /** A skipped gate stands for its own parent, recursively. */
    private static String effective(String name, Map<String, String> effectiveParent) {
        String cur = name;
        for (int guard = 0; guard < 1000; guard++) {
            String next = effectiveParent.get(cur);
            if (next == null || next.equals(cur)) {
                return cur;
            }
            cur = next;
        }
        return cur;
    }

    private Set<String> skippedGates(PanelResolution panel) {
        Set<String> skipped = new HashSet<>();
        for (GateDef g : pipeline.gateOrder()) {
            if (g.isOptional() && g.usedMarkers().stream().anyMatch(m -> !panel.has(m))) {
                skipped.add(g.name());
            }
        }
        return skipped;
    }

    private boolean inGates(String marker, Set<String> skipped) {
        for (GateDef g : pipeline.gateOrder()) {
            if (!skipped.contains(g.name()) && g.usedMarkers().stream().anyMatch(m -> m.equalsIgnoreCase(marker))) {
                return true;
            }
        }
        return false;
    }

    /** Markers read by a gate that runs, or reported as medians, in a stable order. */
    private Set<String> usedMarkers(PanelResolution panel, Set<String> skipped) {
        Set<String> used = new LinkedHashSet<>();
        for (GateDef g : pipeline.gateOrder()) {
            if (!skipped.contains(g.name())) {
                used.addAll(g.usedMarkers());
            }
        }
        for (String m : pipeline.medianMarkers()) {
            if (panel.has(m)) {
                used.add(m);
            }
        }
        return used;
    }

    /**
     * The channels an analysis reads: the used markers' (scatter included) and the compensation matrix's, so a
     * file's -H, -W and Time columns are never decoded. All of them when the pipeline has a Gating-ML gate (its
     * dimensions name detectors of their own) or when the panel does not resolve (the analysis then reports why).
     */
    boolean[] neededChannels(List<Channel> channels, SpilloverMatrix fileMatrix) {
        boolean[] out = new boolean[channels.size()];
        java.util.Arrays.fill(out, true);
        if (pipeline.gateOrder().stream().anyMatch(GateDef::isGatingMl)) {
            return out;
        }
        Set<String> names = new HashSet<>();
        try {
            PanelResolution panel = pipeline.resolver().resolve(channels);
            for (String m : usedMarkers(panel, skippedGates(panel))) {
                names.add(key(panel.channel(m).name()));
            }
        } catch (PanelException | RuntimeException e) {
            return out; // read everything; the analysis then reports the panel's problem as it always has
        }
        SpilloverMatrix matrix = matrixFor(fileMatrix);
        if (matrix != null) {
            matrix.channels().forEach(c -> names.add(key(c)));
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = names.contains(key(channels.get(i).name()));
        }
        return out;
    }

    /** The spillover matrix the pipeline compensates with: none, its own, or the file's (null when absent). */
    private SpilloverMatrix matrixFor(SpilloverMatrix fileMatrix) {
        String source = pipeline.definition().compensation().source();
        return source.equals("none") ? null : source.equals("matrix") ? pipeline.matrix() : fileMatrix;
    }

    /** The used markers' scale values, keyed by upper-case marker, and which of them were compensated. */
    private record Scale(Map<String, float[]> columns, Set<String> compensated) {
    }

    /**
     * Scale values of the used markers: fluorescence channels compensated (only those, with the file's or the
     * pipeline's matrix), scatter and channels outside the matrix as they are.
     *
     * @param inPlace compensate into the channels' own columns when no marker reads the same channel uncompensated
     *                (the stored values are then only in the file)
     */
    private Scale compensate(EventTable table, SpilloverMatrix fileMatrix, PanelResolution panel, Set<String> used,
                             List<String> warnings, ColumnAllocator columns, boolean inPlace) {
        Map<String, float[]> out = new HashMap<>();
        Set<String> compensated = new HashSet<>();
        String source = pipeline.definition().compensation().source();
        SpilloverMatrix matrix = matrixFor(fileMatrix);
        if (matrix == null && source.equals("file")) {
            if (pipeline.definition().compensation().missing().equals("warn")) {
                warnings.add("the file has no spillover matrix: analysed uncompensated");
            } else {
                throw new IllegalArgumentException("the file has no spillover matrix ($SPILLOVER/SPILL); set "
                        + "compensation: {missing: warn} in the pipeline to analyse it uncompensated, or give a matrix file");
            }
        }
        List<String> wanted = new ArrayList<>();
        List<String> wantedMarkers = new ArrayList<>();
        Set<String> stored = new HashSet<>();
        for (String m : used) {
            Channel c = panel.channel(m);
            if (!pipeline.isScatter(m) && matrix != null && inMatrix(matrix, c.name())) {
                if (!wanted.contains(c.name())) {
                    wanted.add(c.name());
                }
                wantedMarkers.add(m);
                compensated.add(key(m));
            } else {
                if (!pipeline.isScatter(m) && matrix != null) {
                    warnings.add("channel " + c.name() + " (" + m + ") is not in the spillover matrix: used uncompensated");
                }
                out.put(key(m), table.column(table.indexOf(c.name())));
                stored.add(c.name().toUpperCase(Locale.ROOT));
            }
        }
        // A channel also read as stored values (two markers name it, one of them uncompensated) keeps them.
        boolean shared = wanted.stream().anyMatch(c -> stored.contains(c.toUpperCase(Locale.ROOT)));
        if (!wanted.isEmpty()) {
            float[][] comp = inPlace && !shared ? Compensator.compensateInPlace(table, matrix, wanted)
                    : Compensator.compensate(table, matrix, wanted, columns);
            for (String m : wantedMarkers) {
                out.put(key(m), comp[wanted.indexOf(panel.channel(m).name())]);
            }
        }
        return new Scale(out, compensated);
    }

    private static boolean inMatrix(SpilloverMatrix m, String channel) {
        for (String c : m.channels()) {
            if (c.equalsIgnoreCase(channel)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Builds the column's transform; logicle W "estimate" is computed from this file's values of the column, and
     * a missing {@code t} is the channel's $PnR, so one pipeline fits instruments with different ranges.
     */
    static Transform transform(PipelineDefinition.TransformDef def, float[] values, int n, double channelRange) {
        double top = Transforms.t(def, channelRange);
        String type = Transforms.type(def);
        return switch (type) {
            case "none" -> null;
            case "linear" -> new Linear(top, Transforms.a(def));
            case "log" -> new Log(top, Transforms.m(def));
            case "arcsinh" -> new Arcsinh(top, Transforms.m(def), Transforms.a(def));
            case "hyperlog" -> new Hyperlog(top, Transforms.w(def), Transforms.m(def), Transforms.a(def));
            case "logicle" -> {
                if (!Transforms.estimateW(def)) {
                    // Fixed parameters (SSC-A's W 0.5): one table for every file of the batch (0.4 ms a file).
                    yield FastLogicle.of(top, Transforms.w(def), Transforms.m(def), Transforms.a(def));
                }
                // A W estimated from this file's values is this file's alone: a table of its own, not cached.
                double w = Logicle.estimateW(values, n, top, Transforms.m(def));
                yield new FastLogicle(top, w, Transforms.m(def), Transforms.a(def));
            }
            default -> throw new IllegalStateException(type);
        };
    }

    static String key(String marker) {
        return marker.toUpperCase(Locale.ROOT);
    }

    private long lap(Map<String, Long> timings, String stage, long since) {
        long now = now();
        timings.put(stage, (now - since) / 1_000_000);
        return now;
    }
}
