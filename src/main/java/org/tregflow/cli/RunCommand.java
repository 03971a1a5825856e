package org.tregflow.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.tregflow.output.EndpointText;
import org.tregflow.output.OutputException;
import org.tregflow.pipeline.Pipeline;
import org.tregflow.pipeline.PipelineException;
import org.tregflow.pipeline.RunRequest;
import org.tregflow.pipeline.RunLock;
import org.tregflow.pipeline.RunLockedException;
import org.tregflow.pipeline.RunResult;
import org.tregflow.report.SheetFormat;
import org.tregflow.stats.CohortRow;
import org.tregflow.stats.SampleResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tregflow run}: the batch: FCS files to tables, the endpoint table on standard output. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Analyse FCS files with a pipeline and write the samples, populations, gates, visits, endpoint "
                + "and cohort tables (Arrow + CSV) and manifest.json to the output folder.",
                "Progress goes to standard error, the endpoint table and cohort summary to standard output, the full "
                + "log to OUT/tregflow.log.",
                "Exit codes: 0 all inputs processed, 1 some failed (see the samples table), 2 bad usage or invalid "
                + "pipeline, 3 nothing could be processed, 4 another run is using the output folder, 5 the tables "
                + "could not be written (disk full, permissions; the message says whether the previous tables are "
                + "all still there; --resume after the fix reuses the stored results).",
                "Unattended runs: every finished file's result is kept in OUT/.tregflow/results; after a crash or a "
                + "kill, --resume analyses only new or changed files (content or pipeline) and rebuilds the tables. "
                + "One run at a time per output folder (OUT/.tregflow/lock; a dead run's lock is taken over)."})
public final class RunCommand implements Callable<Integer> {
    static final Path DEFAULT_PIPELINE = Path.of("pipelines", "ld-il2-treg-nk.yaml");
    static final Path DEFAULT_INPUT = Path.of("sample-data");
    /** Exit code when another run holds the output folder's lock (a scheduler may simply retry later). */
    static final int EXIT_LOCKED = 4;
    /**
     * Exit code when the files were analysed but the tables could not be written (a full disk, a folder without
     * write permission): the output folder, not the inputs or the pipeline, needs fixing, and a scheduler may retry.
     */
    static final int EXIT_NOT_WRITTEN = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--pipeline", paramLabel = "FILE", description = "Pipeline definition (default: ${DEFAULT-VALUE}).")
    Path pipeline = DEFAULT_PIPELINE;

    @Option(names = "--sample-sheet", paramLabel = "CSV",
            description = "Sample sheet, UTF-8 CSV (file,patient,visit[,arm,visit_order,day]); default: the "
                    + "pipeline's samples.sheet in the first input folder (sample-data/samples.csv).")
    Path sampleSheet;

    @Option(names = "--baseline-visit", paramLabel = "V", description = "Overrides the pipeline's baseline visit.")
    String baselineVisit;

    @Option(names = "--endpoint-visit", paramLabel = "V", description = "Overrides the pipeline's endpoint visit.")
    String endpointVisit;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("out");

    @Option(names = "--threads", paramLabel = "N",
            description = "Files analysed at once, at most: fewer when the heap cannot hold them "
                    + "(default: available cores).")
    Integer threads;

    @Option(names = "--resume", description = "Reuse the stored results of files whose content and pipeline are "
            + "unchanged since an earlier run into the same output folder; analyse only the others.")
    boolean resume;

    @Option(names = "--sheets", paramLabel = "FORMATS",
            description = "Gating sheets written per sample in OUT/sheets: svg, png, svg,png or none "
                    + "(default: ${DEFAULT-VALUE}). The SVG is the sharp one to sign off, the PNG a quick look; "
                    + "without either a batch takes 30%% (1M-event files) to 44%% (100,000-event files) less CPU. "
                    + "A sample's sheets of other formats left there by earlier runs are removed.")
    String sheets = "svg,png";

    @Option(names = "--quiet", description = "No progress display (failures and the summary are still printed).")
    boolean quiet;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "FCS files or folders (searched recursively; default: sample-data).")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            err.println("tregflow run: --threads must be at least 1");
            return 2;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            err.println("tregflow run: --out " + out + " is a file, not a folder");
            return 2;
        }
        Set<SheetFormat> sheetFormats;
        try {
            sheetFormats = SheetFormat.parse(sheets);
        } catch (IllegalArgumentException e) {
            err.println("tregflow run: --sheets: " + e.getMessage());
            return 2;
        }
        List<Path> in = inputs.isEmpty() ? List.of(DEFAULT_INPUT) : inputs;
        RunLog log;
        RunLock lock;
        List<String> lockWarnings = new ArrayList<>();
        try {
            Files.createDirectories(out);
            // The lock before the log: a refused second run must not truncate the running one's log.
            lock = RunLock.acquire(out, lockWarnings::add);
        } catch (RunLockedException e) {
            err.println("tregflow run: " + e.getMessage());
            err.flush();
            return EXIT_LOCKED;
        } catch (IOException e) {
            err.println("tregflow run: cannot create the output folder " + out + ": " + e.getMessage());
            return 2;
        }
        log = RunLog.start(out.resolve("tregflow.log"));
        int leftovers = lock.removeLeftovers();
        if (leftovers > 0) {
            LoggerFactory.getLogger(RunCommand.class).info("removed {} temporary files left by an interrupted run",
                    leftovers);
        }
        for (String w : lockWarnings) {
            err.println("warning: " + w);
            LoggerFactory.getLogger(RunCommand.class).warn(w);
        }
        try {
            ProgressReporter progress = ProgressReporter.forTerminal(err, quiet);
            RunResult r = Pipeline.run(new RunRequest(pipeline, in, sampleSheet, baselineVisit, endpointVisit, out, n,
                    null, resume, progress, sheetFormats));
            r.warnings().forEach(w -> err.println("warning: " + w));
            if (r.samples().isEmpty()) {
                err.println("tregflow run: no FCS files found in " + in);
                return 3;
            }
            if (r.written() != null) {
                if (r.endpoint() != null) {
                    stdout.printf(Locale.ROOT, "Endpoint: %s %s, %s vs %s, threshold %s-fold%n", r.endpoint().population(),
                            r.endpoint().statistic(), r.endpoint().endpointVisit(), r.endpoint().baselineVisit(),
                            fmt(r.endpoint().threshold()));
                    stdout.print(EndpointText.format(r.written().endpoint()));
                    stdout.println();
                    stdout.println(cohortSummary(r.written().cohort()));
                }
                err.printf(Locale.ROOT, "%d of %d files ok (%d reused from earlier runs); tables and manifest in %s "
                        + "(written in %d ms)%n", r.okCount(), r.samples().size(), progress.reusedCount(), out,
                        r.tablesMs());
            }
            for (SampleResult s : r.samples()) {
                if (!s.ok()) {
                    err.println("failed: " + s.sampleId() + ": " + s.error());
                }
            }
            return r.exitCode();
        } catch (PipelineException e) {
            err.println("tregflow run: invalid pipeline:");
            e.problems().forEach(p -> err.println("  " + p));
            return 2;
        } catch (OutputException e) {
            LoggerFactory.getLogger(RunCommand.class).error("tables not written", e);
            err.println("tregflow run: " + e.getMessage());
            return EXIT_NOT_WRITTEN;
        } catch (IOException e) {
            LoggerFactory.getLogger(RunCommand.class).error("run failed", e);
            err.println("tregflow run: " + e.getMessage());
            return 2;
        } finally {
            stdout.flush();
            err.flush();
            log.stop();
            lock.close();
        }
    }

    /** "IL-2: met 5 / evaluable 8; placebo: met 0 / evaluable 4". */
    static String cohortSummary(List<CohortRow> cohort) {
        List<String> arms = new ArrayList<>();
        for (CohortRow r : cohort) {
            if (CohortRow.SCOPE_ARM.equals(r.scope()) && "met".equals(r.measure())) {
                long evaluable = cohort.stream().filter(x -> CohortRow.SCOPE_ARM.equals(x.scope())
                        && "evaluable".equals(x.measure()) && java.util.Objects.equals(x.arm(), r.arm()))
                        .mapToLong(x -> (long) x.value()).findFirst().orElse(0);
                arms.add((r.arm() == null ? "(no arm)" : r.arm()) + ": met " + (long) r.value() + " / evaluable " + evaluable);
            }
        }
        return "Cohort: " + (arms.isEmpty() ? "no evaluable patients" : String.join("; ", arms));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : Double.toString(v);
    }

    /**
     * The run's log file: everything tregflow logs (with stack traces) goes to OUT/tregflow.log and not to the
     * terminal, which gets the one-line messages only. Restored when the run ends so repeated runs in one JVM
     * (tests, notebooks) do not pile up appenders.
     */
    static final class RunLog {
        private final ch.qos.logback.classic.Logger logger;
        private final FileAppender<ILoggingEvent> appender;
        private final Level level;
        private final boolean additive;

        private RunLog(ch.qos.logback.classic.Logger logger, FileAppender<ILoggingEvent> appender) {
            this.logger = logger;
            this.appender = appender;
            this.level = logger.getLevel();
            this.additive = logger.isAdditive();
        }

        static RunLog start(Path file) {
            if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
                return new RunLog(null, null);
            }
            FileAppender<ILoggingEvent> fa = new FileAppender<>();
            fa.setContext(ctx);
            fa.setName("tregflow-run-" + System.nanoTime());
            fa.setFile(file.toString());
            fa.setAppend(false);
            fa.setEncoder(LogSetup.encoder(ctx, LogSetup.fileLayout()));
            fa.start();
            ch.qos.logback.classic.Logger lg = ctx.getLogger("org.tregflow");
            RunLog log = new RunLog(lg, fa);
            lg.addAppender(fa);
            lg.setLevel(Level.INFO);
            lg.setAdditive(false);
            return log;
        }

        void stop() {
            if (logger == null) {
                return;
            }
            logger.detachAppender(appender);
            appender.stop();
            logger.setLevel(level);
            logger.setAdditive(additive);
        }
    }
}
