package org.tregflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.tregflow.report.GatingSheet;
import org.tregflow.report.TregSample;
import org.tregflow.simulate.Visit;

/**
 * The gating sheet's binning and layout (GatingSheetBench.layoutOnly) of a gated 1,000,000-event sample, timed by
 * the thread's CPU time (best of 20 after 10 warm-up runs): on a shared machine wall time measures the load.
 * Run: java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) org.tregflow.bench.SheetCpuBench
 */
public final class SheetCpuBench {
    private SheetCpuBench() {
    }

    public static void main(String[] args) throws java.io.IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        TregSample sample = new TregSample(events, 0, Visit.AFTER_CYCLE_4);
        long binned = sample.steps.stream().mapToLong(s -> s.parentEvents().count()).sum();
        long best = Long.MAX_VALUE;
        int panels = 0;
        for (int r = 0; r < 30; r++) {
            long start = cpu.getCurrentThreadCpuTime();
            List<?> layout = GatingSheet.layoutForBench(sample.source, sample.steps);
            long took = cpu.getCurrentThreadCpuTime() - start;
            panels = layout.size();
            if (r >= 10) {
                best = Math.min(best, took);
            }
        }
        System.out.printf("sheet layout: %d panels, %,d parent events binned, best %.1f ms CPU (%.1f ns per event)%n",
                panels, binned, best / 1e6, (double) best / binned);
        // The whole sheet as the pipeline writes it (SVG here, PNG on a thread beside it): CPU of every thread.
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sheet-cpu");
        long bestWrite = Long.MAX_VALUE;
        for (int r = 0; r < 20; r++) {
            long start = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
            GatingSheet.write("P01_C4.fcs", "benchmark", sample.source, sample.steps, dir);
            long took = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - start;
            if (r >= 5) {
                bestWrite = Math.min(bestWrite, took);
            }
        }
        System.out.printf("sheet written (SVG and PNG): best %.1f ms CPU of the process%n", bestWrite / 1e6);
    }
}
