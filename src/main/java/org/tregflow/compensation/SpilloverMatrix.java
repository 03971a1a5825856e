package org.tregflow.compensation;

import java.util.List;
import java.util.Locale;
import org.tregflow.math.Matrices;

/**
 * A spillover matrix: row i gives how much of dye i's signal each detector sees (detector order = {@code channels}).
 * Compensation multiplies the observed detector vector (as a row) by the inverse of this matrix.
 */
public record SpilloverMatrix(List<String> channels, double[][] values) {
    public SpilloverMatrix {
        channels = List.copyOf(channels);
        int n = channels.size();
        if (n == 0) {
            throw new IllegalArgumentException("a spillover matrix needs at least one channel");
        }
        if (values.length != n) {
            throw new IllegalArgumentException("spillover matrix has " + values.length + " rows for " + n + " channels");
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (values[i].length != n) {
                throw new IllegalArgumentException("spillover row " + (i + 1) + " has " + values[i].length
                        + " values for " + n + " channels");
            }
            for (double v : values[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("spillover row " + (i + 1) + " holds a non-finite value");
                }
            }
            copy[i] = values[i].clone();
        }
        values = copy;
    }

    public int size() {
        return channels.size();
    }

    public double get(int row, int col) {
        return values[row][col];
    }

    /** The inverse, computed once per matrix (LU decomposition); fails clearly on a singular matrix. */
    public double[][] inverse() {
        try {
            return Matrices.inverse(values);
        } catch (Matrices.SingularMatrixException e) {
            throw new IllegalArgumentException("spillover matrix for " + channels + " is singular and cannot be inverted", e);
        }
    }

    /** The FCS 3.1 $SPILLOVER keyword value: n, the n channel names, then the n*n values row by row. */
    public String toKeywordValue() {
        StringBuilder sb = new StringBuilder().append(size());
        for (String c : channels) {
            sb.append(',').append(c);
        }
        for (double[] row : values) {
            for (double v : row) {
                sb.append(',').append(formatValue(v));
            }
        }
        return sb.toString();
    }

    private static String formatValue(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SpilloverMatrix other)) {
            return false;
        }
        return channels.equals(other.channels) && java.util.Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return channels.hashCode() * 31 + java.util.Arrays.deepHashCode(values);
    }
}
