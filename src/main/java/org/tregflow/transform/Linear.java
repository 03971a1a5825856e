package org.tregflow.transform;

/**
 * Gating-ML 2.0 flin: {@code (x + A) / (T + A)}; maps [-A, T] onto [0, 1].
 *
 * @param T top of scale, T &gt; 0
 * @param A bottom of scale offset, 0 &lt;= A &lt;= T
 */
public record Linear(double T, double A) implements Transform {
    public Linear {
        Params.positive("flin", "T", T);
        Params.within("flin", "A", A, 0, T, "0 <= A <= T");
    }

    @Override
    public double apply(double x) {
        return (x + A) / (T + A);
    }

    @Override
    public double inverse(double y) {
        return y * (T + A) - A;
    }

    @Override
    public void apply(float[] src, float[] dst, int n) {
        double scale = 1.0 / (T + A);
        for (int i = 0; i < n; i++) {
            dst[i] = (float) ((src[i] + A) * scale);
        }
    }

    @Override
    public void apply(float[] src, float[] dst, long[] events) {
        double scale = 1.0 / (T + A);
        for (int w = 0; w < events.length; w++) {
            long bits = events[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                dst[i] = (float) ((src[i] + A) * scale);
            }
        }
    }
}
