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

    /**
     * Too many components split the lymphocyte cluster (weight 0.70) into overlapping pieces; the picked piece
     * merged with those it shares a mode with is the whole cluster again, and debris and monocytes stay apart.
     */
    @Test
    void clusterMergesTheComponentsOfOneModeOnly() {
        float[][] d = scatter(20_000, 21);
        GaussianMixture2D.Fit fit = GaussianMixture2D.fit(d[0], d[1], d[0].length, 6, 42, 200);
        int lymph = GaussianMixture2D.lowestYAboveX(fit, 0.15, 0.05);
        assertTrue(fit.components().get(lymph).weight() < 0.6, "the lymphocytes are split: " + fit.components());
        GaussianMixture2D.Cluster cluster = GaussianMixture2D.cluster(fit, lymph);
        GaussianMixture2D.Component c = cluster.moments();
        assertEquals(0.70, c.weight(), 0.02, fit.components() + " " + cluster.members());
        assertEquals(0.35, c.meanX(), 0.005);
        assertEquals(0.12, c.meanY(), 0.005);
        assertEquals(0.04 * 0.04, c.sxx(), 0.0002);
        assertEquals(0.02 * 0.02, c.syy(), 0.00005);
        assertEquals(0.5 * 0.04 * 0.02, c.sxy(), 0.00006);
        for (int j = 0; j < fit.components().size(); j++) {
            GaussianMixture2D.Component q = fit.components().get(j);
            boolean lymphocyteMean = Math.abs(q.meanX() - 0.35) < 0.08 && Math.abs(q.meanY() - 0.12) < 0.04;
            assertEquals(lymphocyteMean, cluster.members().contains(j), "component " + q);
        }
    }

    @Test
    void singleModeTellsOverlappingFromSeparatedComponents() {
        GaussianMixture2D.Component a = new GaussianMixture2D.Component(0.5, 0, 0, 1, 0, 1);
        // Two unit Gaussians of equal weight have one mode up to 2 sd apart, two beyond.
        assertTrue(GaussianMixture2D.singleMode(a, new GaussianMixture2D.Component(0.5, 1.9, 0, 1, 0, 1)));
        assertTrue(!GaussianMixture2D.singleMode(a, new GaussianMixture2D.Component(0.5, 2.1, 0, 1, 0, 1)));
        // A light component 3 sd away is a shoulder of the heavy one, not a second mode.
        assertTrue(GaussianMixture2D.singleMode(a, new GaussianMixture2D.Component(0.05, 0, 3, 1, 0, 1)));
        assertTrue(!GaussianMixture2D.singleMode(a, new GaussianMixture2D.Component(0.5, 0, 3, 1, 0, 1)));
    }

    @Test
    void sameSeedSameFit() {
        float[][] d = scatter(5_000, 3);
        GaussianMixture2D.Fit a = GaussianMixture2D.fit(d[0], d[1], 5_000, 3, 7, 100);
        GaussianMixture2D.Fit b = GaussianMixture2D.fit(d[0], d[1], 5_000, 3, 7, 100);
        assertEquals(a, b);
        assertTrue(a.iterations() > 0);
    }

    /**
     * The fused E/M pass must be EM: from the same start (the k-means fit, which 0 iterations return), 60
     * iterations of a plain textbook EM (responsibility matrix, log-sum-exp E-step, two-pass M-step with the same
     * ridge) reach the same components, to rounding.
     */
    @Test
    void fusedIterationsEqualTextbookEm() {
        float[][] d = scatter(8_000, 5);
        int n = d[0].length;
        int k = 4;
        GaussianMixture2D.Fit start = GaussianMixture2D.fit(d[0], d[1], n, k, 11, 0);
        GaussianMixture2D.Fit fit = GaussianMixture2D.fit(d[0], d[1], n, k, 11, 60);
        double[][] c = new double[k][];
        for (int j = 0; j < k; j++) {
            GaussianMixture2D.Component s = start.components().get(j);
            c[j] = new double[] {s.weight(), s.meanX(), s.meanY(), s.sxx(), s.sxy(), s.syy()};
        }
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += d[0][i];
            my += d[1][i];
        }
        mx /= n;
        my /= n;
        double vx = 0, vy = 0;
        for (int i = 0; i < n; i++) {
            vx += (d[0][i] - mx) * (d[0][i] - mx);
            vy += (d[1][i] - my) * (d[1][i] - my);
        }
        double ridgeX = 1e-6 * vx / n;
        double ridgeY = 1e-6 * vy / n;
        // iterations() counts the steps before the converged one; without convergence all 60 were taken.
        int steps = fit.iterations() == 60 ? 60 : fit.iterations() + 1;
        double ll = 0;
        for (int it = 0; it < steps; it++) {
            double[][] resp = new double[k][n];
            ll = 0;
            for (int i = 0; i < n; i++) {
                double[] lp = new double[k];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double det = c[j][3] * c[j][5] - c[j][4] * c[j][4];
                    double dx = d[0][i] - c[j][1];
                    double dy = d[1][i] - c[j][2];
                    double m2 = (c[j][5] * dx * dx - 2 * c[j][4] * dx * dy + c[j][3] * dy * dy) / det;
                    lp[j] = Math.log(c[j][0] / (2 * Math.PI * Math.sqrt(det))) - m2 / 2;
                    max = Math.max(max, lp[j]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += Math.exp(lp[j] - max);
                }
                for (int j = 0; j < k; j++) {
                    resp[j][i] = Math.exp(lp[j] - max) / sum;
                }
                ll += max + Math.log(sum);
            }
            for (int j = 0; j < k; j++) {
                double w = 0, sx = 0, sy = 0;
                for (int i = 0; i < n; i++) {
                    w += resp[j][i];
                    sx += resp[j][i] * d[0][i];
                    sy += resp[j][i] * d[1][i];
                }
                double ux = sx / w, uy = sy / w, cxx = 0, cxy = 0, cyy = 0;
                for (int i = 0; i < n; i++) {
                    double dx = d[0][i] - ux;
                    double dy = d[1][i] - uy;
                    cxx += resp[j][i] * dx * dx;
                    cxy += resp[j][i] * dx * dy;
                    cyy += resp[j][i] * dy * dy;
                }
                c[j] = new double[] {w / n, ux, uy, cxx / w + ridgeX, cxy / w, cyy / w + ridgeY};
            }
        }
        assertEquals(ll, fit.logLikelihood(), 1e-9 * Math.abs(ll));
        for (int j = 0; j < k; j++) {
            GaussianMixture2D.Component f = fit.components().get(j);
            double[] got = {f.weight(), f.meanX(), f.meanY(), f.sxx(), f.sxy(), f.syy()};
            for (int q = 0; q < 6; q++) {
                assertEquals(c[j][q], got[q], 1e-9 * Math.max(Math.abs(c[j][q]), 1e-6), "component " + j + " term " + q);
            }
        }
    }

    /**
     * The inlined exponential of the E-step against Math.exp: within 2 ulps on [-40, 0] (dense sweep plus the
     * table's nodes, where r = 0), exactly 1 at 0, exactly 0 well below -40 (e^-41 = 1.6e-18 could not change a
     * per-event sum of at least 1), NaN for NaN.
     */
    @Test
    void inlinedExponentialMatchesMathExp() {
        double worst = 0;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < 400_000; i++) {
            double e = i < 200_000 ? -40.0 * i / 200_000 : -40 * rng.nextDouble();
            double want = Math.exp(e);
            worst = Math.max(worst, Math.abs(GaussianMixture2D.expNonPositive(e) - want) / Math.ulp(want));
        }
        for (int i = 0; i <= 1840; i++) {
            double e = -i * Math.log(2) / 32;
            double want = Math.exp(e);
            worst = Math.max(worst, Math.abs(GaussianMixture2D.expNonPositive(e) - want) / Math.ulp(want));
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulps");
        assertEquals(1.0, GaussianMixture2D.expNonPositive(0));
        assertEquals(1.0, GaussianMixture2D.expNonPositive(-0.0));
        assertEquals(0.0, GaussianMixture2D.expNonPositive(-41));
        assertEquals(0.0, GaussianMixture2D.expNonPositive(-1e300));
        assertEquals(0.0, GaussianMixture2D.expNonPositive(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(GaussianMixture2D.expNonPositive(Double.NaN)));
    }
}
