package org.tregflow.gating.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderStatisticsTest {
    @Test
    void smallCasesByHand() {
        assertEquals(3.0, OrderStatistics.median(new float[] {5, 1, 3, 4, 2}, 5));
        assertEquals(2.5, OrderStatistics.median(new float[] {4, 1, 3, 2}, 4));
        // Type 7: h = (n-1) p = 1 -> the second smallest.
        assertEquals(2.0, OrderStatistics.quantile(new float[] {5, 4, 3, 2, 1}, 5, 0.25));
        // h = 4 * 0.9 = 3.6 -> 4 + 0.6 * (5 - 4)
        assertEquals(4.6, OrderStatistics.quantile(new float[] {1, 2, 3, 4, 5}, 5, 0.9), 1e-6);
        assertEquals(7.0, OrderStatistics.median(new float[] {7, 7, 7, 7}, 4));
        assertEquals(Double.NaN, OrderStatistics.median(new float[0], 0));
    }

    @Test
    void selectionAgreesWithSortingOnRandomData() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(5000);
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                // Many ties on purpose: quickselect partitions must cope with equal keys.
                a[i] = rng.nextInt(50);
            }
            float[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = rng.nextInt(n);
            assertEquals(sorted[k], OrderStatistics.select(a.clone(), n, k));
        }
    }

    @Test
    void populationMedianEqualsTheMedianOfTheSortedValues() {
        SplittableRandom rng = new SplittableRandom(17);
        for (int trial = 0; trial < 30; trial++) {
            int size = 1 + rng.nextInt(20_000);
            float[] col = new float[size];
            org.tregflow.gating.Population p = org.tregflow.gating.Population.none(size);
            java.util.List<Float> in = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                // Heavy tails, ties, NaN and infinities: the histogram must not lose the middle.
                double g = gauss(rng);
                col[i] = trial % 3 == 0 ? rng.nextInt(7) : (float) (g * g * g * 1000);
                if (rng.nextInt(50) == 0) {
                    col[i] = rng.nextBoolean() ? Float.NaN : Float.POSITIVE_INFINITY;
                }
                if (rng.nextInt(3) > 0) {
                    p.add(i);
                    if (Float.isFinite(col[i])) {
                        in.add(col[i]);
                    }
                }
            }
            java.util.Collections.sort(in);
            int n = in.size();
            double expected = n == 0 ? Double.NaN
                    : n % 2 == 1 ? in.get(n / 2) : ((double) in.get(n / 2 - 1) + in.get(n / 2)) / 2;
            assertEquals(expected, OrderStatistics.medians(new float[][] {col}, java.util.List.of(p))[0][0],
                    "trial " + trial);
        }
        assertEquals(Double.NaN, OrderStatistics.medians(new float[][] {new float[3]},
                java.util.List.of(org.tregflow.gating.Population.none(3)))[0][0]);
    }

    @Test
    void medianAndSpreadEstimateTheCentreAndSigmaOfNormalData() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 200_000;
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (10 + 2 * gauss(rng));
        }
        double[] centre = OrderStatistics.medianAndSpread(a, n);
        assertEquals(10.0, centre[0], 0.02);
        assertEquals(2.0, centre[1], 0.03);
        // Exactly the median of |x - median| of a small case: 1, 2, 3, 4, 100 -> median 3, deviations 2, 1, 0, 1, 97.
        double[] small = OrderStatistics.medianAndSpread(new float[] {4, 100, 1, 3, 2}, 5);
        assertEquals(3.0, small[0]);
        assertEquals(1.4826 * 1, small[1]);
    }

    static double gauss(SplittableRandom rng) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
