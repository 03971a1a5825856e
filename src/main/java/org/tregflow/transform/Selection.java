package org.tregflow.transform;

/**
 * Order statistics without sorting: quickselect (Hoare partition, median-of-three pivot, expected O(n)) on a float
 * array. The one selection routine of the project: transforms (logicle W) and data-driven gates (quantiles) use it.
 */
public final class Selection {
    private Selection() {
    }

    /** The k-th smallest value (k from 0) of {@code a}; reorders {@code a}. */
    static float select(float[] a, int k) {
        return select(a, a.length, k);
    }

    /** The k-th smallest (k from 0) of the first {@code n} values of {@code a}; reorders them. */
    public static float select(float[] a, int n, int k) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("rank " + k + " outside 0.." + (n - 1));
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            float pivot = median(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
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
            // Now a[lo..j] <= pivot <= a[i..hi]; anything between j and i equals the pivot.
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

    private static float median(float x, float y, float z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
