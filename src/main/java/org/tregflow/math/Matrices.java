package org.tregflow.math;

/**
 * The few dense-matrix operations tregflow needs, on small matrices (a spillover or spectrum matrix, a covariance:
 * at most a few dozen rows), in double. Written here rather than taken from a linear-algebra library because the
 * one used before (commons-math3) is compiled for Java 5: a JVM cannot keep such classes in its start-up archive,
 * and loading and verifying them cost a small run about 40 ms.
 */
public final class Matrices {
    /** A pivot this much smaller than its column's largest entry means the matrix is singular. */
    private static final double SINGULAR = 1e-11;

    private Matrices() {
    }

    /** Thrown when a matrix has no inverse (a zero pivot, relative to its column, after row exchanges). */
    public static final class SingularMatrixException extends ArithmeticException {
        private static final long serialVersionUID = 1L;

        SingularMatrixException() {
            super("the matrix is singular");
        }
    }

    /**
     * The inverse of a square matrix: LU decomposition with partial pivoting (Doolittle: unit lower triangle), then
     * one forward and one back substitution per column of the identity.
     *
     * @throws SingularMatrixException if the matrix is singular
     */
    public static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] lu = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("a " + n + "-row matrix with a row of " + a[i].length);
            }
            lu[i] = a[i].clone();
        }
        int[] row = new int[n];
        for (int i = 0; i < n; i++) {
            row[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int pivot = k;
            double largest = 0;
            double scale = 0;
            for (int i = k; i < n; i++) {
                double v = Math.abs(lu[i][k]);
                scale = Math.max(scale, Math.abs(a[row[i]][k]));
                if (v > largest) {
                    largest = v;
                    pivot = i;
                }
            }
            if (!(largest > SINGULAR * scale) || largest == 0) {
                throw new SingularMatrixException();
            }
            if (pivot != k) {
                double[] t = lu[pivot];
                lu[pivot] = lu[k];
                lu[k] = t;
                int r = row[pivot];
                row[pivot] = row[k];
                row[k] = r;
            }
            double diagonal = lu[k][k];
            for (int i = k + 1; i < n; i++) {
                double f = lu[i][k] / diagonal;
                lu[i][k] = f;
                for (int j = k + 1; j < n; j++) {
                    lu[i][j] -= f * lu[k][j];
                }
            }
        }
        double[][] inv = new double[n][n];
        double[] x = new double[n];
        for (int c = 0; c < n; c++) {
            // Solve L U x = P e_c: forward with the unit lower triangle, then back with the upper one.
            for (int i = 0; i < n; i++) {
                double s = row[i] == c ? 1 : 0;
                for (int j = 0; j < i; j++) {
                    s -= lu[i][j] * x[j];
                }
                x[i] = s;
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = x[i];
                for (int j = i + 1; j < n; j++) {
                    s -= lu[i][j] * x[j];
                }
                x[i] = s / lu[i][i];
            }
            for (int i = 0; i < n; i++) {
                inv[i][c] = x[i];
            }
        }
        return inv;
    }

    /**
     * The Moore-Penrose inverse of a full-rank k x d matrix with k < d (fewer rows than columns): A^T (A A^T)^-1,
     * the d x k matrix X with A X = I whose columns lie in A's row space.
     *
     * @throws SingularMatrixException if the rows are linearly dependent
     */
    public static double[][] rightInverse(double[][] a) {
        double[][] t = transpose(a);
        return multiply(t, inverse(multiply(a, t)));
    }

    /**
     * The lower triangular L with {@code L·Lᵀ = m} (Cholesky), reading m's lower triangle; null when a pivot is not
     * above {@code minPivot} (m is not positive definite, or too nearly singular for the caller).
     */
    public static double[][] cholesky(double[][] m, double minPivot) {
        int n = m.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > minPivot)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double s = 0;
                for (int k = 0; k < b.length; k++) {
                    s += a[i][k] * b[k][j];
                }
                out[i][j] = s;
            }
        }
        return out;
    }
}
