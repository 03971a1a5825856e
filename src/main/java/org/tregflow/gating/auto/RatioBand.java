package org.tregflow.gating.auto;

import java.util.Locale;

/**
 * The singlet band on area vs height: the ratio area/height of single cells is nearly constant, doublets have
 * about twice the area for the same height. The band is the median ratio ± k robust spreads (MAD * 1.4826),
 * measured on events with a positive height.
 *
 * @param medianRatio the median of area/height
 * @param spread      the robust spread of the ratio
 * @param lowRatio    the band's lower ratio (never below 0)
 * @param highRatio   the band's upper ratio
 */
public record RatioBand(double medianRatio, double spread, double lowRatio, double highRatio) {

    public static RatioBand fit(float[] area, float[] height, int n, double k) {
        float[] ratio = new float[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (height[i] > 0 && area[i] > 0) {
                ratio[m++] = area[i] / height[i];
            }
        }
        return ofRatios(ratio, m, k);
    }

    /**
     * The band from the first {@code m} area/height ratios, which it reorders and overwrites: the median and the
     * median absolute deviation are exact order statistics, so no copy is needed.
     */
    public static RatioBand ofRatios(float[] ratio, int m, double k) {
        if (!(k > 0)) {
            throw new IllegalArgumentException("ratio_band k must be > 0, got " + k);
        }
        if (m < 3) {
            throw new IllegalArgumentException("ratio_band needs at least 3 events with positive area and height, got " + m);
        }
        double median = OrderStatistics.median(ratio, m);
        for (int i = 0; i < m; i++) {
            ratio[i] = (float) Math.abs(ratio[i] - median);
        }
        double spread = 1.4826 * OrderStatistics.median(ratio, m);
        return new RatioBand(median, spread, Math.max(0, median - k * spread), median + k * spread);
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
