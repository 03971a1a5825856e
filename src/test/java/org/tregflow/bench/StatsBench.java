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
import org.tregflow.gating.auto.Gather;
import org.tregflow.gating.auto.OrderStatistics;

/**
 * The statistics stage's work for one population: exact medians of 5 compensated marker columns over a population
 * of ~70% of 1,000,000 events, by the radix selection the pipeline uses ({@code medians}) and by gathering each
 * column and quickselecting it ({@code gatherAndQuickselect}, the former way; same values); and the whole stage's
 * 10 nested gates x 5 markers, per gate ({@code mediansPerGate}) and in one call ({@code mediansAllGates}).
 * Run: {@code scripts/bench --jmh StatsBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StatsBench {
    static final int N = 1_000_000;

    float[][] columns = new float[5][N];
    Population population;
    /** The default pipeline's 10 gates as nested subsets with its proportions (Lymphocytes 72% ... CD56dim). */
    java.util.List<Population> gates;

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(3);
        long[] w = new long[Population.wordCount(N)];
        for (int i = 0; i < N; i++) {
            for (float[] c : columns) {
                c[i] = rng.nextDouble() < 0.3 ? (float) (rng.nextGaussian() * 150)
                        : (float) Math.exp(4 + 2 * rng.nextGaussian());
            }
            if (rng.nextDouble() < 0.7) {
                w[i >>> 6] |= 1L << i;
            }
        }
        population = Population.ofWords(w, N);
        Population lymphocytes = thin(Population.all(N), 0.72, rng);
        Population singlets = thin(lymphocytes, 0.9999, rng);
        Population live = thin(singlets, 0.97, rng);
        Population t = thin(live, 0.65, rng);
        Population cd4 = thin(t, 0.63, rng);
        Population treg = thin(cd4, 0.04, rng);
        Population nk = thin(live, 0.11, rng);
        gates = java.util.List.of(lymphocytes, singlets, live, t, cd4, treg, thin(treg, 0.22, rng), nk,
                thin(nk, 0.09, rng), thin(nk, 0.91, rng));
    }

    private static Population thin(Population parent, double keep, SplittableRandom rng) {
        Population out = Population.none(parent.size());
        for (int e : parent.indices()) {
            if (rng.nextDouble() < keep) {
                out.add(e);
            }
        }
        return out;
    }

    /** One medians call per gate (as SampleAnalyzer did before the batched call below). */
    @Benchmark
    public double[][] mediansPerGate() {
        double[][] out = new double[gates.size()][];
        for (int p = 0; p < out.length; p++) {
            out[p] = OrderStatistics.medians(columns, gates.get(p));
        }
        return out;
    }

    /** The same medians in one call: bucket codes shared by all gates, nested gates' histograms by subtraction. */
    @Benchmark
    public double[][] mediansAllGates() {
        return OrderStatistics.medians(columns, gates);
    }

    @Benchmark
    public double[] medians() {
        return OrderStatistics.medians(columns, population);
    }

    @Benchmark
    public double[] gatherAndQuickselect() {
        double[] out = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            float[] v = Gather.values(columns[c], population);
            float[] copy = v;
            // The quickselect route, forced (quantile() itself now takes the radix route for large inputs).
            double h = (copy.length - 1) * 0.5;
            int lo = (int) Math.floor(h);
            double lower = OrderStatistics.select(copy, copy.length, lo);
            float upper = Float.POSITIVE_INFINITY;
            for (int i = lo + 1; i < copy.length; i++) {
                upper = Math.min(upper, copy[i]);
            }
            out[c] = lower + (h - lo) * (upper - lower);
        }
        return out;
    }
}
