package org.tregflow.transform;

import java.util.Arrays;

/**
 * FlowJo 10's "biex" display transform, reproduced as FlowJo computes it: a lookup table of the data value at
 * each of {@code channelRange + 1} display channels (a logicle-style biexponential sampled at channel / (range + 1),
 * its zero snapped to a whole channel and mirrored below it), then linear interpolation between table points.
 * Needed to apply gates drawn in FlowJo on biex axes exactly where FlowJo drew them; for new work prefer
 * {@link Logicle}, which is the standardised form.
 *
 * <p>Output is in FlowJo's channel units, 0 to {@code channelRange} (4096 by default), clamped at both ends like
 * FlowJo (values beyond the table map to its first or last channel).
 *
 * <p>Parameters as a FlowJo workspace names them: negative (extra negative decades, &gt;= 0), width basis
 * (negative, e.g. -10: log10(-width) decades of linear zone), positive (decades), max value (top of scale).
 */
public final class FlowJoBiex implements Transform {
    private static final double LN10 = Math.log(10);

    private final double negative;
    private final double widthBasis;
    private final double positive;
    private final double maxValue;
    private final int channelRange;
    /** Data value at each channel 0..channelRange, increasing. */
    private final double[] table;

    public FlowJoBiex(double negative, double widthBasis, double positive, double maxValue) {
        this(negative, widthBasis, positive, maxValue, 4096);
    }

    public FlowJoBiex(double negative, double widthBasis, double positive, double maxValue, int channelRange) {
        this.negative = Params.within("FlowJo biex", "negative", negative, 0, Double.MAX_VALUE, "negative >= 0");
        if (!(widthBasis < 0) || widthBasis < -1e6) {
            throw new IllegalArgumentException("FlowJo biex: parameter width basis must be negative (FlowJo uses "
                    + "-1 to -1000), got " + widthBasis);
        }
        this.widthBasis = widthBasis;
        this.positive = Params.positive("FlowJo biex", "positive", positive);
        this.maxValue = Params.positive("FlowJo biex", "max value", maxValue);
        if (channelRange < 16) {
            throw new IllegalArgumentException("FlowJo biex: channel range must be at least 16, got " + channelRange);
        }
        this.channelRange = channelRange;
        this.table = buildTable();
    }

    private double[] buildTable() {
        double width = Math.log10(-widthBasis);
        double decades = positive - width / 2;
        double extra = negative + width / 2;
        // FlowJo places zero on a whole channel and rescales the decades so that it fits exactly there.
        int zero = (int) Math.min((int) (extra * channelRange / (extra + decades)), channelRange / 2.0);
        if (zero > 0) {
            decades = extra * channelRange / zero;
        }
        double w = width / (2 * decades);
        double positiveRange = LN10 * decades;
        double minimum = maxValue / Math.exp(positiveRange);
        double negativeRange = Logicle.solveD(positiveRange, w);
        int points = channelRange + 1;
        double scale = Math.exp((positiveRange + negativeRange) * (w + extra / decades));
        double[] x = new double[points];
        for (int k = 0; k < points; k++) {
            double t = (double) k / points; // FlowJo divides by the number of points, not by the range
            x[k] = Math.exp(t * positiveRange) - scale * Math.exp(-t * negativeRange);
        }
        double atZero = x[zero];
        for (int k = zero; k < points; k++) {
            x[k] = minimum * (x[k] - atZero);
        }
        for (int k = 0; k < zero; k++) {
            x[k] = -x[2 * zero - k];
        }
        return x;
    }

    /** The data value FlowJo assigns to display channel {@code k} (0..channelRange). */
    public double tableValue(int k) {
        return table[k];
    }

    public int channelRange() {
        return channelRange;
    }

    @Override
    public double apply(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x <= table[0]) {
            return 0;
        }
        if (x >= table[channelRange]) {
            return channelRange;
        }
        int i = Arrays.binarySearch(table, x);
        if (i >= 0) {
            return i;
        }
        int hi = -i - 1; // first entry above x; hi >= 1 because x > table[0]
        int lo = hi - 1;
        return lo + (x - table[lo]) / (table[hi] - table[lo]);
    }

    @Override
    public double inverse(double y) {
        if (Double.isNaN(y)) {
            return y;
        }
        if (y <= 0) {
            return table[0];
        }
        if (y >= channelRange) {
            return table[channelRange];
        }
        int lo = (int) y;
        return table[lo] + (y - lo) * (table[lo + 1] - table[lo]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowJoBiex b && b.negative == negative && b.widthBasis == widthBasis
                && b.positive == positive && b.maxValue == maxValue && b.channelRange == channelRange;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(negative, widthBasis, positive, maxValue, channelRange);
    }

    @Override
    public String toString() {
        return "FlowJoBiex[negative=" + negative + ", width=" + widthBasis + ", positive=" + positive + ", max="
                + maxValue + ", channels=" + channelRange + "]";
    }
}
