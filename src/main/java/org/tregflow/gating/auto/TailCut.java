package org.tregflow.gating.auto;

import java.util.List;
import java.util.Locale;

/**
 * A cut at {@code centre ± k * spread} of a reference population: the classic "negative control + k sigma" rule,
 * robust because the centre is a median or a density mode and the spread is the median absolute deviation
 * times 1.4826 (sigma for normal data).
 *
 * <p>With a peak as the reference the spread is measured only on the half of the peak facing away from the cut,
 * so a positive population next to it cannot inflate it: for {@code keep = POSITIVE} the cut is
 * {@code mode + k * spread(values below the mode)}, for {@code NEGATIVE} it is {@code mode - k * spread(values above)}.
 */
public final class TailCut {
    /** What the centre and spread are measured on. */
    public enum Reference {
        /** All values: median and MAD. */
        ALL,
        /** The leftmost peak of the density (typically the negative cells). */
        LOWEST_PEAK,
        /** The highest peak of the density. */
        HIGHEST_PEAK
    }

    /** Peaks lower than this fraction of the highest one are noise for the choice of the lowest peak. */
    static final double MIN_PEAK = 0.05;

    public record Params(Side keep, Reference reference, double k) {
        public Params {
            if (keep == null || reference == null) {
                throw new IllegalArgumentException("tail_cut needs keep and reference");
            }
            if (!(k >= 0) || !Double.isFinite(k)) {
                throw new IllegalArgumentException("tail_cut k must be a finite number >= 0, got " + k);
            }
        }
    }

    private TailCut() {
    }

    public static Threshold find(float[] values, int n, Params p) {
        if (n < 3) {
            throw new IllegalArgumentException("tail_cut needs at least 3 events, got " + n);
        }
        if (p.reference() == Reference.ALL) {
            double[] centre = OrderStatistics.medianAndSpread(java.util.Arrays.copyOf(values, n), n);
            double median = centre[0];
            double spread = centre[1];
            double cut = p.keep() == Side.POSITIVE ? median + p.k() * spread : median - p.k() * spread;
            return new Threshold(cut, String.format(Locale.ROOT, "median=%.6g spread=%.6g k=%s", median, spread, p.k()), null);
        }
        KernelDensity kde = KernelDensity.estimate(values, n, KernelDensity.DEFAULT_BINS, null);
        return fromPeak(values, n, kde, p);
    }

    static Threshold fromPeak(float[] values, int n, KernelDensity kde, Params p) {
        List<Integer> peaks = kde.peaks(MIN_PEAK);
        int peak = peaks.get(0);
        if (p.reference() == Reference.LOWEST_PEAK) {
            for (int b : peaks) {
                peak = Math.min(peak, b);
            }
        }
        double mode = refineMode(values, n, kde.x(peak), halfSpread(values, n, kde.x(peak), p.keep() == Side.POSITIVE));
        double spread = halfSpread(values, n, mode, p.keep() == Side.POSITIVE);
        double cut = p.keep() == Side.POSITIVE ? mode + p.k() * spread : mode - p.k() * spread;
        return new Threshold(cut, String.format(Locale.ROOT, "mode=%.6g spread=%.6g k=%s", mode, spread, p.k()), null);
    }

    /**
     * The density's grid mode is only as good as its noise (a tenth of a sigma on 50,000 values), and the spread
     * measured from it inherits the error: a few mean-shift steps with a flat window of one spread settle it on the
     * peak (each step removes about 70% of the offset for a normal peak).
     */
    static double refineMode(float[] values, int n, double mode, double window) {
        if (!(window > 0)) {
            return mode;
        }
        for (int it = 0; it < 8; it++) {
            double sum = 0;
            int m = 0;
            for (int i = 0; i < n; i++) {
                double v = values[i];
                if (v >= mode - window && v <= mode + window) {
                    sum += v;
                    m++;
                }
            }
            if (m == 0) {
                break;
            }
            mode = sum / m;
        }
        return mode;
    }

    /**
     * 1.4826 times the median distance from the mode of the values on one side of it ({@code below} or above):
     * for a normal peak this estimates sigma just like the two-sided MAD.
     */
    static double halfSpread(float[] values, int n, double mode, boolean below) {
        float[] dev = new float[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double d = below ? mode - values[i] : values[i] - mode;
            if (d >= 0) {
                dev[m++] = (float) d;
            }
        }
        return m == 0 ? 0 : 1.4826 * OrderStatistics.median(dev, m);
    }
}
