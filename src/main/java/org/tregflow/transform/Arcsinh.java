package org.tregflow.transform;

/**
 * Gating-ML 2.0 fasinh: {@code (asinh(x * sinh(M ln10) / T) + A ln10) / ((M + A) ln10)}.
 *
 * @param T top of scale, T &gt; 0
 * @param M decades of the log-like part, M &gt; 0
 * @param A extra negative decades, 0 &lt;= A &lt;= M
 */
public record Arcsinh(double T, double M, double A) implements Transform {
    private static final double LN10 = Math.log(10);

    public Arcsinh {
        Params.positive("fasinh", "T", T);
        Params.positive("fasinh", "M", M);
        Params.within("fasinh", "A", A, 0, M, "0 <= A <= M");
    }

    @Override
    public double apply(double x) {
        double u = x * Math.sinh(M * LN10) / T;
        return (asinh(u) + A * LN10) / ((M + A) * LN10);
    }

    @Override
    public double inverse(double y) {
        return Math.sinh(y * (M + A) * LN10 - A * LN10) * T / Math.sinh(M * LN10);
    }

    @Override
    public void apply(float[] src, float[] dst, int n) {
        double k = Math.sinh(M * LN10) / T;
        double offset = A * LN10;
        double scale = 1.0 / ((M + A) * LN10);
        for (int i = 0; i < n; i++) {
            dst[i] = (float) ((asinh(src[i] * k) + offset) * scale);
        }
    }

    @Override
    public void apply(float[] src, float[] dst, long[] events) {
        double k = Math.sinh(M * LN10) / T;
        double offset = A * LN10;
        double scale = 1.0 / ((M + A) * LN10);
        for (int w = 0; w < events.length; w++) {
            long bits = events[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                dst[i] = (float) ((asinh(src[i] * k) + offset) * scale);
            }
        }
    }

    /**
     * asinh without cancellation for negative arguments (log(u + sqrt(u^2+1)) loses all digits for u << 0)
     * and without overflow of u^2 for huge u; Math has no asinh before Java 21... it has none at all in 17.
     */
    static double asinh(double u) {
        double a = Math.abs(u);
        double r;
        if (a > 1e8) {
            r = Math.log(a) + Math.log(2);
        } else if (a < 1e-4) {
            r = a * (1 - a * a / 6);
        } else {
            r = Math.log(a + Math.sqrt(a * a + 1));
        }
        return Math.copySign(r, u);
    }
}
