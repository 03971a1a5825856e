package org.tregflow.gating;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;

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
            return new LUDecomposition(new Array2DRowRealMatrix(covariance, false)).getSolver().getInverse().getData();
        } catch (SingularMatrixException e) {
            throw new GateException("ellipsoid gate " + id + ": the covariance matrix is singular", e);
        }
    }

    /** Membership of one point (the same test {@link #apply} runs per event). */
    public boolean contains(double... x) {
        double[][] inv = inverseCovariance();
        int n = mean.length;
        double q = 0;
        for (int a = 0; a < n; a++) {
            double da = x[a] - mean[a];
            for (int b = 0; b < n; b++) {
                q += da * inv[a][b] * (x[b] - mean[b]);
            }
        }
        return q <= distanceSquare;
    }

    @Override
    public Population apply(EventSource source, Population parent) {
        int n = mean.length;
        double[][] inv = inverseCovariance();
        long[] pw = parent.words();
        long[] out = new long[pw.length];
        if (n == 2 && source.floatExact(dimensions.get(0)) && source.floatExact(dimensions.get(1))) {
            // Float columns widened per event: the same doubles as doubleValues, without a widened copy.
            float[] c0 = source.values(dimensions.get(0)), c1 = source.values(dimensions.get(1));
            double m0 = mean[0], m1 = mean[1];
            double i00 = inv[0][0], i01 = inv[0][1] + inv[1][0], i11 = inv[1][1];
            int size = parent.size();
            for (int w = 0; w < pw.length; w++) {
                long bits = pw[w];
                long res = 0;
                int base = w << 6;
                if (Long.bitCount(bits) >= 16 && base + 64 <= size) {
                    // Dense word: every event, no branch on membership (unpredictable), then the parent's mask.
                    for (int b = 0; b < 64; b++) {
                        double d0 = c0[base + b] - m0, d1 = c1[base + b] - m1;
                        res |= (d0 * d0 * i00 + d0 * d1 * i01 + d1 * d1 * i11 <= distanceSquare ? 1L : 0L) << b;
                    }
                    out[w] = res & bits;
                    continue;
                }
                while (bits != 0) {
                    int b = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    int i = base + b;
                    double d0 = c0[i] - m0, d1 = c1[i] - m1;
                    if (d0 * d0 * i00 + d0 * d1 * i01 + d1 * d1 * i11 <= distanceSquare) {
                        res |= 1L << b;
                    }
                }
                out[w] = res;
            }
            return Population.ofWords(out, parent.size());
        }
        double[][] cols = new double[n][];
        for (int d = 0; d < n; d++) {
            cols[d] = source.doubleValues(dimensions.get(d));
        }
        if (n == 2) {
            // The common case, unrolled: no scratch array, three multiplies per event.
            double[] c0 = cols[0], c1 = cols[1];
            double m0 = mean[0], m1 = mean[1];
            double i00 = inv[0][0], i01 = inv[0][1] + inv[1][0], i11 = inv[1][1];
            for (int w = 0; w < pw.length; w++) {
                long bits = pw[w];
                long res = 0;
                int base = w << 6;
                while (bits != 0) {
                    int b = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    int i = base + b;
                    double d0 = c0[i] - m0, d1 = c1[i] - m1;
                    if (d0 * d0 * i00 + d0 * d1 * i01 + d1 * d1 * i11 <= distanceSquare) {
                        res |= 1L << b;
                    }
                }
                out[w] = res;
            }
            return Population.ofWords(out, parent.size());
        }
        double[] diff = new double[n];
        for (int w = 0; w < pw.length; w++) {
            long bits = pw[w];
            long res = 0;
            int base = w << 6;
            while (bits != 0) {
                int b = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int i = base + b;
                for (int d = 0; d < n; d++) {
                    diff[d] = cols[d][i] - mean[d];
                }
                double q = 0;
                for (int r = 0; r < n; r++) {
                    double s = 0;
                    double[] row = inv[r];
                    for (int c = 0; c < n; c++) {
                        s += row[c] * diff[c];
                    }
                    q += diff[r] * s;
                }
                if (q <= distanceSquare) {
                    res |= 1L << b;
                }
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
