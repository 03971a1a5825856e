package org.tregflow.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** Against commons-math3 (test scope), an independent implementation, and against the identities themselves. */
class MatricesTest {
    /** A spillover-like matrix: 1 on the diagonal, spill of up to 0.3 elsewhere, the rows in a shuffled order. */
    private static double[][] spilloverLike(int n, SplittableRandom rng) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = i == j ? 1 : 0.3 * rng.nextDouble() * rng.nextDouble();
            }
        }
        for (int i = n - 1; i > 0; i--) { // row exchanges make the pivoting matter
            int j = rng.nextInt(i + 1);
            double[] t = m[i];
            m[i] = m[j];
            m[j] = t;
        }
        return m;
    }

    @Test
    void inverseTimesMatrixIsTheIdentityAndAgreesWithCommonsMath() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int n : new int[] {1, 2, 3, 9, 13, 30}) {
            double[][] a = spilloverLike(n, rng);
            double[][] inv = Matrices.inverse(a);
            double[][] reference = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver().getInverse().getData();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += a[i][k] * inv[k][j];
                    }
                    assertEquals(i == j ? 1 : 0, s, 1e-12, "n " + n + " (" + i + ", " + j + ")");
                    assertEquals(reference[i][j], inv[i][j], 1e-12 * (1 + Math.abs(reference[i][j])));
                }
            }
        }
    }

    @Test
    void singularMatricesAreRefusedWhateverTheirScale() {
        assertThrows(Matrices.SingularMatrixException.class, () -> Matrices.inverse(new double[][] {{1, 1}, {1, 1}}));
        assertThrows(Matrices.SingularMatrixException.class,
                () -> Matrices.inverse(new double[][] {{1e-20, 2e-20}, {2e-20, 4e-20}}));
        assertThrows(Matrices.SingularMatrixException.class,
                () -> Matrices.inverse(new double[][] {{1, 2, 3}, {4, 5, 6}, {5, 7, 9}}));
        // Tiny but regular (a covariance in small units) is not singular.
        double[][] inv = Matrices.inverse(new double[][] {{4e-8, 1e-8}, {1e-8, 9e-8}});
        assertEquals(9e-8 / (4e-8 * 9e-8 - 1e-16), inv[0][0], 1e-6 * inv[0][0]);
        assertThrows(IllegalArgumentException.class, () -> Matrices.inverse(new double[][] {{1, 2}, {3}}));
    }

    @Test
    void choleskyFactorsPositiveDefiniteMatricesOnly() {
        double[][] c = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};
        double[][] l = Matrices.cholesky(c, 0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += l[i][k] * l[j][k];
                }
                assertEquals(c[i][j], s, 1e-12);
                if (j > i) {
                    assertEquals(0, l[i][j]);
                }
            }
        }
        assertEquals(null, Matrices.cholesky(new double[][] {{1, 2}, {2, 1}}, 0)); // indefinite
        assertEquals(null, Matrices.cholesky(new double[][] {{1e-15, 0}, {0, 1}}, 1e-14)); // below the pivot asked
    }

    @Test
    void rightInverseIsTheMoorePenroseInverse() {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] a = new double[4][9]; // 4 fluorochromes over 9 detectors
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 9; j++) {
                a[i][j] = (i + 2 == j ? 1 : 0) + 0.2 * rng.nextDouble();
            }
        }
        double[][] x = Matrices.rightInverse(a);
        double[][] reference = new SingularValueDecomposition(new Array2DRowRealMatrix(a)).getSolver().getInverse()
                .getData();
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(reference[i][j], x[i][j], 1e-10);
            }
        }
        double[][] dependent = {{1, 2, 3}, {2, 4, 6}};
        assertThrows(Matrices.SingularMatrixException.class, () -> Matrices.rightInverse(dependent));
    }
}
