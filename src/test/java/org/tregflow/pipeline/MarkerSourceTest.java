package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tregflow.fcs.ColumnAllocator;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.Population;
import org.tregflow.transform.FastLogicle;
import org.tregflow.transform.Log;
import org.tregflow.transform.Transform;

/** Values come per covered event; the stated error bounds every covered value's distance from its exact form. */
class MarkerSourceTest {
    private static final Dimension CD25 = Dimension.of("CD25");

    @Test
    void coversOnlyTheEventsAskedForWithinTheStatedError() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 5000;
        float[] scale = new float[n];
        for (int i = 0; i < n; i++) {
            scale[i] = (float) (rng.nextGaussian() * 300 + (i % 3 == 0 ? 40_000 : 0));
        }
        FastLogicle t = new FastLogicle(262144, 0.6, 4.5, 0);
        MarkerSource source = new MarkerSource(n, ColumnAllocator.NEW);
        source.put("CD25", scale, t, true, i -> t.exact().apply(scale[i]));
        Population odd = Population.none(n);
        for (int i = 1; i < n; i += 2) {
            odd.add(i);
        }
        source.cover("cd25", odd);
        float[] v = source.values(CD25);
        double error = source.error(CD25);
        assertTrue(error > FastLogicle.ACCURACY && error < 4e-6, "error " + error);
        for (int i = 0; i < n; i++) {
            if (i % 2 == 1) {
                assertTrue(Math.abs(v[i] - source.exactValue(CD25, i)) <= error, "event " + i);
            } else {
                assertEquals(0f, v[i], "event " + i + " was not asked for");
            }
        }
        source.cover("CD25", Population.all(n));
        assertTrue(Math.abs(source.values(CD25)[0] - source.exactValue(CD25, 0)) <= error);
    }

    /** Log has no finite image of 0: the bound then comes from the transformed values themselves. */
    @Test
    void logOfTinyValuesStillHasAFiniteBound() {
        float[] scale = {0f, 1e-30f, 5f, 1000f, 200_000f, -3f};
        Transform log = new Log(262144, 4.5);
        MarkerSource source = new MarkerSource(scale.length, ColumnAllocator.NEW);
        source.put("CD25", scale, log, true, i -> log.apply(scale[i]));
        double error = source.error(CD25);
        double largest = Math.abs(log.apply(1e-30f));
        assertTrue(Double.isFinite(error) && error >= 0x1p-22 * largest, "error " + error + ", largest " + largest);
        source.cover("CD25", Population.all(scale.length));
        float[] v = source.values(CD25);
        for (int i = 1; i < 5; i++) {
            assertTrue(Math.abs(v[i] - log.apply(scale[i])) <= error, "event " + i);
        }
    }
}
