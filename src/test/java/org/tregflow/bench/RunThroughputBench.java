package org.tregflow.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.tregflow.pipeline.Pipeline;
import org.tregflow.pipeline.RunRequest;
import org.tregflow.report.SheetFormat;

/**
 * Whole runs (read, analyse, gating sheets and Gating-ML per file, tables, report) of the default pipeline over a
 * folder, repeated in one JVM: once the JIT has compiled the hot code and the heap has settled, the figures are
 * the throughput a long night's batch gets, which a run of a few files in a fresh JVM (scripts/bench) cannot show.
 * Prints per run: wall seconds, the process's CPU seconds (all threads: workers, hashing, GC, JIT), events/s and
 * events/s per CPU-second; then the medians of the runs after the first two (steady state).
 * Run: java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) org.tregflow.bench.RunThroughputBench DIR [RUNS] [THREADS] [SHEETS]
 * (SHEETS as {@code tregflow run --sheets}: svg,png by default, svg, png or none).
 */
public final class RunThroughputBench {
    private RunThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        java.util.Set<SheetFormat> sheets = SheetFormat.parse(args.length > 3 ? args[3] : "svg,png");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".fcs")).sorted().toList();
        }
        Path sheet = dir.resolve("samples.csv");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path out = Files.createTempDirectory("tregflow-throughput");
        List<double[]> settled = new java.util.ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            var result = Pipeline.run(new RunRequest(Path.of("pipelines", "ld-il2-treg-nk.yaml"), files,
                    Files.exists(sheet) ? sheet : null, null, null, out.resolve("run" + r), threads, null, false, null,
                    sheets));
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long events = result.samples().stream().mapToLong(x -> x.events()).sum();
            System.out.printf("run %d: %d files, %d events, %.2f s wall, %.2f s CPU, %.2f M events/s, %.2f M events per CPU-second, peak RSS so far %s%n",
                    r, files.size(), events, wall, cpu, events / wall / 1e6, events / cpu / 1e6, peakRss());
            if (r >= WARM_UP_RUNS) {
                settled.add(new double[] {wall, cpu, events});
            }
        }
        if (!settled.isEmpty()) {
            double wall = median(settled, 0);
            double cpu = median(settled, 1);
            double events = settled.get(0)[2];
            System.out.printf("steady (median of runs %d-%d): %.2f s wall, %.2f s CPU, %.2f M events/s, %.2f M events per CPU-second%n",
                    WARM_UP_RUNS, runs - 1, wall, cpu, events / wall / 1e6, events / cpu / 1e6);
        }
    }

    /** Runs that compile the hot code and grow the heap; not counted in the steady figures. */
    private static final int WARM_UP_RUNS = 2;

    /**
     * The process's peak resident memory so far (Linux VmHWM), run after run: a heap that keeps growing over a long
     * batch shows here (Java 25 without pipeline.HeapGuard: 456 MB -> 1.8 GB over six runs).
     */
    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB";
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return "unknown";
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(x -> x[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
