package org.tregflow.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tregflow.fcs.FcsException;
import org.tregflow.fcs.Keywords;
import org.tregflow.gatingml.GatingMlWriter;
import org.tregflow.output.Hashing;
import org.tregflow.output.OutputException;
import org.tregflow.output.RunManifest;
import org.tregflow.output.Tables;
import org.tregflow.report.CohortReport;
import org.tregflow.report.GatingSheet;
import org.tregflow.stats.EndpointSpec;
import org.tregflow.stats.SampleInfo;
import org.tregflow.stats.SampleResult;

/**
 * The batch runner, usable without the command line:
 * <pre>{@code
 * RunResult r = Pipeline.run(new RunRequest(Path.of("pipelines/ld-il2-treg-nk.yaml"), List.of(Path.of("sample-data")),
 *         null, null, null, Path.of("out"), 4, System.err::println));
 * }</pre>
 * Files are analysed in parallel by a fixed pool, so at most {@code threads} files are decoded at once; a file
 * that fails becomes a failed row and never stops the others.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** Per sample, the gates applied to it as Gating-ML 2.0, in this folder of the output. */
    public static final String GATES_FOLDER = "gatingml";

    private Pipeline() {
    }

    /**
     * Runs a batch.
     *
     * @throws PipelineException the pipeline file is invalid
     * @throws IOException       the sample sheet given cannot be read, or the tables cannot be written
     */
    public static RunResult run(RunRequest request) throws PipelineException, IOException {
        Instant started = Instant.now();
        CompiledPipeline pipeline = CompiledPipeline.load(request.pipeline());
        InputDiscovery.Inputs inputs = InputDiscovery.discover(request.inputs());
        List<String> warnings = new ArrayList<>(inputs.problems());
        SampleSheet sheet = sheet(request, pipeline, inputs, warnings);

        List<Path> files = inputs.files();
        Path gatesDir = request.outDir() == null ? null : request.outDir().resolve(GATES_FOLDER);
        SampleAnalyzer analyzer = new SampleAnalyzer(pipeline);
        Map<String, Map<String, Long>> timings = Collections.synchronizedMap(new LinkedHashMap<>());
        List<SampleResult> results = new ArrayList<>(files.size());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(request.threads(), files.size())), r -> {
            Thread t = new Thread(r, "tregflow-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SampleResult>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    SampleResult r = one(f, inputs, sheet, pipeline, analyzer, timings, gatesDir);
                    int k = done.incrementAndGet();
                    request.progress().accept(String.format(Locale.ROOT, "[%d/%d] %s %s%s", k, files.size(),
                            r.sampleId(), r.status(), r.ok() ? String.format(Locale.ROOT, " (%,d events, %d ms)", r.events(),
                                    timings.getOrDefault(r.sampleId(), Map.of()).entrySet().stream()
                                            .filter(e -> !e.getKey().equals("cpu")).mapToLong(Map.Entry::getValue).sum())
                                    : ": " + r.error()));
                    return r;
                }));
            }
            for (Future<SampleResult> fu : futures) {
                results.add(fu.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("run interrupted", e);
        } catch (ExecutionException e) {
            // one() catches everything a file can throw; reaching here is a bug, not bad input.
            throw new IllegalStateException("internal error while analysing a file", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Instant finished = Instant.now();
        EndpointSpec spec = pipeline.endpoint(request.baselineVisit(), request.endpointVisit());
        Tables.Written written = null;
        long tablesStart = System.nanoTime();
        if (request.outDir() != null) {
            RunManifest manifest = RunManifest.of(request.pipeline(), started, finished, results, timings, warnings);
            try {
                written = Tables.writeAll(request.outDir(), results, pipeline.populationOrder(),
                        pipeline.medianMarkers(), spec, manifest);
            } catch (OutputException e) {
                throw new IOException(e.getMessage(), e);
            }
            try {
                CohortReport.write(request.outDir());
            } catch (IOException | RuntimeException e) {
                LOG.warn("report.html not written", e);
                warnings.add("cannot write report.html: " + e.getMessage());
            }
        }
        return new RunResult(results, timings, warnings, written, spec, (System.nanoTime() - tablesStart) / 1_000_000);
    }

    private static SampleSheet sheet(RunRequest request, CompiledPipeline pipeline, InputDiscovery.Inputs inputs,
                                     List<String> warnings) throws IOException {
        Path path = request.sampleSheet();
        List<Path> allowed = new ArrayList<>(inputs.folders());
        if (path == null) {
            String named = pipeline.definition().samples().sheet();
            if (named != null && !inputs.folders().isEmpty()) {
                Path candidate = inputs.folders().get(0).resolve(named);
                if (Files.isRegularFile(candidate)) {
                    path = candidate;
                }
            }
            if (path == null) {
                return null;
            }
        } else if (!Files.isRegularFile(path)) {
            throw new IOException("sample sheet " + path + ": no such file");
        }
        if (allowed.isEmpty()) {
            // Files given one by one: the sheet may name them wherever they are, but nothing else.
            allowed.add(path.toAbsolutePath().normalize().getParent());
            inputs.files().forEach(f -> allowed.add(f.getParent()));
        }
        SampleSheet s = SampleSheet.read(path, allowed);
        warnings.addAll(s.problems());
        warnings.addAll(s.absent(inputs.files()));
        return s;
    }

    private static SampleResult one(Path file, InputDiscovery.Inputs inputs, SampleSheet sheet,
                                    CompiledPipeline pipeline, SampleAnalyzer analyzer,
                                    Map<String, Map<String, Long>> timings, Path gatesDir) {
        String id = sampleId(file, inputs.folders());
        List<String> warnings = new ArrayList<>();
        SampleInfo info = sheet == null ? null : sheet.entries().get(file);
        if (sheet != null && info == null) {
            warnings.add("not in the sample sheet " + sheet.source() + ": patient and visit unknown");
        }
        if (info == null) {
            info = fromFileName(file, pipeline);
        }
        String sha = null;
        try {
            sha = Hashing.sha256(file);
            SampleAnalyzer.Analysis a = analyzer.analyze(file);
            if (info == null) {
                info = fromKeywords(a.keywords(), pipeline);
            }
            if (info == null) {
                info = SampleInfo.UNKNOWN;
                if (sheet == null) {
                    warnings.add("no sample sheet, filename pattern or keywords give this file's patient and visit");
                }
            }
            warnings.addAll(a.warnings());
            timings.put(id, a.timingsMs());
            if (gatesDir != null && a.appliedGates() != null) {
                try {
                    GatingMlWriter.write(gatesDir.resolve(gatesFileName(id)), a.appliedGates());
                } catch (IOException | RuntimeException e) {
                    warnings.add("cannot write the applied gates as Gating-ML: " + e.getMessage());
                }
            }
            if (gatesDir != null) {
                writeSheet(id, info, a, gatesDir.resolveSibling(CohortReport.SHEETS), warnings);
            }
            return new SampleResult(id, file.toString(), sha, SampleResult.OK, null, a.events(), a.fcsVersion(),
                    a.instrument(), withOrder(info, pipeline), a.populations(), a.gates(), warnings);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String msg = message(e);
            if (e instanceof FcsException || e instanceof PanelException || e instanceof IllegalArgumentException) {
                // Bad input is an expected outcome: the trace goes to the run's log file, not to a library's console.
                LOG.info("{}: {}", file, msg, e);
            } else {
                LOG.error("{}: {}", file, msg, e);
            }
            return new SampleResult(id, file.toString(), sha, SampleResult.FAILED, msg, 0, null, null,
                    withOrder(info == null ? SampleInfo.UNKNOWN : info, pipeline), List.of(), List.of(), warnings);
        }
    }

    /** The file's gating sheet; a plot that cannot be drawn is a warning, never a failed sample. */
    private static void writeSheet(String id, SampleInfo info, SampleAnalyzer.Analysis a, Path dir,
                                   List<String> warnings) {
        long t0 = System.nanoTime();
        String title = Stream.of(info.patient(), info.visit(), info.arm() == null ? null : info.arm() + " arm")
                .filter(x -> x != null && !x.isBlank()).collect(Collectors.joining(" · "));
        try {
            GatingSheet.write(id, title, a.view().source(), a.view().steps(), dir);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: gating sheet not drawn", id, e);
            warnings.add("cannot draw the gating sheet: " + e.getMessage());
        }
        a.timingsMs().put("plot", (System.nanoTime() - t0) / 1_000_000);
    }

    static String message(Throwable e) {
        if (e instanceof FcsException || e instanceof PanelException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "not enough memory to analyse this file (run with fewer --threads or a larger -Xmx)";
        }
        if (e instanceof IOException) {
            return "cannot read the file: " + e.getMessage();
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            return e.getMessage();
        }
        return "internal error " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + " (details in tregflow.log)";
    }

    /** The visit order from the sheet, else from the pipeline's visit list. */
    private static SampleInfo withOrder(SampleInfo info, CompiledPipeline pipeline) {
        if (info.visitOrder() != null || info.visit() == null) {
            return info;
        }
        Double order = pipeline.visitOrder(info.visit());
        if (order == null && info.day() != null) {
            order = info.day();
        }
        return new SampleInfo(info.patient(), info.visit(), info.arm(), order, info.day());
    }

    private static SampleInfo fromFileName(Path file, CompiledPipeline pipeline) {
        String pattern = pipeline.definition().samples().filenamePattern();
        if (pattern == null) {
            return null;
        }
        Matcher m = Pattern.compile(pattern).matcher(file.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        String arm = null;
        try {
            arm = m.group("arm");
        } catch (IllegalArgumentException e) {
            // the pattern has no arm group
        }
        return new SampleInfo(m.group("patient"), m.group("visit"), arm, null, null);
    }

    private static SampleInfo fromKeywords(Keywords k, CompiledPipeline pipeline) {
        Map<String, String> names = pipeline.definition().samples().keywords();
        if (names.isEmpty()) {
            return null;
        }
        String patient = names.containsKey("patient") ? k.value(names.get("patient")) : null;
        String visit = names.containsKey("visit") ? k.value(names.get("visit")) : null;
        String arm = names.containsKey("arm") ? k.value(names.get("arm")) : null;
        if (patient == null && visit == null) {
            return null;
        }
        return new SampleInfo(patient, visit, arm, null, null);
    }

    /** The Gating-ML file name of a sample: its id with folders flattened. */
    public static String gatesFileName(String sampleId) {
        return sampleId.replace('/', '_').replace('\\', '_') + ".gating-ml.xml";
    }

    /** The file's path relative to the input folder holding it ("/" separated), else its name. */
    static String sampleId(Path file, List<Path> folders) {
        for (Path f : folders) {
            if (file.startsWith(f)) {
                return f.relativize(file).toString().replace('\\', '/');
            }
        }
        return file.getFileName().toString();
    }
}
