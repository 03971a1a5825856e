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

    /** Compensated-like values: noise around 0 (sd 300), every {@code brightEvery}-th event {@code bright} above it. */
    private static float[] compensatedLike(int n, int brightEvery, double bright) {
        SplittableRandom rng = new SplittableRandom(brightEvery);
        float[] scale = new float[n];
        for (int i = 0; i < n; i++) {
            scale[i] = (float) (rng.nextGaussian() * 300 + (i % brightEvery == 0 ? bright : 0));
        }
        return scale;
    }

    @Test
    void coversOnlyTheEventsAskedForWithinTheStatedError() {
        int n = 5000;
        float[] scale = compensatedLike(n, 3, 40_000);
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

    /**
     * A column of the marker's own is transformed in place: covered events get the same values a separate column
     * gets, each transformed once however often it is covered, and the others keep their scale values.
     */
    @Test
    void ownColumnIsTransformedInPlaceOnceAsASeparateColumnWouldBe() {
        int n = 3000;
        float[] scale = compensatedLike(n, 4, 20_000);
        float[] own = scale.clone();
        FastLogicle t = new FastLogicle(262144, 0.6, 4.5, 0);
        MarkerSource separate = new MarkerSource(n, ColumnAllocator.NEW);
        separate.put("CD3", scale, t, true, i -> t.exact().apply(scale[i]));
        MarkerSource inPlace = new MarkerSource(n, ColumnAllocator.NEW);
        inPlace.putOwnColumn("CD3", own, t, i -> t.exact().apply(scale[i]));
        Population firstHalf = Population.none(n);
        Population thirds = Population.none(n);
        for (int i = 0; i < n; i++) {
            if (i < n / 2) {
                firstHalf.add(i);
            }
            if (i % 3 == 0) {
                thirds.add(i);
            }
        }
        Dimension cd3 = Dimension.of("CD3");
        for (Population p : new Population[] {firstHalf, thirds, firstHalf}) {
            separate.cover("CD3", p);
            inPlace.cover("CD3", p);
        }
        assertTrue(inPlace.values(cd3) == own, "no second column");
        assertEquals(separate.error(cd3), inPlace.error(cd3));
        for (int i = 0; i < n; i++) {
            boolean covered = i < n / 2 || i % 3 == 0;
            assertEquals(covered ? separate.values(cd3)[i] : scale[i], own[i], "event " + i);
        }
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
