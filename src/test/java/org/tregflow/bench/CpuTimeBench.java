package org.tregflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tregflow.compensation.Compensator;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.EventTable;
import org.tregflow.transform.Arcsinh;
import org.tregflow.transform.FastLogicle;
import org.tregflow.transform.Logicle;
import org.tregflow.transform.Transform;

/**
 * The same workloads as TransformBench and CompensationBench, timed by the thread's CPU time (best of 20 after
 * warm-up) instead of wall time: on a machine shared by many processes wall-clock JMH scores measure the load,
 * CPU time still measures the code. Values per second per core = work / best CPU time.
 * Run: java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.tregflow.bench.CpuTimeBench
 */
public final class CpuTimeBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static float sink;

    private CpuTimeBench() {
    }

    public static void main(String[] args) {
        int n = 1_000_000;
        SplittableRandom rng = new SplittableRandom(42);
        float[] src = new float[n];
        float[] dst = new float[n];
        for (int i = 0; i < n; i++) {
            src[i] = i % 3 == 0 ? (float) (rng.nextGaussian() * 150) : (float) Math.exp(5 + 2.5 * rng.nextGaussian());
        }
        Logicle logicle = new Logicle(262144, 0.5, 4.5, 0);
        Transform[] transforms = {new FastLogicle(logicle), logicle, new Arcsinh(262144, 4.5, 0)};
        for (Transform t : transforms) {
            long best = best(() -> {
                t.apply(src, dst, n);
                sink += dst[7];
            });
            System.out.printf("%-45s %8.1f M values/s per core%n", t, n / (best / 1e9) / 1e6);
        }

        int channels = 13;
        List<Channel> list = new ArrayList<>();
        List<String> names = new ArrayList<>();
        float[][] columns = new float[channels][n];
        double[][] s = new double[channels][channels];
        for (int i = 0; i < channels; i++) {
            names.add("FL" + (i + 1) + "-A");
            list.add(Channel.ofFloat(i + 1, names.get(i), null, 262144));
            for (int e = 0; e < n; e++) {
                columns[i][e] = (float) Math.exp(4 + 2 * rng.nextGaussian());
            }
            for (int j = 0; j < channels; j++) {
                s[i][j] = i == j ? 1 : (Math.abs(i - j) <= 3 ? 0.3 * rng.nextDouble() : 0.02 * rng.nextDouble());
            }
        }
        EventTable table = new EventTable(list, columns, n);
        SpilloverMatrix matrix = new SpilloverMatrix(names, s);
        List<String> wanted = List.of(names.get(0), names.get(2), names.get(3), names.get(5), names.get(7),
                names.get(8), names.get(10), names.get(12));
        long best = best(() -> sink += Compensator.compensate(table, matrix, wanted)[0][3]);
        System.out.printf("compensate 1M events, 13-channel matrix, 8 wanted: %.1f ms CPU, %.1f M events/s per core%n",
                best / 1e6, n / (best / 1e9) / 1e6);
    }

    private static long best(Runnable work) {
        for (int i = 0; i < 10; i++) {
            work.run();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            work.run();
            best = Math.min(best, CPU.getCurrentThreadCpuTime() - start);
        }
        return best;
    }
}
