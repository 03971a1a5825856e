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

        /** The weighted density w N(x, y) of this component at (x, y). */
        double density(double x, double y) {
            return weight * Math.exp(-0.5 * mahalanobis2(x, y)) / (2 * Math.PI * Math.sqrt(det()));
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

    /**
     * EM stops when an iteration changes the log-likelihood by less than this fraction (mclust's default). Tighter
     * rules chase a flat ridge: two components sharing one cluster trade weight for hundreds of iterations with
     * no gain in likelihood; {@link #cluster} merges them, and the merged cluster no longer moves along the ridge.
     */
    static final double TOLERANCE = 1e-5;
    /** Relative log-density under which a component's responsibility is negligible: e^-40 = 4.2e-18. */
    static final double NEGLIGIBLE = -40;
    /** Steps of ln 2 / 32 in the exponent table: e^e = 2^(-i/32) e^r with |r| <= ln 2 / 64. */
    private static final double STEPS_PER_UNIT = 32 / Math.log(2);
    /** ln 2 / 32 in two parts (fdlibm's split of ln 2): the high part's 32 bits make i * STEP_HI exact. */
    private static final double STEP_HI = 6.93147180369123816490e-01 / 32;
    private static final double STEP_LO = 1.90821492927058770002e-10 / 32;
    /** Below this the responsibility is left out (table entries 0): e^-40 = 4.2e-18, see NEGLIGIBLE. */
    private static final double FLOOR = NEGLIGIBLE - 1;
    private static final double[] POW2 = pow2Table();

    private static double[] pow2Table() {
        int last = (int) Math.ceil(-NEGLIGIBLE * STEPS_PER_UNIT);
        double[] t = new double[(int) Math.ceil(-FLOOR * STEPS_PER_UNIT) + 2];
        for (int i = 0; i <= last; i++) {
            t[i] = StrictMath.pow(2, -i / 32.0);
        }
        return t; // beyond "last": 0
    }

    /**
     * e^e for e <= 0 (a component's log-density minus the event's largest, 4 per event and EM iteration),
     * within 2 ulps of Math.exp, and 0 below about {@code NEGLIGIBLE}, where the term is under half an ulp of the
     * per-event sum (at least 1) and so could not change it. Math.exp is an out-of-line call; this is a table of
     * 2^(-i/32) times a degree-6 polynomial in |r| <= ln 2 / 64 (error under 4e-18), inlined, without a branch.
     * Exactly 1 for e = 0, so an event's best component keeps a weight of exactly 1, as with Math.exp.
     */
    static double expNonPositive(double e) {
        double x = Math.max(e, FLOOR);
        double n = Math.rint(x * STEPS_PER_UNIT);
        double r = (x - n * STEP_HI) - n * STEP_LO;
        double p = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
        return POW2[(int) -n] * p;
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

        int[] assign = kMeansInit(x, y, n, k, new SplittableRandom(seed));
        Component[] comps = hardMStep(x, y, n, k, assign, ridgeX, ridgeY);
        // Moments are accumulated about the sample mean: the raw second moments of coordinates near 0.5 would
        // lose digits to cancellation when the (small) covariances are taken from them.
        Moments moments = new Moments(k, Math.min(n, Moments.BLOCK));
        double ll = Double.NEGATIVE_INFINITY;
        int it = 0;
        for (; it < maxIterations; it++) {
            double newLl = moments.expectation(x, y, n, mx, my, comps);
            comps = moments.maximisation(n, mx, my, ridgeX, ridgeY);
            boolean converged = Math.abs(newLl - ll) <= TOLERANCE * Math.abs(newLl);
            ll = newLl;
            if (converged) {
                break;
            }
        }
        return new Fit(List.of(comps), ll, it, n);
    }

    /** k-means++ seeding and 10 Lloyd iterations on unit-variance axes; returns each event's cluster. */
    private static int[] kMeansInit(float[] x, float[] y, int n, int k, SplittableRandom rng) {
        // Scale both axes to unit variance so the distance weighs them equally.
        double sx = sd(x, n);
        double sy = sd(y, n);
        // Scaled once (the same quotients the distances used to compute on every visit).
        double[] ux = new double[n];
        double[] uy = new double[n];
        for (int i = 0; i < n; i++) {
            ux[i] = x[i] / sx;
            uy[i] = y[i] / sy;
        }
        double[] cx = new double[k];
        double[] cy = new double[k];
        int first = rng.nextInt(n);
        cx[0] = ux[first];
        cy[0] = uy[first];
        double[] d2 = new double[n];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < c; j++) {
                    double dx = ux[i] - cx[j];
                    double dy = uy[i] - cy[j];
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
            cx[c] = ux[pick];
            cy[c] = uy[pick];
        }
        int[] assign = new int[n];
        for (int iter = 0; iter < 10; iter++) {
            double[] sumX = new double[k];
            double[] sumY = new double[k];
            int[] cnt = new int[k];
            int moved = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double dx = ux[i] - cx[j];
                    double dy = uy[i] - cy[j];
                    double d = dx * dx + dy * dy;
                    if (d < bestD) {
                        bestD = d;
                        best = j;
                    }
                }
                moved += assign[i] == best ? 0 : 1;
                assign[i] = best;
                sumX[best] += ux[i];
                sumY[best] += uy[i];
                cnt[best]++;
            }
            // No event changed cluster (after the first pass, which sets them all): the centres below are the
            // ones this pass assigned by, so every further iteration would repeat this one exactly.
            if (moved == 0 && iter > 0) {
                break;
            }
            for (int j = 0; j < k; j++) {
                if (cnt[j] > 0) {
                    cx[j] = sumX[j] / cnt[j];
                    cy[j] = sumY[j] / cnt[j];
                }
            }
        }
        return assign;
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

    /** The first M-step, from the k-means clusters (responsibility 1 for the event's cluster, 0 elsewhere). */
    private static Component[] hardMStep(float[] x, float[] y, int n, int k, int[] assign, double ridgeX,
                                         double ridgeY) {
        double[] w = new double[k];
        double[] sx = new double[k];
        double[] sy = new double[k];
        for (int i = 0; i < n; i++) {
            int j = assign[i];
            w[j]++;
            sx[j] += x[i];
            sy[j] += y[i];
        }
        double[] cxx = new double[k];
        double[] cxy = new double[k];
        double[] cyy = new double[k];
        for (int i = 0; i < n; i++) {
            int j = assign[i];
            double dx = x[i] - sx[j] / w[j];
            double dy = y[i] - sy[j] / w[j];
            cxx[j] += dx * dx;
            cxy[j] += dx * dy;
            cyy[j] += dy * dy;
        }
        Component[] out = new Component[k];
        for (int j = 0; j < k; j++) {
            out[j] = w[j] == 0 ? Moments.PARKED
                    : new Component(w[j] / n, sx[j] / w[j], sy[j] / w[j], cxx[j] / w[j] + ridgeX, cxy[j] / w[j],
                    cyy[j] / w[j] + ridgeY);
        }
        return out;
    }

    /**
     * One EM iteration's work without a responsibility matrix: the E-step's responsibilities of a block of events
     * are used at once for the weighted moments the M-step needs, so each iteration reads the sample once and
     * keeps its working set (a few blocks of doubles) in the L1 cache. Per event it costs k exponentials (the
     * former E-step took 2k, a log and 2k divisions, and the M-step two more passes over a k x n matrix); the
     * quadratic forms and maxima run as loops over a block that the JIT vectorises.
     */
    private static final class Moments {
        static final int BLOCK = 256;
        /** An emptied component: a tiny weight on the overall data, so EM may revive it. */
        static final Component PARKED = new Component(1e-9, 0, 0, 1, 0, 1);
        private static final double LOG_2PI = Math.log(2 * Math.PI);

        private final int k;
        private final int block;
        /** Per component: weight sum, then sums of r dx, r dy, r dx dx, r dx dy, r dy dy (about the sample mean). */
        private final double[] sums;
        private final double[] dens;
        private final double[] dx;
        private final double[] dy;
        private final double[] max;
        private final double[] inv;
        private final double[] total;

        Moments(int k, int block) {
            this.k = k;
            this.block = block;
            this.sums = new double[6 * k];
            this.dens = new double[k * block];
            this.dx = new double[block];
            this.dy = new double[block];
            this.max = new double[block];
            this.inv = new double[block];
            this.total = new double[block];
        }

        /**
         * E-step: the responsibilities under {@code comps}, folded into the weighted moments; returns the
         * log-likelihood of the sample under {@code comps} (log-sum-exp per event for stability).
         */
        double expectation(float[] x, float[] y, int n, double ox, double oy, Component[] comps) {
            // log(w) - log(2 pi) - log(det) / 2 - Mahalanobis^2 / 2 as a quadratic form in (dx, dy), so an event
            // costs a few multiply-adds per component and no division.
            double[] mux = new double[k];
            double[] muy = new double[k];
            double[] qa = new double[k];
            double[] qb = new double[k];
            double[] qc = new double[k];
            double[] ln = new double[k];
            for (int j = 0; j < k; j++) {
                Component c = comps[j];
                double det = c.det();
                mux[j] = c.meanX() - ox;
                muy[j] = c.meanY() - oy;
                qa[j] = -0.5 * c.syy() / det;
                qb[j] = c.sxy() / det;
                qc[j] = -0.5 * c.sxx() / det;
                ln[j] = Math.log(c.weight()) - LOG_2PI - 0.5 * Math.log(det);
            }
            java.util.Arrays.fill(sums, 0);
            double ll = 0;
            double logs = 0;
            double product = 1;
            for (int start = 0; start < n; start += block) {
                int len = Math.min(block, n - start);
                for (int t = 0; t < len; t++) {
                    dx[t] = x[start + t] - ox;
                    dy[t] = y[start + t] - oy;
                }
                for (int j = 0; j < k; j++) {
                    int base = j * block;
                    double a = qa[j];
                    double b = qb[j];
                    double c = qc[j];
                    double l = ln[j];
                    double u = mux[j];
                    double v = muy[j];
                    for (int t = 0; t < len; t++) {
                        double ex = dx[t] - u;
                        double ey = dy[t] - v;
                        dens[base + t] = l + (a * ex * ex + b * ex * ey + c * ey * ey);
                    }
                }
                System.arraycopy(dens, 0, max, 0, len);
                for (int j = 1; j < k; j++) {
                    int base = j * block;
                    for (int t = 0; t < len; t++) {
                        max[t] = Math.max(max[t], dens[base + t]);
                    }
                }
                for (int j = 0; j < k; j++) {
                    int base = j * block;
                    for (int t = 0; t < len; t++) {
                        dens[base + t] = expNonPositive(dens[base + t] - max[t]);
                    }
                }
                // Per-event sums and their reciprocals as loops over the block (vector instructions), in the same
                // order of terms as a loop per event; the running log-likelihood stays a sequential loop.
                System.arraycopy(dens, 0, total, 0, len);
                for (int j = 1; j < k; j++) {
                    int base = j * block;
                    for (int t = 0; t < len; t++) {
                        total[t] += dens[base + t];
                    }
                }
                for (int t = 0; t < len; t++) {
                    inv[t] = 1 / total[t];
                }
                for (int t = 0; t < len; t++) {
                    double s = total[t];
                    ll += max[t];
                    // log(s) summed as the log of a product (1 <= s <= k): one log per many events, not per event.
                    product *= s;
                    if (product > 1e250) {
                        logs += Math.log(product);
                        product = 1;
                    }
                }
                for (int j = 0; j < k; j++) {
                    accumulate(j, j * block, len);
                }
            }
            return ll + logs + Math.log(product);
        }

        private void accumulate(int j, int base, int len) {
            // Two interleaved sets of sums: each add waits on the previous one of its own set only.
            double w0 = 0, x0 = 0, y0 = 0, xx0 = 0, xy0 = 0, yy0 = 0;
            double w1 = 0, x1 = 0, y1 = 0, xx1 = 0, xy1 = 0, yy1 = 0;
            int t = 0;
            for (; t + 1 < len; t += 2) {
                double r0 = dens[base + t] * inv[t];
                double a0 = dx[t];
                double b0 = dy[t];
                double ra0 = r0 * a0;
                double rb0 = r0 * b0;
                w0 += r0;
                x0 += ra0;
                y0 += rb0;
                xx0 += ra0 * a0;
                xy0 += ra0 * b0;
                yy0 += rb0 * b0;
                double r1 = dens[base + t + 1] * inv[t + 1];
                double a1 = dx[t + 1];
                double b1 = dy[t + 1];
                double ra1 = r1 * a1;
                double rb1 = r1 * b1;
                w1 += r1;
                x1 += ra1;
                y1 += rb1;
                xx1 += ra1 * a1;
                xy1 += ra1 * b1;
                yy1 += rb1 * b1;
            }
            if (t < len) {
                double r0 = dens[base + t] * inv[t];
                double a0 = dx[t];
                double b0 = dy[t];
                w0 += r0;
                x0 += r0 * a0;
                y0 += r0 * b0;
                xx0 += r0 * a0 * a0;
                xy0 += r0 * a0 * b0;
                yy0 += r0 * b0 * b0;
            }
            int o = 6 * j;
            sums[o] += w0 + w1;
            sums[o + 1] += x0 + x1;
            sums[o + 2] += y0 + y1;
            sums[o + 3] += xx0 + xx1;
            sums[o + 4] += xy0 + xy1;
            sums[o + 5] += yy0 + yy1;
        }

        /** M-step: weights, means and covariances from the moments of the last E-step. */
        Component[] maximisation(int n, double ox, double oy, double ridgeX, double ridgeY) {
            Component[] out = new Component[k];
            for (int j = 0; j < k; j++) {
                int o = 6 * j;
                double w = sums[o];
                if (w < 1e-9) {
                    out[j] = PARKED;
                    continue;
                }
                double mx = sums[o + 1] / w;
                double my = sums[o + 2] / w;
                out[j] = new Component(w / n, ox + mx, oy + my, sums[o + 3] / w - mx * mx + ridgeX,
                        sums[o + 4] / w - mx * my, sums[o + 5] / w - my * my + ridgeY);
            }
            return out;
        }
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

    /**
     * The cluster of component {@code c}: {@code c} merged with every component whose mixture with it has a single
     * mode along the segment between their means, as one Gaussian of the same weight, mean and covariance as the
     * merged components together. A cluster that is not Gaussian (lymphocytes with a shoulder of dying cells) is
     * often fitted by two overlapping components whose split is arbitrary: the likelihood barely changes as they
     * trade weight, so the picked component alone would be set by where EM stopped. Their union is not (4
     * components on the 24 files of a simulated cohort: from 60 EM iterations to full convergence the picked
     * lymphocyte component's weight moved by up to 0.16, 0.54 -> 0.70, the merged cluster's by at most 0.001).
     * Components with a density dip between them (debris, monocytes, granulocytes next to lymphocytes) stay apart.
     */
    public static Cluster cluster(Fit fit, int c) {
        List<Component> all = fit.components();
        List<Integer> members = new ArrayList<>(List.of(c));
        Component merged = all.get(c);
        // Grown one component at a time against the merged moments, so a cluster split into a row of pieces is
        // gathered whole even where its two end pieces alone would show a dip between them.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int j = 0; j < all.size(); j++) {
                if (!members.contains(j) && singleMode(merged, all.get(j))) {
                    members.add(j);
                    merged = moments(all, members);
                    grew = true;
                }
            }
        }
        members.sort(null);
        return new Cluster(merged, members);
    }

    /** One component with the weight, mean and covariance of the {@code members} together. */
    private static Component moments(List<Component> all, List<Integer> members) {
        double w = 0;
        double mx = 0;
        double my = 0;
        for (int j : members) {
            Component q = all.get(j);
            w += q.weight();
            mx += q.weight() * q.meanX();
            my += q.weight() * q.meanY();
        }
        mx /= w;
        my /= w;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int j : members) {
            Component q = all.get(j);
            double dx = q.meanX() - mx;
            double dy = q.meanY() - my;
            sxx += q.weight() * (q.sxx() + dx * dx);
            sxy += q.weight() * (q.sxy() + dx * dy);
            syy += q.weight() * (q.syy() + dy * dy);
        }
        return new Component(w, mx, my, sxx / w, sxy / w, syy / w);
    }

    /** A merged cluster: its moments as one component, and the indices of the components in it. */
    public record Cluster(Component moments, List<Integer> members) {
        public Cluster {
            members = List.copyOf(members);
        }
    }

    /** Points at which the two-component density is evaluated between the means. */
    private static final int MODE_STEPS = 100;

    /**
     * Whether w_a N_a + w_b N_b rises to one maximum and falls after it along the segment from a's mean to b's
     * (a relative slack of 1e-9 absorbs rounding on a plateau). A dip anywhere means two clusters.
     */
    static boolean singleMode(Component a, Component b) {
        double previous = -1;
        boolean falling = false;
        for (int i = 0; i <= MODE_STEPS; i++) {
            double t = i / (double) MODE_STEPS;
            double x = a.meanX() + t * (b.meanX() - a.meanX());
            double y = a.meanY() + t * (b.meanY() - a.meanY());
            double f = a.density(x, y) + b.density(x, y);
            if (falling && f > previous * (1 + 1e-9)) {
                return false;
            }
            falling |= f < previous * (1 - 1e-9);
            previous = f;
        }
        return true;
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
