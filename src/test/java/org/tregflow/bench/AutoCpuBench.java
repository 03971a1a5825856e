package org.tregflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.tregflow.transform.Logicle;

/**
 * The workloads of AutoGateBench and StatsBench, the logicle W estimate of a 1,000,000-event compensated
 * column, the construction of one fast-logicle table and the lymphocyte gate's 10,000-event subsample, timed by the thread's CPU time (best of RUNS after warm-up): on a machine shared by several processes
 * JMH's wall-clock scores measure the load, CPU time still measures the code.
 * Run: java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) org.tregflow.bench.AutoCpuBench [RUNS] [REGEX]
 */
public final class AutoCpuBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static int sink;

    private AutoCpuBench() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String only = args.length > 1 ? args[1] : ".*";
        AutoGateBench auto = new AutoGateBench();
        auto.setup();
        StatsBench stats = new StatsBench();
        stats.setup();
        float[] compensated = stats.columns[0];
        Map<String, Supplier<Object>> work = new LinkedHashMap<>();
        work.put("gaussianMixture", auto::gaussianMixture);
        work.put("medians", stats::medians);
        work.put("mediansPerGate", stats::mediansPerGate);
        work.put("mediansAllGates", stats::mediansAllGates);
        work.put("estimateW", () -> Logicle.estimateW(compensated, compensated.length, 262144, 4.5));
        work.put("fastLogicleTable", () -> new org.tregflow.transform.FastLogicle(262144, 0.5, 4.5, 0));
        work.put("gatherParent", auto::gatherParent);
        work.put("densityValley", auto::densityValley);
        work.put("tailCut", auto::tailCut);
        work.put("quantileCut", auto::quantileCut);
        work.put("ratioBand", auto::ratioBand);
        // The lymphocyte gate's sample: 10,000 of a 1,000,000-event file's events.
        org.tregflow.gating.Population all = org.tregflow.gating.Population.all(1_000_000);
        work.put("subsample", () -> org.tregflow.gating.auto.Subsample.of(all, 10_000, 20240601L));
        System.out.println("load average: " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (Map.Entry<String, Supplier<Object>> e : work.entrySet()) {
            if (!e.getKey().matches(only)) {
                continue;
            }
            long best = Long.MAX_VALUE;
            for (int r = 0; r < runs + 5; r++) {
                long c0 = CPU.getCurrentThreadCpuTime();
                sink += e.getValue().get().hashCode();
                long t = CPU.getCurrentThreadCpuTime() - c0;
                if (r >= 5) {
                    best = Math.min(best, t);
                }
            }
            System.out.printf("%-16s best cpu %8.3f ms%n", e.getKey(), best / 1e6);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
