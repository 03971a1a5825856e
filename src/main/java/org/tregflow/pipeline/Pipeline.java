package org.tregflow.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tregflow.fcs.FcsException;
import org.tregflow.fcs.Keywords;
import org.tregflow.io.Parallel;
import org.tregflow.io.SideTask;
import org.tregflow.output.ArrowTableWriter;
import org.tregflow.output.RunManifest;
import org.tregflow.output.Tables;
import org.tregflow.report.CohortReport;
import org.tregflow.report.GatingSheet;
import org.tregflow.report.SheetCanvas;
import org.tregflow.report.SheetFormat;
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
     * @throws IOException       the sample sheet given cannot be read, or ({@link org.tregflow.output.OutputException})
     *                           the tables cannot be written
     */
    public static RunResult run(RunRequest request) throws PipelineException, IOException {
        if (request.outDir() == null || RunLock.heldByCurrentThread(request.outDir())) {
            return runLocked(request);
        }
        // A library caller (a notebook, a workflow engine) gets the same one-run-per-folder rule as the command line.
        try (RunLock lock = RunLock.acquire(request.outDir(), w -> LOG.warn("{}", w))) {
            lock.removeLeftovers();
            return runLocked(request);
        } catch (RunLockedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Java2D with its fonts and Arrow with Netty take ~0.5 s to start in a fresh JVM, a third of a small run, and
     * are first needed only after the first file is analysed: a background thread starts them meanwhile, on the
     * core the analysis leaves free (the sheet and table writers wait for it if they get there first).
     */
    private static void warmUpOutputs(boolean sheets) {
        Thread t = new Thread(() -> {
            if (sheets) {
                GatingSheet.warmUp();
            }
            ArrowTableWriter.warmUp();
        }, "tregflow-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static RunResult runLocked(RunRequest request) throws PipelineException, IOException {
        Instant started = Instant.now();
        if (request.outDir() != null) {
            warmUpOutputs(!request.sheets().isEmpty());
        }
        CompiledPipeline pipeline = CompiledPipeline.load(request.pipeline());
        InputDiscovery.Inputs inputs = InputDiscovery.discover(request.inputs());
        List<String> warnings = new ArrayList<>(inputs.problems());
        SampleSheet sheet = sheet(request, pipeline, inputs, warnings);
        if (request.outDir() != null) {
            String overwrite = wouldOverwrite(request.outDir(), sheet == null ? null : sheet.source(),
                    request.pipeline());
            if (overwrite != null) {
                throw new IOException(overwrite);
            }
        }

        List<Path> files = inputs.files();
        String clash = InputClashes.refusal(files, inputs.folders());
        if (clash != null) {
            throw new IOException(clash);
        }
        RunListener listener = request.listener();
        // TEXT only, before any DATA: the whole batch's panel mismatches reported together, up front.
        long panelStart = System.nanoTime();
        PanelCheck.Report panel = PanelCheck.check(files, pipeline, f -> sampleId(f, inputs.folders()));
        LOG.info("panel check: TEXT of {} files in {} ms, {} fail before their DATA is read", files.size(),
                (System.nanoTime() - panelStart) / 1_000_000, panel.failed().size());
        warnings.addAll(panel.summary());
        panel.summary().forEach(listener::notice);
        ResultStore store = request.outDir() == null ? null
                : new ResultStore(request.outDir(), ResultStore.runKey(pipeline, request.pipeline()));
        SampleOutputs outputs = request.outDir() == null ? null : new SampleOutputs(request.outDir(), request.sheets());
        InputHashes hashes = request.outDir() == null ? InputHashes.none() : InputHashes.load(request.outDir());
        Map<String, Map<String, Long>> timings = Collections.synchronizedMap(new LinkedHashMap<>());
        Set<String> reused = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        listener.started(files.size());
        // Tasks are submitted up front but each reads its file only when a worker takes it: at most `workers`
        // files are decoded at once, whatever the batch's size.
        int workers = workers(request.threads(), files, panel, warnings);
        Batch batch = new Batch(inputs, sheet, pipeline, new SampleAnalyzer(pipeline), panel, store, hashes,
                request.resume(), outputs, timings, reused);
        // Each worker lends its columns and its sheet's raster from file to file (ColumnPool, SheetCanvas); they go
        // with the workers at the end.
        ThreadLocal<Worker> workerState =
                ThreadLocal.withInitial(() -> new Worker(new ColumnPool(), new SheetCanvas()));
        HeapGuard heap = HeapGuard.forThisJvm();
        List<SampleResult> results;
        try {
            results = Parallel.map(files, workers, "tregflow-run", f -> {
                long t0 = System.nanoTime();
                SampleResult r = one(f, batch, workerState.get());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                heap.afterFile();
                saveHashesIfDue(hashes);
                int k = done.incrementAndGet();
                boolean wasReused = reused.contains(r.sampleId());
                request.progress().accept(String.format(Locale.ROOT, "[%d/%d] %s %s%s", k, files.size(),
                        r.sampleId(), r.status(), r.ok() ? String.format(Locale.ROOT, " (%,d events, %s)", r.events(),
                                wasReused ? "reused" : ms + " ms")
                                : ": " + r.error()));
                listener.fileDone(r, wasReused, ms);
                return r;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("run interrupted", e);
        } catch (RuntimeException e) {
            // one() catches everything a file can throw; reaching here is a bug, not bad input.
            throw new IllegalStateException("internal error while analysing a file", e);
        }
        listener.finished();
        warnings.addAll(InputClashes.sameContent(results));
        LOG.info("{} files: {} analysed, {} reused from {}", files.size(), files.size() - reused.size(), reused.size(),
                store == null ? "(no output folder)" : store.folder());
        Set<String> hashesRecorded = new HashSet<>();
        for (Path f : files) {
            if (hashes.fromRecord(f)) {
                hashesRecorded.add(sampleId(f, inputs.folders()));
            }
        }
        if (request.resume()) {
            LOG.info("{} of {} files unchanged since they were hashed: not read", hashesRecorded.size(), files.size());
        }
        try {
            hashes.save();
        } catch (IOException e) {
            // Only a cost: the next --resume reads and hashes these files again.
            LOG.warn("cannot record the input files' hashes: {}", e.toString());
        }
        Instant finished = Instant.now();
        EndpointSpec spec = pipeline.endpoint(request.baselineVisit(), request.endpointVisit());
        Tables.Written written = null;
        long tablesStart = System.nanoTime();
        if (request.outDir() != null) {
            RunManifest manifest = RunManifest.of(request.pipeline(), started, finished, results, timings, warnings)
                    .withBatch(new RunManifest.Batch(store.runKey(), request.resume(), reused, hashesRecorded,
                            SheetFormat.format(request.sheets())));
            written = Tables.writeAll(request.outDir(), results, pipeline.populationOrder(),
                    pipeline.medianMarkers(), spec, manifest);
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
        SampleSheet s = SampleSheet.read(path, allowed).matchedTo(inputs.files());
        warnings.addAll(s.problems());
        warnings.addAll(s.absent(inputs.files()));
        return s;
    }

    /**
     * A refusal when the run would write a table, its manifest or its report over the sample sheet or the pipeline
     * file (the output folder given as the input folder: the samples table is samples.csv, the sheet's usual name).
     * Names are compared ignoring case, as macOS and Windows do; null when nothing would be overwritten.
     */
    static String wouldOverwrite(Path outDir, Path sheet, Path pipelineFile) {
        String refusal = overwritten(outDir, sheet, "sample sheet");
        return refusal != null ? refusal : overwritten(outDir, pipelineFile, "pipeline");
    }

    private static String overwritten(Path outDir, Path own, String what) {
        if (own == null) {
            return null;
        }
        Path p = own.toAbsolutePath().normalize();
        String name = p.getFileName().toString();
        boolean ours = name.equalsIgnoreCase(CohortReport.FILE)
                || Tables.FILES.stream().anyMatch(name::equalsIgnoreCase);
        if (!ours || !outDir.toAbsolutePath().normalize().equals(p.getParent())) {
            return null;
        }
        return "the output folder " + outDir + " holds the " + what + " " + p + ", which the run would write over with "
                + "its own " + name + "; give another --out (the " + what + " was not touched)";
    }

    /** What every file of a run shares. */
    private record Batch(InputDiscovery.Inputs inputs, SampleSheet sheet, CompiledPipeline pipeline,
                         SampleAnalyzer analyzer, PanelCheck.Report panel, ResultStore store, InputHashes hashes,
                         boolean resume, SampleOutputs outputs, Map<String, Map<String, Long>> timings,
                         Set<String> reused) {
    }

    /** What a worker keeps from one file to the next. */
    private record Worker(ColumnPool columns, SheetCanvas canvas) {
    }

    private static SampleResult one(Path file, Batch b, Worker worker) {
        String id = sampleId(file, b.inputs().folders());
        List<String> warnings = new ArrayList<>();
        SampleInfo info = b.sheet() == null ? null : b.sheet().entries().get(file);
        if (b.sheet() != null && info == null) {
            warnings.add("not in the sample sheet " + b.sheet().source() + ": patient and visit unknown");
        }
        if (info == null) {
            info = fromFileName(file, b.pipeline());
        }
        String sha = null;
        try {
            String early = b.panel().failed().get(file);
            if (early != null) {
                // Failed the TEXT/panel check: its DATA is never read.
                sha = shaOrNull(b.hashes(), file, b.resume());
                LOG.info("{}: {}", file, early);
                return failed(id, file, sha, early, info, b, warnings);
            }
            if (info == null) {
                info = fromKeywords(b.panel().keywords().get(file), b.pipeline());
            }
            if (info == null) {
                info = SampleInfo.UNKNOWN;
                if (b.sheet() == null) {
                    warnings.add("no sample sheet, filename pattern or keywords give this file's patient and visit");
                }
            }
            String title = sheetTitle(info);
            // The file's SHA-256 decides reuse under --resume, so it comes first there (from the record of input
            // hashes while the file is unchanged on disk: no read at all); otherwise it is only recorded, and is
            // computed on another thread while the file is analysed (reading 64 MB twice, and hashing it without
            // C2's SHA instructions when scripts/tregflow runs C1-only, took ~1 s).
            SideTask<String> hashing = null;
            ResultStore.Stored s = null;
            ResultStore store = b.store();
            SampleOutputs outputs = b.outputs();
            if (b.resume() && store != null) {
                sha = b.hashes().sha256(file, true);
                s = store.load(sha, id).orElse(null);
            } else {
                hashing = SideTask.start("tregflow-sha256", () -> b.hashes().sha256(file, false));
            }
            if (s != null && outputs != null && !outputs.inPlace(id, title, s)) {
                s = null;
            }
            List<String> outputWarnings = new ArrayList<>();
            if (s != null) {
                b.reused().add(id);
                if (outputs != null) {
                    outputs.reused(id, s, outputWarnings);
                }
            } else {
                try {
                    SampleAnalyzer.Analysis a;
                    try {
                        a = b.analyzer().analyze(file, worker.columns());
                    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                        sha = hashing == null ? sha : hashOrNull(hashing); // a failed row still names its file's hash
                        throw e;
                    }
                    if (hashing != null) {
                        sha = hashing.join();
                    }
                    b.timings().put(id, a.timingsMs());
                    SampleOutputs.Written written = outputs == null ? SampleOutputs.Written.NOTHING
                            : outputs.write(id, title, a, worker.canvas(), outputWarnings);
                    s = new ResultStore.Stored(ResultStore.FORMAT, sha, id, store == null ? null : store.runKey(),
                            a.fcsVersion(), a.instrument(), a.events(), a.populations(), a.gates(), a.warnings(),
                            written.gatingMl(), written.sheets() ? title : null);
                    if (store != null) {
                        try {
                            store.save(s);
                        } catch (IOException e) {
                            // The result is still good for this run's tables; only a later --resume loses it.
                            LOG.warn("{}: cannot store the result for --resume: {}", file, e.toString());
                        }
                    }
                } finally {
                    // The analysis, its sheet and Gating-ML are done with the file's columns: the next file's now.
                    worker.columns().release();
                }
            }
            warnings.addAll(s.warnings());
            warnings.addAll(outputWarnings);
            return new SampleResult(id, file.toString(), sha, SampleResult.OK, null, s.events(), s.fcsVersion(),
                    s.instrument(), withOrder(info, b.pipeline()), s.populations(), s.gates(), warnings);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String msg = message(e);
            if (e instanceof FcsException || e instanceof PanelException || e instanceof IllegalArgumentException) {
                // Bad input is an expected outcome: the trace goes to the run's log file, not to a library's console.
                LOG.info("{}: {}", file, msg, e);
            } else {
                LOG.error("{}: {}", file, msg, e);
            }
            return failed(id, file, sha, msg, info, b, warnings);
        }
    }

    /** A failed row; the sample's files of an earlier run go (this run's tables say it failed). */
    private static SampleResult failed(String id, Path file, String sha, String msg, SampleInfo info, Batch b,
                                       List<String> warnings) {
        if (b.outputs() != null) {
            b.outputs().removeAll(id, warnings);
        }
        return new SampleResult(id, file.toString(), sha, SampleResult.FAILED, msg, 0, null, null,
                withOrder(info == null ? SampleInfo.UNKNOWN : info, b.pipeline()), List.of(), List.of(), warnings);
    }

    /** The hash computed beside the analysis, or null when it failed too. */
    private static String hashOrNull(SideTask<String> hashing) {
        try {
            return hashing.join();
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String shaOrNull(InputHashes hashes, Path file, boolean resume) {
        try {
            return hashes.sha256(file, resume);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The gating sheet's title: who and when the sample is. */
    private static String sheetTitle(SampleInfo info) {
        return Stream.of(info.patient(), info.visit(), info.arm() == null ? null : info.arm() + " arm")
                .filter(x -> x != null && !x.isBlank()).collect(Collectors.joining(" · "));
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
        if (names.isEmpty() || k == null) {
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

    /** Writes the record of input hashes now and then during a run, so that a killed run keeps most of it. */
    private static void saveHashesIfDue(InputHashes hashes) {
        try {
            hashes.saveIfDue(System.nanoTime());
        } catch (IOException e) {
            // Only a cost: the next --resume reads and hashes these files again (the end of the run tries again).
            LOG.warn("cannot record the input files' hashes: {}", e.toString());
        }
    }

    /** The files analysed at once ({@link FilesInFlight}); when memory makes them fewer than asked, a warning says. */
    private static int workers(int threads, List<Path> files, PanelCheck.Report panel, List<String> warnings) {
        Path largest = null;
        long size = 0;
        for (Path f : files) {
            long b = panel.decodedBytes().getOrDefault(f, 0L);
            if (b > size) {
                size = b;
                largest = f;
            }
        }
        long heap = Runtime.getRuntime().maxMemory();
        int n = FilesInFlight.workers(threads, files.size(), size, heap);
        int asked = Math.min(threads, files.size());
        if (n < asked) {
            String w = String.format(Locale.ROOT, "memory: %d file%s analysed at a time instead of %d: the largest "
                    + "input (%s, %,d MB as decoded columns) needs about %,d MB of heap in flight, and this JVM's "
                    + "heap is %,d MB (raise it with TREGFLOW_JAVA_OPTS=-Xmx...)", n, n == 1 ? "" : "s",
                    asked, largest.getFileName(), size >> 20,
                    FilesInFlight.heapFor(size) >> 20, heap >> 20);
            LOG.warn(w);
            warnings.add(w);
        }
        return n;
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
