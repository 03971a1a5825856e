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
import org.tregflow.gating.TestPopulations;
import org.tregflow.gating.auto.Gather;
import org.tregflow.gating.auto.OrderStatistics;

/**
 * The statistics stage's work for one population: exact medians of 5 compensated marker columns over a population
 * of ~70% of 1,000,000 events, through the population's bits ({@code medians}) and by gathering each column into a
 * copy first ({@code gatherAndSelect}; same values); and the whole stage's
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
        Population lymphocytes = TestPopulations.thin(Population.all(N), 0.72, rng);
        Population singlets = TestPopulations.thin(lymphocytes, 0.9999, rng);
        Population live = TestPopulations.thin(singlets, 0.97, rng);
        Population t = TestPopulations.thin(live, 0.65, rng);
        Population cd4 = TestPopulations.thin(t, 0.63, rng);
        Population treg = TestPopulations.thin(cd4, 0.04, rng);
        Population nk = TestPopulations.thin(live, 0.11, rng);
        gates = java.util.List.of(lymphocytes, singlets, live, t, cd4, treg, TestPopulations.thin(treg, 0.22, rng), nk,
                TestPopulations.thin(nk, 0.09, rng), TestPopulations.thin(nk, 0.91, rng));
    }

    /** One medians call per gate: no codes or histograms shared between gates. */
    @Benchmark
    public double[][] mediansPerGate() {
        double[][] out = new double[gates.size()][];
        for (int p = 0; p < out.length; p++) {
            out[p] = OrderStatistics.medians(columns, java.util.List.of(gates.get(p)))[0];
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
        return OrderStatistics.medians(columns, java.util.List.of(population))[0];
    }

    @Benchmark
    public double[] gatherAndSelect() {
        double[] out = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            float[] v = Gather.values(columns[c], population);
            out[c] = OrderStatistics.median(v, v.length);
        }
        return out;
    }
}
