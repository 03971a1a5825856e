package org.tregflow.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tregflow.gating.Population;
import org.tregflow.gating.auto.DensityValley;
import org.tregflow.gating.auto.Gather;
import org.tregflow.gating.auto.GaussianMixture2D;
import org.tregflow.gating.auto.QuantileCut;
import org.tregflow.gating.auto.RatioBand;
import org.tregflow.gating.auto.Side;
import org.tregflow.gating.auto.Subsample;
import org.tregflow.gating.auto.TailCut;
import org.tregflow.gating.auto.Threshold;

/**
 * The data-driven gate methods on a 1,000,000-event column inside a parent of ~70% of the events (the default
 * pipeline's lymphocytes): gathering the parent's values, density valley, tail cut, quantile, ratio band on the
 * parent, and the Gaussian mixture as the pipeline runs it (20,000-event subsample, 4 components, at most 60 EM
 * iterations; on this two-cluster data it may well use them all, so it is a worst case for the mixture).
 * Values look like transformed fluorescence: a negative and a positive peak on [0, 1].
 * Run: {@code scripts/bench --jmh AutoGateBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AutoGateBench {
    static final int N = 1_000_000;

    float[] column;
    float[] area;
    float[] height;
    Population parent;
    float[] parentValues;

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(7);
        column = new float[N];
        area = new float[N];
        height = new float[N];
        long[] w = new long[Population.wordCount(N)];
        for (int i = 0; i < N; i++) {
            boolean positive = rng.nextDouble() < 0.35;
            column[i] = (float) (positive ? 0.65 + 0.06 * rng.nextGaussian() : 0.25 + 0.05 * rng.nextGaussian());
            area[i] = (float) Math.abs(60_000 + 15_000 * rng.nextGaussian());
            height[i] = (float) (area[i] / (1.2 + (rng.nextDouble() < 0.05 ? 0.6 : 0.04 * rng.nextGaussian())));
            if (rng.nextDouble() < 0.7) {
                w[i >>> 6] |= 1L << i;
            }
        }
        parent = Population.ofWords(w, N);
        parentValues = Gather.values(column, parent);
    }

    @Benchmark
    public float[] gatherParent() {
        return Gather.values(column, parent);
    }

    @Benchmark
    public Threshold densityValley() {
        return DensityValley.find(parentValues, parentValues.length, DensityValley.Params.of(Side.POSITIVE));
    }

    @Benchmark
    public Threshold tailCut() {
        return TailCut.find(parentValues, parentValues.length,
                new TailCut.Params(Side.POSITIVE, TailCut.Reference.ALL, 3));
    }

    @Benchmark
    public Threshold quantileCut() {
        return QuantileCut.find(parentValues, parentValues.length, 0.9);
    }

    @Benchmark
    public RatioBand ratioBand() {
        return RatioBand.fit(area, height, parent, 4);
    }

    @Benchmark
    public GaussianMixture2D.Fit gaussianMixture() {
        int[] sample = Subsample.of(parent, 10_000, 20240601);
        float[] x = new float[sample.length];
        float[] y = new float[sample.length];
        for (int i = 0; i < sample.length; i++) {
            x[i] = area[sample[i]] / 262144f;
            y[i] = column[sample[i]];
        }
        return GaussianMixture2D.fit(x, y, x.length, 5, 20240601, 60);
    }
}
