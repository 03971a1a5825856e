package org.tregflow.gating.auto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A k-component bivariate Gaussian mixture fitted by expectation-maximisation on a bounded sample (the caller
 * subsamples, e.g. 20,000 events, see {@link Subsample}). Initialised by k-means++ and a few Lloyd iterations
 * from a seeded generator, so a given sample and seed always give the same fit. Written for float columns
 * because commons-math's mixture EM is slow and fails on near-singular clusters; here each covariance gets a
 * small ridge (1e-6 of the data's variance) that keeps it invertible.
 */
public final class GaussianMixture2D {
    /** One component: its weight, mean and covariance (sxx, sxy, syy). */
    public record Component(double weight, double meanX, double meanY, double sxx, double sxy, double syy) {
        double det() {
            return sxx * syy - sxy * sxy;
        }

        /** Squared Mahalanobis distance of (x, y) from the mean. */
        public double mahalanobis2(double x, double y) {
            double dx = x - meanX;
            double dy = y - meanY;
            return (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det();
        }
    }

    public record Fit(List<Component> components, double logLikelihood, int iterations, int sampleSize) {
        public Fit {
            components = List.copyOf(components);
        }
    }

    private GaussianMixture2D() {
    }

    public static Fit fit(float[] x, float[] y, int n, int k, long seed, int maxIterations) {
        if (k < 1) {
            throw new IllegalArgumentException("a mixture needs at least 1 component, got " + k);
        }
        if (n < 10 * k) {
            throw new IllegalArgumentException("a " + k + "-component mixture needs at least " + (10 * k)
                    + " events, got " + n);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double vx = 0;
        double vy = 0;
        for (int i = 0; i < n; i++) {
            vx += (x[i] - mx) * (x[i] - mx);
            vy += (y[i] - my) * (y[i] - my);
        }
        double ridgeX = 1e-6 * Math.max(vx / n, 1e-12);
        double ridgeY = 1e-6 * Math.max(vy / n, 1e-12);

        double[][] resp = new double[k][n];
        kMeansInit(x, y, n, k, new SplittableRandom(seed), resp);
        Component[] comps = mStep(x, y, n, resp, ridgeX, ridgeY);
        double ll = Double.NEGATIVE_INFINITY;
        int it = 0;
        for (; it < maxIterations; it++) {
            double newLl = eStep(x, y, n, comps, resp);
            comps = mStep(x, y, n, resp, ridgeX, ridgeY);
            boolean converged = Math.abs(newLl - ll) <= 1e-7 * Math.abs(newLl);
            ll = newLl;
            if (converged) {
                break;
            }
        }
        return new Fit(List.of(comps), ll, it, n);
    }

    private static void kMeansInit(float[] x, float[] y, int n, int k, SplittableRandom rng, double[][] resp) {
        // Scale both axes to unit variance so the distance weighs them equally.
        double sx = sd(x, n);
        double sy = sd(y, n);
        double[] cx = new double[k];
        double[] cy = new double[k];
        int first = rng.nextInt(n);
        cx[0] = x[first] / sx;
        cy[0] = y[first] / sy;
        double[] d2 = new double[n];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < c; j++) {
                    double dx = x[i] / sx - cx[j];
                    double dy = y[i] / sy - cy[j];
                    best = Math.min(best, dx * dx + dy * dy);
                }
                d2[i] = best;
                total += best;
            }
            double r = rng.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                r -= d2[i];
                if (r <= 0) {
                    pick = i;
                    break;
                }
            }
            cx[c] = x[pick] / sx;
            cy[c] = y[pick] / sy;
        }
        int[] assign = new int[n];
        for (int iter = 0; iter < 10; iter++) {
            double[] sumX = new double[k];
            double[] sumY = new double[k];
            int[] cnt = new int[k];
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double dx = x[i] / sx - cx[j];
                    double dy = y[i] / sy - cy[j];
                    double d = dx * dx + dy * dy;
                    if (d < bestD) {
                        bestD = d;
                        best = j;
                    }
                }
                assign[i] = best;
                sumX[best] += x[i] / sx;
                sumY[best] += y[i] / sy;
                cnt[best]++;
            }
            for (int j = 0; j < k; j++) {
                if (cnt[j] > 0) {
                    cx[j] = sumX[j] / cnt[j];
                    cy[j] = sumY[j] / cnt[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            resp[assign[i]][i] = 1;
        }
    }

    private static double sd(float[] v, int n) {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += v[i];
        }
        m /= n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (v[i] - m) * (v[i] - m);
        }
        double sd = Math.sqrt(s / n);
        return sd > 0 ? sd : 1;
    }

    private static Component[] mStep(float[] x, float[] y, int n, double[][] resp, double ridgeX, double ridgeY) {
        int k = resp.length;
        Component[] out = new Component[k];
        for (int j = 0; j < k; j++) {
            double[] r = resp[j];
            double w = 0;
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                w += r[i];
                sx += r[i] * x[i];
                sy += r[i] * y[i];
            }
            if (w < 1e-9) {
                // An emptied component: park it with a tiny weight on the overall data so EM may revive it.
                out[j] = new Component(1e-9, 0, 0, 1, 0, 1);
                continue;
            }
            double mx = sx / w;
            double my = sy / w;
            double cxx = 0;
            double cxy = 0;
            double cyy = 0;
            for (int i = 0; i < n; i++) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                cxx += r[i] * dx * dx;
                cxy += r[i] * dx * dy;
                cyy += r[i] * dy * dy;
            }
            out[j] = new Component(w / n, mx, my, cxx / w + ridgeX, cxy / w, cyy / w + ridgeY);
        }
        return out;
    }

    /** Fills the responsibilities and returns the log-likelihood (log-sum-exp per event for stability). */
    private static double eStep(float[] x, float[] y, int n, Component[] comps, double[][] resp) {
        int k = comps.length;
        double[] logNorm = new double[k];
        for (int j = 0; j < k; j++) {
            Component c = comps[j];
            logNorm[j] = Math.log(c.weight()) - Math.log(2 * Math.PI) - 0.5 * Math.log(c.det());
        }
        double ll = 0;
        double[] lp = new double[k];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                lp[j] = logNorm[j] - 0.5 * comps[j].mahalanobis2(x[i], y[i]);
                max = Math.max(max, lp[j]);
            }
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += Math.exp(lp[j] - max);
            }
            for (int j = 0; j < k; j++) {
                resp[j][i] = Math.exp(lp[j] - max) / s;
            }
            ll += max + Math.log(s);
        }
        return ll;
    }

    /**
     * The lymphocyte rule: among components of weight at least {@code minWeight} whose mean x is at least
     * {@code minX} (above debris), the one with the lowest mean y (below monocytes and granulocytes); -1 if none.
     */
    public static int lowestYAboveX(Fit fit, double minX, double minWeight) {
        int best = -1;
        for (int j = 0; j < fit.components().size(); j++) {
            Component c = fit.components().get(j);
            if (c.weight() >= minWeight && c.meanX() >= minX
                    && (best < 0 || c.meanY() < fit.components().get(best).meanY())) {
                best = j;
            }
        }
        return best;
    }

    /** The heaviest component. */
    public static int largest(Fit fit) {
        List<Component> cs = new ArrayList<>(fit.components());
        Component max = cs.stream().max(Comparator.comparingDouble(Component::weight)).orElseThrow();
        return fit.components().indexOf(max);
    }

    /** The component whose mean is nearest (Euclidean) to the point (x, y). */
    public static int nearest(Fit fit, double x, double y) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int j = 0; j < fit.components().size(); j++) {
            Component c = fit.components().get(j);
            double d = (c.meanX() - x) * (c.meanX() - x) + (c.meanY() - y) * (c.meanY() - y);
            if (d < bestD) {
                bestD = d;
                best = j;
            }
        }
        return best;
    }
}
