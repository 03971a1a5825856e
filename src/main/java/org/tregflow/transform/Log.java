package org.tregflow.transform;

/**
 * Gating-ML 2.0 flog: {@code (1/M) * log10(x / T) + 1}; maps [T / 10^M, T] onto [0, 1].
 *
 * <p>The logarithm is undefined for x &lt;= 0. We follow what FlowKit computes (numpy's log10): x = 0 gives
 * negative infinity and x &lt; 0 gives NaN, so such events fall outside every gate instead of being clamped
 * to a value that could silently land inside one.
 *
 * @param T top of scale, T &gt; 0
 * @param M decades, M &gt; 0
 */
public record Log(double T, double M) implements Transform {
    public Log {
        Params.positive("flog", "T", T);
        Params.positive("flog", "M", M);
    }

    @Override
    public double apply(double x) {
        return Math.log10(x / T) / M + 1;
    }

    @Override
    public double inverse(double y) {
        return T * Math.pow(10, (y - 1) * M);
    }
}
