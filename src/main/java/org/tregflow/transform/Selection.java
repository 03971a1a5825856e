package org.tregflow.transform;

/** Order statistics without sorting: quickselect (Hoare partition, median-of-three pivot) on a float array. */
final class Selection {
    private Selection() {
    }

    /** The k-th smallest value (k from 0) of {@code a}; reorders {@code a}. */
    static float select(float[] a, int k) {
        if (k < 0 || k >= a.length) {
            throw new IllegalArgumentException("rank " + k + " outside 0.." + (a.length - 1));
        }
        int lo = 0;
        int hi = a.length - 1;
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
