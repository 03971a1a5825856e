package org.tregflow.gating.auto;

import java.util.Locale;
import org.tregflow.gating.Population;

/**
 * The singlet band on area vs height: the ratio area/height of single cells is nearly constant, doublets have
 * about twice the area for the same height. The band is the median ratio ± k robust spreads (MAD * 1.4826),
 * measured on events with a positive height.
 *
 * @param medianRatio the median of area/height
 * @param spread      the robust spread of the ratio
 * @param lowRatio    the band's lower ratio (never below 0)
 * @param highRatio   the band's upper ratio
 * @param maxArea     the largest area among the measured events: how far out the band has events to hold
 */
public record RatioBand(double medianRatio, double spread, double lowRatio, double highRatio, double maxArea) {

    /**
     * The band of the events of {@code within} that have a finite, positive area and height, in one pass over the
     * population (no copies of the columns); the median and the median absolute deviation are exact order
     * statistics.
     */
    public static RatioBand fit(float[] area, float[] height, Population within, double k) {
        return fit(area, height, within, k, new float[(int) within.count()]);
    }

    /**
     * As {@link #fit(float[], float[], Population, double)}, the ratios in {@code ratio} (at least as long as the
     * population's count, its contents overwritten: a batch lends one array for all of a file's gates).
     */
    public static RatioBand fit(float[] area, float[] height, Population within, double k, float[] ratio) {
        if (!(k > 0)) {
            throw new IllegalArgumentException("ratio_band k must be > 0, got " + k);
        }
        int m = 0;
        float maxArea = 0;
        long[] words = within.words();
        for (int w = 0; w < words.length; w++) {
            for (long bits = words[w]; bits != 0; bits &= bits - 1) {
                int e = (w << 6) + Long.numberOfTrailingZeros(bits);
                float a = area[e];
                float h = height[e];
                // Infinities fail the finite test, NaN the comparisons.
                if (h > 0 && a > 0 && Float.isFinite(a) && Float.isFinite(h)) {
                    ratio[m++] = a / h;
                    maxArea = Math.max(maxArea, a);
                }
            }
        }
        if (m < 3) {
            throw new IllegalArgumentException("ratio_band needs at least 3 events with positive area and height, got " + m);
        }
        double[] centre = OrderStatistics.medianAndSpread(ratio, m);
        double median = centre[0];
        double spread = centre[1];
        return new RatioBand(median, spread, Math.max(0, median - k * spread), median + k * spread, maxArea);
    }

    /** True when area/height lies in the band (the edges included). */
    public boolean contains(double area, double height) {
        if (!(height > 0)) {
            return false;
        }
        double r = area / height;
        return r >= lowRatio && r <= highRatio;
    }

    public String describe() {
        return String.format(Locale.ROOT, "ratio median=%.6g spread=%.6g band=[%.6g, %.6g]",
                medianRatio, spread, lowRatio, highRatio);
    }
}
