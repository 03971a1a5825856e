package org.tregflow.report;

import java.util.Arrays;
import java.util.List;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.Population;

/**
 * One plot axis: a gate dimension shown over {@code lo..hi} in gate (transformed) coordinates, with its ticks.
 *
 * @param label the axis title (the dimension's parameter name)
 */
public record Axis(Dimension dimension, String label, double lo, double hi, List<Tick> ticks) {

    public Axis {
        ticks = List.copyOf(ticks);
    }

    /**
     * The axis of {@code d} for a plot {@code lengthPx} long. A transformed dimension shows its whole scale
     * ([0, 1]: every Gating-ML transform maps the top of scale T to 1), like FlowJo's fixed axes, so plots of
     * different files compare; an untransformed one shows the parent's values from the 0.1th to the 99.9th
     * percentile (with 0), since it has no scale to fix.
     */
    public static Axis of(Dimension d, float[] values, Population parent, double lengthPx, double labelGapPx) {
        double lo;
        double hi;
        if (d.transform() != null) {
            lo = 0;
            hi = 1;
        } else {
            double[] q = quantiles(values, parent, 0.001, 0.999);
            lo = Math.min(0, q[0]);
            hi = q[1] > lo ? q[1] + (q[1] - lo) * 0.05 : lo + 1;
        }
        return new Axis(d, d.name(), lo, hi, Ticks.of(d.transform(), lo, hi, lengthPx, labelGapPx));
    }

    /** Position of a gate coordinate as a fraction of the axis (0 = lo, 1 = hi). */
    public double fraction(double v) {
        return (v - lo) / (hi - lo);
    }

    /** Quantiles of the parent's finite values, from a deterministic stride sample of at most 200,000 events. */
    static double[] quantiles(float[] values, Population parent, double qLo, double qHi) {
        long count = parent.count();
        if (count == 0) {
            return new double[] {0, 1};
        }
        int stride = (int) Math.max(1, count / 200_000);
        float[] sample = new float[(int) Math.min(count, 200_000L) + 1];
        int n = 0;
        int seen = 0;
        long[] words = parent.words();
        for (int w = 0; w < words.length; w++) {
            long bits = words[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (seen++ % stride == 0 && n < sample.length) {
                    float v = values[i];
                    if (Float.isFinite(v)) {
                        sample[n++] = v;
                    }
                }
            }
        }
        if (n == 0) {
            return new double[] {0, 1};
        }
        Arrays.sort(sample, 0, n);
        return new double[] {sample[(int) Math.floor(qLo * (n - 1))], sample[(int) Math.ceil(qHi * (n - 1))]};
    }
}
