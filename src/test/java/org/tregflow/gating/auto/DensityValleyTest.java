package org.tregflow.gating.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DensityValleyTest {
    /** Mixture of normals: w1 N(m1, s1) + (1 - w1) N(m2, s2). */
    static float[] mixture(int n, double w1, double m1, double s1, double m2, double s2, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            boolean first = rng.nextDouble() < w1;
            v[i] = (float) (first ? m1 + s1 * OrderStatisticsTest.gauss(rng) : m2 + s2 * OrderStatisticsTest.gauss(rng));
        }
        return v;
    }

    /** The minimum of the analytic mixture density between the means, by a fine grid: the independent answer. */
    static double analyticValley(double w1, double m1, double s1, double m2, double s2) {
        double best = m1;
        double bestD = Double.POSITIVE_INFINITY;
        for (double x = m1; x <= m2; x += 1e-5) {
            double d = w1 / s1 * Math.exp(-0.5 * Math.pow((x - m1) / s1, 2))
                    + (1 - w1) / s2 * Math.exp(-0.5 * Math.pow((x - m2) / s2, 2));
            if (d < bestD) {
                bestD = d;
                best = x;
            }
        }
        return best;
    }

    @Test
    void findsTheValleyBetweenANegativeAndAPositivePeak() {
        float[] v = mixture(100_000, 0.8, 0.2, 0.03, 0.6, 0.04, 1);
        Threshold t = DensityValley.find(v, v.length, DensityValley.Params.of(Side.POSITIVE));
        assertNull(t.warning());
        double expected = analyticValley(0.8, 0.2, 0.03, 0.6, 0.04);
        assertEquals(expected, t.value(), 0.02, t.detail());
        long above = 0;
        for (float x : v) {
            if (x >= t.value()) {
                above++;
            }
        }
        assertEquals(0.2, above / (double) v.length, 0.005);
    }

    @Test
    void findsASmallPositivePopulation() {
        // 5% positives, as FOXP3+ among CD4+ T cells.
        float[] v = mixture(20_000, 0.95, 0.25, 0.04, 0.62, 0.05, 2);
        Threshold t = DensityValley.find(v, v.length, DensityValley.Params.of(Side.POSITIVE));
        assertNull(t.warning(), t.detail());
        double expected = analyticValley(0.95, 0.25, 0.04, 0.62, 0.05);
        assertEquals(expected, t.value(), 0.03, t.detail());
    }

    @Test
    void cutsInTheMiddleOfAnEmptyGap() {
        SplittableRandom rng = new SplittableRandom(4);
        float[] v = new float[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (i % 2 == 0 ? rng.nextDouble() * 0.1 : 0.5 + rng.nextDouble() * 0.1);
        }
        Threshold t = DensityValley.find(v, v.length, DensityValley.Params.of(Side.NEGATIVE));
        assertNull(t.warning());
        assertEquals(0.3, t.value(), 0.05, t.detail());
    }

    @Test
    void unimodalDataFallsBackToATailCutWithAWarning() {
        float[] v = mixture(50_000, 1.0, 0.3, 0.05, 0, 1, 5);
        Threshold t = DensityValley.find(v, v.length, DensityValley.Params.of(Side.POSITIVE));
        assertNotNull(t.warning());
        assertTrue(t.warning().contains("one peak"), t.warning());
        // mode + 3 sigma
        assertEquals(0.3 + 3 * 0.05, t.value(), 0.01);

        // The single peak is taken for the negatives whichever side is kept: a negative gate keeps the peak.
        Threshold neg = DensityValley.find(v, v.length, DensityValley.Params.of(Side.NEGATIVE));
        assertEquals(0.3 + 3 * 0.05, neg.value(), 0.01);
    }

    @Test
    void searchRangeRestrictsTheCut() {
        float[] v = mixture(50_000, 0.5, 0.2, 0.03, 0.6, 0.03, 6);
        DensityValley.Params p = new DensityValley.Params(Side.POSITIVE, 0.45, 0.55, 0.1, null, 0.02, 3);
        Threshold t = DensityValley.find(v, v.length, p);
        assertTrue(t.value() >= 0.45 - 1e-3 && t.value() <= 0.46, t.detail());
    }

    @Test
    void peaksCloserThanTheMinimumSeparationAreOnePopulation() {
        float[] v = mixture(50_000, 0.5, 0.30, 0.02, 0.40, 0.02, 8);
        DensityValley.Params p = new DensityValley.Params(Side.POSITIVE, null, null, 0.2, null, 0.02, 3);
        assertNotNull(DensityValley.find(v, v.length, p).warning());
        DensityValley.Params close = new DensityValley.Params(Side.POSITIVE, null, null, 0.05, null, 0.02, 3);
        Threshold t = DensityValley.find(v, v.length, close);
        assertNull(t.warning(), t.detail());
        assertEquals(0.35, t.value(), 0.01);
    }
}
