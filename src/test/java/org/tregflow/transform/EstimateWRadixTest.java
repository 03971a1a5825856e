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
}
