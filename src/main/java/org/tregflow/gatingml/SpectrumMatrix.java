package org.tregflow.gatingml;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.math.Matrices;

/**
 * Gating-ML 2.0 {@code transforms:spectrumMatrix} (§5.7): one spectrum per fluorochrome, one coefficient per
 * detector, so observed detectors {@code d = f · S}. Unmixing solves for the fluorochromes: {@code f = d · U} with
 * {@code U = S⁻¹} when square and the Moore-Penrose pseudo-inverse (least squares) when there are more detectors
 * than fluorochromes. With {@code matrix-inverted-already} the file gives U itself, one row per detector.
 *
 * @param coefficients as written in the file: fluorochromes × detectors, or detectors × fluorochromes when
 *                     {@code invertedAlready}
 */
public record SpectrumMatrix(String id, List<String> fluorochromes, List<String> detectors, double[][] coefficients,
                             boolean invertedAlready) {

    public SpectrumMatrix {
        Objects.requireNonNull(id, "matrix id");
        fluorochromes = List.copyOf(fluorochromes);
        detectors = List.copyOf(detectors);
        int rows = invertedAlready ? detectors.size() : fluorochromes.size();
        int cols = invertedAlready ? fluorochromes.size() : detectors.size();
        if (coefficients.length != rows) {
            throw new IllegalArgumentException("spectrum matrix " + id + " has " + coefficients.length
                    + " spectra; expected " + rows + (invertedAlready ? " (one per detector, inverted already)"
                    : " (one per fluorochrome)"));
        }
        double[][] copy = new double[rows][];
        for (int r = 0; r < rows; r++) {
            if (coefficients[r].length != cols) {
                throw new IllegalArgumentException("spectrum " + (r + 1) + " of matrix " + id + " has "
                        + coefficients[r].length + " coefficients; expected " + cols);
            }
            copy[r] = coefficients[r].clone();
        }
        if (!invertedAlready && fluorochromes.size() > detectors.size()) {
            throw new IllegalArgumentException("spectrum matrix " + id + " has more fluorochromes ("
                    + fluorochromes.size() + ") than detectors (" + detectors.size() + "): it cannot be unmixed");
        }
        coefficients = copy;
    }

    /** The file's own spillover as a square spectrum matrix whose fluorochromes are named as the detectors. */
    public static SpectrumMatrix of(String id, SpilloverMatrix spillover) {
        double[][] v = new double[spillover.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = spillover.values()[i];
        }
        return new SpectrumMatrix(id, spillover.channels(), spillover.channels(), v, false);
    }

    /** U, detectors × fluorochromes: {@code f_k = Σ_j d_j U[j][k]}. */
    public double[][] unmixing() {
        if (invertedAlready) {
            return deepCopy(coefficients);
        }
        try {
            // More detectors than fluorochromes: the least-squares unmixing (the Moore-Penrose inverse).
            return fluorochromes.size() == detectors.size() ? Matrices.inverse(coefficients)
                    : Matrices.rightInverse(coefficients);
        } catch (Matrices.SingularMatrixException e) {
            throw new GatingMlException("spectrum matrix " + id + " is singular: its fluorochromes cannot be unmixed", e);
        }
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public double[][] coefficients() {
        return deepCopy(coefficients);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpectrumMatrix m && m.id.equals(id) && m.fluorochromes.equals(fluorochromes)
                && m.detectors.equals(detectors) && Arrays.deepEquals(m.coefficients, coefficients)
                && m.invertedAlready == invertedAlready;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, fluorochromes, detectors, Arrays.deepHashCode(coefficients), invertedAlready);
    }
}
