package org.tregflow.gating.auto;

import java.util.List;
import java.util.Locale;

/**
 * The cut between a negative and a positive population at the minimum of the kernel density between the two
 * highest well-separated peaks (the openCyto "mindensity" idea), computed on a 512-bin grid.
 *
 * <p>Peaks: local maxima of the smoothed density at least {@code minPeakHeight} of the highest; the second peak is
 * the highest one at least {@code minSeparation} away from the first whose valley is clearly below it (at most
 * 90% of the lower peak), so noise bumps on a shoulder are not taken for a population. The cut is the lowest point
 * between the two peaks, restricted to the optional search range.
 *
 * <p>Unimodal fallback (documented rule): when no second peak qualifies, or the search range leaves nothing
 * between the peaks, the single peak is taken to be the NEGATIVE population and the cut is a tail cut above it at
 * {@code mode + fallbackK * spread} (spread from the peak's lower half, see {@link TailCut}), whichever side is
 * kept: a positive gate then keeps only the bright tail, a negative gate keeps the peak. The result carries a
 * warning. (A single peak is far more often a missing positive population than a missing negative one.)
 */
public final class DensityValley {
    /** A valley deeper than this fraction of the lower peak separates two populations. */
    static final double MAX_VALLEY_RATIO = 0.9;

    /**
     * @param searchMin     lowest allowed cut, or null
     * @param searchMax     highest allowed cut, or null
     * @param minSeparation least distance between the two peaks, in the values' units
     * @param bandwidth     kernel sigma as a fraction of the range, or null for Silverman's rule
     * @param minPeakHeight least height of a peak relative to the highest
     * @param fallbackK     k of the tail cut used when the density is unimodal
     */
    public record Params(Side keep, Double searchMin, Double searchMax, double minSeparation, Double bandwidth,
                         double minPeakHeight, double fallbackK) {
        public Params {
            if (keep == null) {
                throw new IllegalArgumentException("density_valley needs keep: positive or negative");
            }
            if (!(minSeparation >= 0)) {
                throw new IllegalArgumentException("min_separation must be >= 0, got " + minSeparation);
            }
            if (!(minPeakHeight >= 0 && minPeakHeight < 1)) {
                throw new IllegalArgumentException("min_peak_height must be in [0, 1), got " + minPeakHeight);
            }
            if (searchMin != null && searchMax != null && !(searchMin < searchMax)) {
                throw new IllegalArgumentException("search range [" + searchMin + ", " + searchMax + "] is empty");
            }
            if (!(fallbackK >= 0)) {
                throw new IllegalArgumentException("fallback_k must be >= 0, got " + fallbackK);
            }
        }

        public static Params of(Side keep) {
            return new Params(keep, null, null, 0.1, null, 0.02, 3.0);
        }
    }

    private DensityValley() {
    }

    public static Threshold find(float[] values, int n, Params p) {
        if (n < 3) {
            throw new IllegalArgumentException("density_valley needs at least 3 events, got " + n);
        }
        KernelDensity kde = KernelDensity.estimate(values, n, KernelDensity.DEFAULT_BINS, p.bandwidth());
        List<Integer> peaks = kde.peaks(p.minPeakHeight());
        int first = peaks.get(0);
        Integer second = null;
        for (int i = 1; i < peaks.size() && second == null; i++) {
            int cand = peaks.get(i);
            if (Math.abs(kde.x(cand) - kde.x(first)) < p.minSeparation()) {
                continue;
            }
            int v = kde.valley(first, cand);
            if (kde.density(v) <= MAX_VALLEY_RATIO * Math.min(kde.density(first), kde.density(cand))) {
                second = cand;
            }
        }
        if (second != null) {
            int lo = Math.min(first, second);
            int hi = Math.max(first, second);
            if (p.searchMin() != null) {
                lo = Math.max(lo, kde.binOf(p.searchMin()));
            }
            if (p.searchMax() != null) {
                hi = Math.min(hi, kde.binOf(p.searchMax()));
            }
            if (lo <= hi) {
                int v = kde.valley(lo, hi);
                String detail = String.format(Locale.ROOT, "peaks=%.6g,%.6g valley=%.6g bandwidth=%.6g",
                        kde.x(Math.min(first, second)), kde.x(Math.max(first, second)), kde.x(v), kde.bandwidth());
                return new Threshold(kde.x(v), detail, null);
            }
        }
        Threshold tail = TailCut.fromPeak(values, n, kde,
                new TailCut.Params(Side.POSITIVE, TailCut.Reference.HIGHEST_PEAK, p.fallbackK()));
        double cut = tail.value();
        if (p.searchMin() != null) {
            cut = Math.max(cut, p.searchMin());
        }
        if (p.searchMax() != null) {
            cut = Math.min(cut, p.searchMax());
        }
        String why = second == null ? "one peak only" : "no valley inside the search range";
        return new Threshold(cut, "fallback tail_cut " + tail.detail(),
                "density_valley found " + why + String.format(Locale.ROOT, " (mode %.4g); used a tail cut at %.4g",
                        kde.x(first), cut));
    }
}
