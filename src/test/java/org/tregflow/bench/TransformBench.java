package org.tregflow.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tregflow.transform.Arcsinh;
import org.tregflow.transform.FastLogicle;
import org.tregflow.transform.Logicle;

/**
 * Bulk transforms over 1,000,000 floats shaped like compensated fluorescence (a negative-ish spread around 0
 * and a log-normal positive population). Scores are operations (values) per microsecond: x 1e6 = values/s.
 * Run: java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main TransformBench -f 1 -wi 3 -i 5
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TransformBench {
    private static final int N = 1_000_000;

    private float[] src;
    private float[] dst;
    private Logicle logicle;
    private FastLogicle fastLogicle;
    private Arcsinh arcsinh;
    /** 70% of the events, at random: a gate's parent inside the lymphocytes (what MarkerSource.cover asks for). */
    private long[] parent;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(42);
        src = new float[N];
        dst = new float[N];
        for (int i = 0; i < N; i++) {
            src[i] = i % 3 == 0 ? (float) (rng.nextGaussian() * 150)
                    : (float) Math.exp(5 + 2.5 * rng.nextGaussian());
        }
        logicle = new Logicle(262144, 0.5, 4.5, 0);
        fastLogicle = new FastLogicle(logicle);
        arcsinh = new Arcsinh(262144, 4.5, 0);
        parent = new long[(N + 63) / 64];
        for (int i = 0; i < N; i++) {
            if (rng.nextDouble() < 0.7) {
                parent[i >> 6] |= 1L << i;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] fastLogicle() {
        fastLogicle.apply(src, dst, N);
        return dst;
    }

    /** The parent's 70% of the events only: operations are all N events, so compare with {@link #fastLogicle}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public float[] fastLogicleParent() {
        fastLogicle.apply(src, dst, parent);
        return dst;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] exactLogicle() {
        logicle.apply(src, dst, N);
        return dst;
    }

    /**
     * Building one fast-logicle table (what each fluorescence channel of each file costs when W is estimated
     * per file). A score in operations per microsecond: 1 / score is microseconds per table.
     */
    @Benchmark
    public FastLogicle fastLogicleTable() {
        return new FastLogicle(logicle);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] arcsinh() {
        arcsinh.apply(src, dst, N);
        return dst;
    }
}
