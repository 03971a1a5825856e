package org.tregflow.gating;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tregflow.math.Matrices;

/**
 * Gating-ML 2.0 ellipsoid gate (§5.3.3), n-dimensional: inside when {@code (x-μ)ᵀ C⁻¹ (x-μ) <= d²} with mean μ,
 * covariance matrix C and distance square d² (the boundary is inside).
 */
public record EllipsoidGate(String id, String parentId, List<Dimension> dimensions, double[] mean,
                            double[][] covariance, double distanceSquare) implements GeometricGate {

    public EllipsoidGate {
        Objects.requireNonNull(id, "gate id");
        dimensions = List.copyOf(dimensions);
        int n = dimensions.size();
        if (n < 1) {
            throw new IllegalArgumentException("ellipsoid gate " + id + " has no dimension");
        }
        if (mean.length != n) {
            throw new IllegalArgumentException("ellipsoid gate " + id + ": mean has " + mean.length
                    + " values for " + n + " dimensions");
        }
        if (covariance.length != n) {
            throw new IllegalArgumentException("ellipsoid gate " + id + ": covariance matrix has "
                    + covariance.length + " rows for " + n + " dimensions");
        }
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            if (covariance[i].length != n) {
                throw new IllegalArgumentException("ellipsoid gate " + id + ": covariance row " + (i + 1) + " has "
                        + covariance[i].length + " values for " + n + " dimensions");
            }
            c[i] = covariance[i].clone();
        }
        if (!(distanceSquare >= 0) || Double.isInfinite(distanceSquare)) {
            throw new IllegalArgumentException("ellipsoid gate " + id + ": distance square " + distanceSquare
                    + " must be a finite number >= 0");
        }
        mean = mean.clone();
        covariance = c;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    @Override
    public EllipsoidGate withParent(String newParent) {
        return new EllipsoidGate(id, newParent, dimensions, mean, covariance, distanceSquare);
    }

    /** C⁻¹, computed once per evaluation (never per event). */
    public double[][] inverseCovariance() {
        try {
            return Matrices.inverse(covariance);
        } catch (Matrices.SingularMatrixException e) {
            throw new GateException("ellipsoid gate " + id + ": the covariance matrix is singular", e);
        }
    }

    /** Membership of one point (the same test, with the same arithmetic, {@link #apply} makes per event). */
    public boolean contains(double... x) {
        return within(x, inverseCovariance(), distanceSquare);
    }

    /** {@code (x-μ)ᵀ C⁻¹ (x-μ) <= d²}, rounded exactly as the loops of {@link #evaluate} round it. */
    private boolean within(double[] x, double[][] inv, double d2) {
        int n = mean.length;
        if (n == 2) {
            double d0 = x[0] - mean[0], d1 = x[1] - mean[1];
            return d0 * d0 * inv[0][0] + d0 * d1 * (inv[0][1] + inv[1][0]) + d1 * d1 * inv[1][1] <= d2;
        }
        double q = 0;
        for (int r = 0; r < n; r++) {
            double s = 0;
            for (int c = 0; c < n; c++) {
                s += inv[r][c] * (x[c] - mean[c]);
            }
            q += (x[r] - mean[r]) * s;
        }
        return q <= d2;
    }

    @Override
    public Population apply(EventSource source, Population parent) {
        double[][] inv = inverseCovariance();
        double[] error = BoundaryRecheck.errors(dimensions, source);
        double[] shell = error == null ? null : shell(error, inv);
        Population fast;
        Population near;
        if (mean.length == 2 && source.floatExact(dimensions.get(0)) && source.floatExact(dimensions.get(1))) {
            Population[] fastAndNear = applyFloat(source, parent, inv, shell);
            fast = fastAndNear[0];
            near = fastAndNear[1];
        } else {
            fast = evaluate(source, parent, inv, distanceSquare);
            near = shell == null ? null : evaluate(source, parent, inv, shell[1])
                    .andNot(evaluate(source, parent, inv, shell[0]));
        }
        if (error == null) {
            return fast;
        }
        // Without a shell (C⁻¹ not positive definite: no distance to bound) every event is a candidate.
        return BoundaryRecheck.exact(dimensions, source, fast, near == null ? parent : near,
                x -> within(x, inv, distanceSquare));
    }

    /**
     * The squared distances {lo, hi} between which the events within {@code error} of the boundary lie: the
     * Mahalanobis distance {@code |L⁻¹(x-μ)|} moves by at most {@code ρ = sqrt(λmax(C⁻¹))·|δ|} when x moves by δ,
     * so they lie between the ellipsoids of distance {@code d ± ρ} (λmax bounded by the largest absolute row sum
     * of C⁻¹); null when C⁻¹ is not positive definite.
     */
    private double[] shell(double[] error, double[][] inv) {
        if (!positiveDefinite(inv)) {
            return null;
        }
        double rowSum = 0;
        double e2 = 0;
        for (int r = 0; r < inv.length; r++) {
            double s = 0;
            for (double v : inv[r]) {
                s += Math.abs(v);
            }
            rowSum = Math.max(rowSum, s);
            e2 += error[r] * error[r];
        }
        double d = Math.sqrt(distanceSquare);
        // The small extra covers the rounding of the quadratic form itself.
        double rho = Math.sqrt(rowSum * e2) * (1 + 1e-9) + 1e-12 * (1 + d);
        return new double[] {d <= rho ? -1 : (d - rho) * (d - rho), (d + rho) * (d + rho)};
    }

    /** True when the symmetric part of {@code m} is positive definite. */
    private static boolean positiveDefinite(double[][] m) {
        int n = m.length;
        double[][] symmetric = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                symmetric[i][j] = (m[i][j] + m[j][i]) / 2;
            }
        }
        return Matrices.cholesky(symmetric, 0) != null;
    }

    /**
     * The 2-D case on float columns (see {@link EventSource#floatExact}), widened per event (the same doubles as
     * doubleValues, without a widened copy): the membership, and the candidates {@code shell[0] < q <= shell[1]}
     * from the same quadratic form (none when {@code shell} is null).
     */
    private Population[] applyFloat(EventSource source, Population parent, double[][] inv, double[] shell) {
        float[] c0 = source.values(dimensions.get(0)), c1 = source.values(dimensions.get(1));
        double m0 = mean[0], m1 = mean[1];
        double i00 = inv[0][0], i01 = inv[0][1] + inv[1][0], i11 = inv[1][1];
        double d2 = distanceSquare;
        double lo2 = shell == null ? Double.POSITIVE_INFINITY : shell[0];
        double hi2 = shell == null ? Double.NEGATIVE_INFINITY : shell[1];
        int size = parent.size();
        long[] pw = parent.words();
        long[] out = new long[pw.length];
        long[] near = new long[pw.length];
        for (int w = 0; w < pw.length; w++) {
            long bits = pw[w];
            long res = 0;
            long close = 0;
            int base = w << 6;
            if (Long.bitCount(bits) >= 16 && base + 64 <= size) {
                // Dense word: every event, no branch on membership (unpredictable), then the parent's mask.
                for (int b = 0; b < 64; b++) {
                    double d0 = c0[base + b] - m0, d1 = c1[base + b] - m1;
                    double q = d0 * d0 * i00 + d0 * d1 * i01 + d1 * d1 * i11;
                    res |= (q <= d2 ? 1L : 0L) << b;
                    close |= (q <= hi2 & q > lo2 ? 1L : 0L) << b;
                }
                out[w] = res & bits;
                near[w] = close & bits;
                continue;
            }
            while (bits != 0) {
                int b = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int i = base + b;
                double d0 = c0[i] - m0, d1 = c1[i] - m1;
                double q = d0 * d0 * i00 + d0 * d1 * i01 + d1 * d1 * i11;
                res |= (q <= d2 ? 1L : 0L) << b;
                close |= (q <= hi2 & q > lo2 ? 1L : 0L) << b;
            }
            out[w] = res;
            near[w] = close;
        }
        return new Population[] {Population.ofWords(out, size), Population.ofWords(near, size)};
    }

    /**
     * Membership ({@code q <= d2}) on the double values as they are, each event judged by {@link #within}: the
     * one test, so the exact re-judging of a fast event and this loop cannot disagree.
     */
    private Population evaluate(EventSource source, Population parent, double[][] inv, double d2) {
        int n = mean.length;
        double[][] cols = new double[n][];
        for (int d = 0; d < n; d++) {
            cols[d] = source.doubleValues(dimensions.get(d));
        }
        double[] point = new double[n];
        long[] pw = parent.words();
        long[] out = new long[pw.length];
        for (int w = 0; w < pw.length; w++) {
            long bits = pw[w];
            long res = 0;
            while (bits != 0) {
                int b = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int i = (w << 6) + b;
                for (int d = 0; d < n; d++) {
                    point[d] = cols[d][i];
                }
                res |= (within(point, inv, d2) ? 1L : 0L) << b;
            }
            out[w] = res;
        }
        return Population.ofWords(out, parent.size());
    }

    /**
     * The boundary of a 2-D ellipse as {@code points} vertices, for drawing: {@code μ + d·L·(cos t, sin t)} with
     * {@code C = L·Lᵀ} (Cholesky), which satisfies {@code (x-μ)ᵀ C⁻¹ (x-μ) = d²} exactly.
     */
    public List<PolygonGate.Vertex> outline(int points) {
        if (mean.length != 2) {
            throw new GateException("ellipsoid gate " + id + " has " + mean.length + " dimensions; only a 2-D "
                    + "ellipse has an outline");
        }
        double l00 = Math.sqrt(covariance[0][0]);
        double l10 = covariance[1][0] / l00;
        double l11 = Math.sqrt(covariance[1][1] - l10 * l10);
        if (!(l00 > 0) || !(l11 > 0)) {
            throw new GateException("ellipsoid gate " + id + ": the covariance matrix is not positive definite");
        }
        double d = Math.sqrt(distanceSquare);
        List<PolygonGate.Vertex> out = new java.util.ArrayList<>(points);
        for (int k = 0; k < points; k++) {
            double t = 2 * Math.PI * k / points;
            double u = Math.cos(t) * d;
            double v = Math.sin(t) * d;
            out.add(new PolygonGate.Vertex(mean[0] + l00 * u, mean[1] + l10 * u + l11 * v));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EllipsoidGate g && g.id.equals(id) && Objects.equals(g.parentId, parentId)
                && g.dimensions.equals(dimensions) && Arrays.equals(g.mean, mean)
                && Arrays.deepEquals(g.covariance, covariance)
                && Double.compare(g.distanceSquare, distanceSquare) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, parentId, dimensions, Arrays.hashCode(mean), Arrays.deepHashCode(covariance),
                distanceSquare);
    }

    @Override
    public String toString() {
        return "EllipsoidGate[" + id + ", parent " + parentId + ", " + dimensions + ", mean " + Arrays.toString(mean)
                + ", covariance " + Arrays.deepToString(covariance) + ", d² " + distanceSquare + "]";
    }
}
