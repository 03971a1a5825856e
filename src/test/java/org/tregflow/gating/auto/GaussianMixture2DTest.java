package org.tregflow.gating.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixture2DTest {
    /** debris (low x), lymphocytes (mid x, low y), monocytes (higher x and y), with known parameters. */
    static float[][] scatter(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            double g1 = OrderStatisticsTest.gauss(rng);
            double g2 = OrderStatisticsTest.gauss(rng);
            if (u < 0.15) {
                x[i] = (float) (0.06 + 0.02 * g1);
                y[i] = (float) (0.05 + 0.02 * g2);
            } else if (u < 0.85) {
                // correlated lymphocyte cluster: sx = 0.04, sy = 0.02, rho = 0.5
                x[i] = (float) (0.35 + 0.04 * g1);
                y[i] = (float) (0.12 + 0.02 * (0.5 * g1 + Math.sqrt(0.75) * g2));
            } else {
                x[i] = (float) (0.55 + 0.05 * g1);
                y[i] = (float) (0.40 + 0.06 * g2);
            }
        }
        return new float[][] {x, y};
    }

    @Test
    void recoversTheLymphocyteClusterAndPicksItByTheRule() {
        float[][] d = scatter(20_000, 21);
        GaussianMixture2D.Fit fit = GaussianMixture2D.fit(d[0], d[1], d[0].length, 3, 42, 200);
        int lymph = GaussianMixture2D.lowestYAboveX(fit, 0.15, 0.05);
        GaussianMixture2D.Component c = fit.components().get(lymph);
        assertEquals(0.35, c.meanX(), 0.005);
        assertEquals(0.12, c.meanY(), 0.005);
        assertEquals(0.70, c.weight(), 0.02);
        assertEquals(0.04 * 0.04, c.sxx(), 0.0002);
        assertEquals(0.02 * 0.02, c.syy(), 0.00005);
        assertEquals(0.5 * 0.04 * 0.02, c.sxy(), 0.00006);
        assertEquals(lymph, GaussianMixture2D.largest(fit));
        assertEquals(lymph, GaussianMixture2D.nearest(fit, 0.3, 0.1));
        // 2.5 Mahalanobis units hold 1 - exp(-6.25/2) = 95.6% of a bivariate normal.
        long in = 0;
        long lymphTotal = 0;
        SplittableRandom rng = new SplittableRandom(99);
        for (int i = 0; i < 20_000; i++) {
            double g1 = OrderStatisticsTest.gauss(rng);
            double g2 = OrderStatisticsTest.gauss(rng);
            double x = 0.35 + 0.04 * g1;
            double y = 0.12 + 0.02 * (0.5 * g1 + Math.sqrt(0.75) * g2);
            lymphTotal++;
            if (c.mahalanobis2(x, y) <= 6.25) {
                in++;
            }
        }
        assertEquals(0.956, in / (double) lymphTotal, 0.01);
    }

    @Test
    void sameSeedSameFit() {
        float[][] d = scatter(5_000, 3);
        GaussianMixture2D.Fit a = GaussianMixture2D.fit(d[0], d[1], 5_000, 3, 7, 100);
        GaussianMixture2D.Fit b = GaussianMixture2D.fit(d[0], d[1], 5_000, 3, 7, 100);
        assertEquals(a, b);
        assertTrue(a.iterations() > 0);
    }
}
