package org.tregflow.gating.auto;

import java.util.Locale;

/** The cut at the q-quantile of the values (selection, no sort): keeps the top or bottom fraction by design. */
public final class QuantileCut {
    private QuantileCut() {
    }

    public static Threshold find(float[] values, int n, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile q must be between 0 and 1, got " + q);
        }
        if (n == 0) {
            throw new IllegalArgumentException("quantile of an empty population");
        }
        double v = OrderStatistics.quantile(java.util.Arrays.copyOf(values, n), n, q);
        return new Threshold(v, String.format(Locale.ROOT, "q=%s value=%.6g", q, v), null);
    }
}
