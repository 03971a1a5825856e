package org.tregflow.gating.auto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tregflow.gating.Population;

class RatioBandAndSubsampleTest {
    @Test
    void bandIsTheMedianRatioPlusMinusKScaledMedianAbsoluteDeviationsOfTheUsableEvents() {
        // Ratios 4, 1, 100, 3, 2 (median 3; deviations 2, 1, 97, 0, 1, median 1; sigma estimate 1.4826). The other
        // events are left out: outside the population, zero or negative height or area, NaN or infinite.
        float[] area = {8, 1, 100, 9, 2, 500, 0, 7, Float.NaN, Float.POSITIVE_INFINITY, 3};
        float[] height = {2, 1, 1, 3, 1, 0, 1, -1, 1, 1, Float.POSITIVE_INFINITY};
        Population within = Population.none(area.length + 1);
        for (int e = 0; e < area.length; e++) {
            within.add(e);
        }
        RatioBand band = RatioBand.fit(area, height, within, 2);
        assertEquals(3, band.medianRatio(), 0);
        assertEquals(1.4826, band.spread(), 1e-12);
        assertEquals(3 - 2 * 1.4826, band.lowRatio(), 1e-12);
        assertEquals(3 + 2 * 1.4826, band.highRatio(), 1e-12);
        assertEquals(100, band.maxArea(), 0, "the largest area of a measured event, not of a left-out one");
        assertEquals(8, area[0], "the columns are read, not changed");
    }

    @Test
    void bandKeepsSingletsAndDropsDoublets() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 50_000;
        float[] area = new float[n];
        float[] height = new float[n];
        boolean[] doublet = new boolean[n];
        for (int i = 0; i < n; i++) {
            double h = 30_000 + 20_000 * rng.nextDouble();
            doublet[i] = rng.nextDouble() < 0.08;
            double ratio = doublet[i] ? 1.9 + 0.1 * OrderStatisticsTest.gauss(rng) : 1.05 + 0.02 * OrderStatisticsTest.gauss(rng);
            height[i] = (float) h;
            area[i] = (float) (h * ratio);
        }
        RatioBand band = RatioBand.fit(area, height, Population.all(n), 4);
        assertEquals(1.05, band.medianRatio(), 0.005);
        // The doublets widen the MAD a little, never to the doublets' ratio.
        assertTrue(band.spread() > 0.018 && band.spread() < 0.03, band.describe());
        int singletsIn = 0;
        int doubletsIn = 0;
        int singlets = 0;
        for (int i = 0; i < n; i++) {
            boolean in = band.contains(area[i], height[i]);
            if (doublet[i]) {
                doubletsIn += in ? 1 : 0;
            } else {
                singlets++;
                singletsIn += in ? 1 : 0;
            }
        }
        assertEquals(0, doubletsIn);
        assertTrue(singletsIn > 0.999 * singlets);
    }

    @Test
    void subsampleIsBoundedSortedInsideAndReproducible() {
        Population p = Population.none(100_000);
        for (int i = 0; i < 100_000; i += 3) {
            p.add(i);
        }
        int[] a = Subsample.of(p, 1000, 1);
        assertEquals(1000, a.length);
        for (int i = 0; i < a.length; i++) {
            assertTrue(p.contains(a[i]));
            if (i > 0) {
                assertTrue(a[i] > a[i - 1]);
            }
        }
        assertArrayEquals(a, Subsample.of(p, 1000, 1));
        // Spread over the whole population, not the first events only.
        assertTrue(a[a.length - 1] > 90_000);
        assertEquals(p.count(), Subsample.of(p, 1_000_000, 1).length);
    }
}
