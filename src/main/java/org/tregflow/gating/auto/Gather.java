package org.tregflow.gating.auto;

import org.tregflow.gating.Population;

/**
 * Copies the values of one column inside a population into a compact array. Data-driven methods work on these
 * arrays so that they can be tested on plain numbers; NaN and infinite values are dropped because no density or
 * quantile of them means anything.
 */
public final class Gather {
    private Gather() {
    }

    /** The finite values of {@code column} at the events of {@code within}; the array is exactly as long as needed. */
    public static float[] values(float[] column, Population within) {
        float[] out = new float[(int) within.count()];
        int k = into(column, within, out);
        return k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }

    /**
     * The finite values of {@code column} at the events of {@code within}, into the start of {@code out} (at least
     * as long as the population's count: a batch lends one array for all of a file's gates); returns how many.
     */
    public static int into(float[] column, Population within, float[] out) {
        int k = 0;
        long[] words = within.words();
        for (int w = 0; w < words.length; w++) {
            long bits = words[w];
            while (bits != 0) {
                float v = column[(w << 6) + Long.numberOfTrailingZeros(bits)];
                if (Float.isFinite(v)) {
                    out[k++] = v;
                }
                bits &= bits - 1;
            }
        }
        return k;
    }

    /** The pairs (x, y) at the given event indices, dropping pairs with a non-finite member; returns {xs, ys}. */
    public static float[][] pairs(float[] x, float[] y, int[] events) {
        float[] xs = new float[events.length];
        float[] ys = new float[events.length];
        int k = 0;
        for (int e : events) {
            float a = x[e];
            float b = y[e];
            if (Float.isFinite(a) && Float.isFinite(b)) {
                xs[k] = a;
                ys[k] = b;
                k++;
            }
        }
        return new float[][] {java.util.Arrays.copyOf(xs, k), java.util.Arrays.copyOf(ys, k)};
    }
}
