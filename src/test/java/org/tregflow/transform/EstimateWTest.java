package org.tregflow.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Logicle W from the negative spread of the data (Parks 2006). */
class EstimateWTest {
    @Test
    void wFollowsTheFifthPercentileOfNegatives() {
        // 1,000,000 events: 600,000 positive, 400,000 negatives spread uniformly on (-500, 0).
        // The 5th percentile of the negatives is -475 (nearest rank: 20,000th most negative of 400,000),
        // so W = (4.5 - log10(262144 / 475)) / 2.
        Random rng = new Random(7);
        int n = 1_000_000;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 5 < 3 ? (float) (rng.nextDouble() * 1e5) : (float) (-500 * (i + 0.5) / n);
        }
        // shuffle so that selection order does not matter
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        double expected = (4.5 - Math.log10(262144 / 475.0)) / 2;
        assertEquals(expected, Logicle.estimateW(v, n, 262144, 4.5), 2e-3);
    }

    @Test
    void exactRankOnASmallKnownSet() {
        // 40 negatives -1..-40: the 5th percentile by nearest rank is the 2nd most negative, -39.
        float[] v = new float[50];
        for (int i = 0; i < 40; i++) {
            v[i] = -(i + 1);
        }
        for (int i = 40; i < 50; i++) {
            v[i] = 1000 + i;
        }
        assertEquals((4.5 - Math.log10(262144 / 39.0)) / 2, Logicle.estimateW(v, 50, 262144, 4.5), 1e-12);
    }

    @Test
    void clippedToTheAllowedRange() {
        assertEquals(0.0, Logicle.estimateW(new float[] {1, 2, 3}, 3, 262144, 4.5), 0, "no negatives");
        assertEquals(0.0, Logicle.estimateW(new float[] {-0.01f, 5}, 2, 262144, 4.5), 0, "tiny spread");
        double w = Logicle.estimateW(new float[] {-1e9f, 5}, 2, 262144, 4.5);
        assertEquals(2.25, w, 1e-12);
        assertEquals(true, w < 2.25, "strictly below M/2");
    }
}
