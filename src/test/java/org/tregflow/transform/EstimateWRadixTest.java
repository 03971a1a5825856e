package org.tregflow.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The radix route to the W estimate's reference value must give exactly the plain selection's value. */
class EstimateWRadixTest {
    /** Nearest-rank 5th percentile of the negatives from a full sort: the independent reference. */
    private static double sortedReference(float[] values) {
        float[] neg = new float[values.length];
        int m = 0;
        for (float v : values) {
            if (v < 0) {
                neg[m++] = v;
            }
        }
        if (m == 0) {
            return Double.NaN;
        }
        float[] s = Arrays.copyOf(neg, m);
        Arrays.sort(s);
        return s[Math.max(0, (int) Math.ceil(0.05 * m) - 1)];
    }

    @Test
    void radixEqualsSortAndSelectionOnCompensatedLikeColumns() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int trial = 0; trial < 12; trial++) {
            int n = 1 + rng.nextInt(300_000);
            float[] col = new float[n];
            double negShare = trial % 3 == 0 ? 0.001 : 0.3;
            for (int i = 0; i < n; i++) {
                col[i] = rng.nextDouble() < negShare ? (float) (-Math.abs(rng.nextGaussian()) * 200)
                        : (float) Math.exp(4 + 2 * rng.nextGaussian());
            }
            if (trial == 5) {
                Arrays.fill(col, 0, n / 2, -3f); // ties across the rank
            }
            if (trial == 7) {
                col[0] = Float.NEGATIVE_INFINITY;
            }
            double expected = sortedReference(col);
            assertEquals(expected, Logicle.fifthPercentileOfNegatives(col, n), "trial " + trial);
            assertEquals(expected, Logicle.fifthPercentileOfNegativesBySelection(col.clone(), n), "trial " + trial);
        }
    }

    @Test
    void negativeZeroNaNAndNoNegativesAreHandledLikeThePlainRoute() {
        float[] col = {5, -0f, Float.NaN, -2, -7, 3, Float.intBitsToFloat(0xFFC00001)};
        assertEquals(-7.0, Logicle.fifthPercentileOfNegatives(col, col.length));
        float[] positive = {1, 2, 3, 0};
        assertEquals(Double.NaN, Logicle.fifthPercentileOfNegatives(positive, positive.length));
        assertEquals(0.0, Logicle.estimateW(positive, positive.length, 262144, 4.5));
    }

    @Test
    void branchFreeSignTestAgreesWithLessThanZero() {
        float[] special = {0f, -0f, Float.NaN, Float.intBitsToFloat(0xFFC00001), Float.intBitsToFloat(0xFF800001),
                Float.intBitsToFloat(0xFFFFFFFF), Float.intBitsToFloat(0x7FFFFFFF), Float.NEGATIVE_INFINITY,
                Float.POSITIVE_INFINITY, -Float.MIN_VALUE, Float.MIN_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, -1f, 1f};
        for (float v : special) {
            assertEquals(v < 0 ? 1 : 0, Logicle.isNegative(v), Float.toString(v) + " bits " + Integer.toHexString(Float.floatToRawIntBits(v)));
        }
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1_000_000; i++) {
            float v = Float.intBitsToFloat(rng.nextInt());
            assertEquals(v < 0 ? 1 : 0, Logicle.isNegative(v), Integer.toHexString(Float.floatToRawIntBits(v)));
        }
    }

    @Test
    void pivotRouteIsExactOnSortedTiedAndRareNegativeColumns() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int trial = 0; trial < 9; trial++) {
            int n = trial == 5 ? 40_000 : 50_000 + rng.nextInt(400_000);
            // The pivot's sample reads every (n / 4096)-th value: cases 3 to 5 plant values exactly there.
            int stride = Math.max(1, n / 4096);
            float[] col = new float[n];
            for (int i = 0; i < n; i++) {
                col[i] = (float) (rng.nextGaussian() * 100 + (trial % 2 == 0 ? 0 : 150));
            }
            switch (trial) {
                case 0 -> Arrays.sort(col);                                   // systematic sample of sorted data
                case 1 -> { Arrays.sort(col); reverse(col); }
                case 2 -> Arrays.fill(col, 0, n / 3, -5f);                    // a tie spanning the rank
                case 3 -> { for (int i = 0; i < n; i += stride) { col[i] = 1; } } // the sample sees no negatives
                // The sample sees only very low values: the pivot is too low (fallback), or just low enough.
                case 4, 5 -> { for (int i = 0; i < n; i++) { col[i] = i % stride == 0 ? -1e6f : -(float) rng.nextDouble(); } }
                default -> { }
            }
            double expected = sortedReference(col);
            assertEquals(expected, Logicle.fifthPercentileOfNegatives(col, n), "trial " + trial);
        }
    }

    private static void reverse(float[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            float t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
