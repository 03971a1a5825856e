package org.tregflow.gating.auto;

/**
 * Quantiles by selection (Hoare's quickselect, expected O(n)), never by a full sort: a million values cost a few
 * milliseconds. The methods reorder the array they are given; pass a copy when the order matters.
 */
public final class OrderStatistics {
    private OrderStatistics() {
    }

    /** The k-th smallest (0-based) of the first n values; reorders them. */
    public static float select(float[] a, int n, int k) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("rank " + k + " outside 0.." + (n - 1));
        }
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // Median of three as the pivot keeps sorted or constant input from going quadratic.
            float p = medianOf3(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < p) {
                    i++;
                }
                while (a[j] > p) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static float medianOf3(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * The p-quantile (0 <= p <= 1) of the first n values with linear interpolation between order statistics
     * (the "type 7" definition of R and numpy's default), NaN for n = 0; reorders the values.
     */
    public static double quantile(float[] a, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile " + p + " is not between 0 and 1");
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        double lower = select(a, n, lo);
        if (lo + 1 >= n || h == lo) {
            return lower;
        }
        // After selecting rank lo, every value above index lo is >= it: the next order statistic is their minimum.
        float upper = Float.POSITIVE_INFINITY;
        for (int i = lo + 1; i < n; i++) {
            if (a[i] < upper) {
                upper = a[i];
            }
        }
        return lower + (h - lo) * (upper - lower);
    }

    /** The median of the first n values (mean of the middle two for even n), NaN for n = 0; reorders them. */
    public static double median(float[] a, int n) {
        return quantile(a, n, 0.5);
    }

    /** Median absolute deviation from {@code centre}, times 1.4826 so that it estimates sigma for normal data. */
    public static double robustSpread(float[] values, int n, double centre) {
        float[] dev = new float[n];
        for (int i = 0; i < n; i++) {
            dev[i] = (float) Math.abs(values[i] - centre);
        }
        return 1.4826 * median(dev, n);
    }
}
