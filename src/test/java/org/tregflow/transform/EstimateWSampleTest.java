package org.tregflow.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The W estimate's bounded sample against the whole column it stands for. */
class EstimateWSampleTest {
    private static final double T = 262144;
    private static final double M = 4.5;

    /** W from the exact 5th percentile of all the column's negatives (the estimate before sampling). */
    private static double exactW(float[] v, int n) {
        double r = Math.abs(Logicle.fifthPercentileOfNegativesBySelection(v.clone(), n));
        return Math.max(0, Math.min((M - Math.log10(T / r)) / 2, Math.nextDown(M / 2)));
    }

    /**
     * A compensated-like column: 40% of events unstained with compensation noise around 0 (a Gaussian whose
     * spread varies between events, so the negative tail is heavier than one Gaussian's), 60% positive on a log
     * scale. About 26,000 of the 65,536 sampled events are negative: the 5th percentile's rank error is about
     * sqrt(26,000 x 0.05 x 0.95) = 35 of 1,300; over 12 seeds W moved by 0.002 (standard deviation) and at most
     * 0.0044 on such columns, 0.003 and 0.0072 with a drift over the acquisition. The bound, 0.012, is 4 of the
     * larger standard deviations (on the simulated 1M-event bench-data files the worst of 72 channels was 0.0084).
     */
    @Test
    void sampledWIsWithinToleranceOfTheWholeColumnOnAMillionEvents() {
        int n = 1_000_000;
        for (long seed = 1; seed <= 4; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextDouble() < 0.4
                        ? (float) (rng.nextGaussian() * (60 + 120 * rng.nextDouble()))
                        : (float) Math.pow(10, 2 + 2.5 * rng.nextDouble());
            }
            double exact = exactW(v, n);
            double sampled = Logicle.estimateW(v, n, T, M);
            assertTrue(exact > 0.1 && exact < 1, "a W in the usual range: " + exact);
            assertEquals(exact, sampled, 0.012, "seed " + seed);
            assertTrue(sampled != exact, "a 1,000,000-event column is sampled, not read whole");
        }
    }

    /** A drift over the acquisition (the noise widens with time) is sampled as a whole: blocks span the file. */
    @Test
    void blocksSpanTheWholeAcquisition() {
        int n = 1_000_000;
        SplittableRandom rng = new SplittableRandom(9);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double spread = 50 + 200.0 * i / n; // early events narrow, late ones wide
            v[i] = rng.nextBoolean() ? (float) (rng.nextGaussian() * spread) : (float) (1000 + 1000 * rng.nextDouble());
        }
        assertEquals(exactW(v, n), Logicle.estimateW(v, n, T, M), 0.012);
    }

    /** Up to 65,536 events the whole column is used: the W is exactly the full-column one. */
    @Test
    void shortColumnsAreReadWhole() {
        for (int n : new int[] {16_000, Logicle.W_SAMPLE}) {
            SplittableRandom rng = new SplittableRandom(n);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) (rng.nextGaussian() * 100 + 40);
            }
            assertEquals(exactW(v, n), Logicle.estimateW(v, n, T, M), 0.0, "n = " + n);
        }
    }

    /**
     * When the sample holds too few negatives for a steady 5th percentile (here about 650 of 65,536), the whole
     * column answers: the W is exact.
     */
    @Test
    void rareNegativesFallBackToTheWholeColumn() {
        int n = 1_000_000;
        SplittableRandom rng = new SplittableRandom(5);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble() < 0.01 ? (float) (-300 * rng.nextDouble()) : (float) (10 + 1e4 * rng.nextDouble());
        }
        assertEquals(exactW(v, n), Logicle.estimateW(v, n, T, M), 0.0);
    }
}
