package org.tregflow.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Transforming only some events gives those events the bulk method's values, bit for bit, and leaves the rest; in
 * place too (a column only its transform reads is transformed where it lies), with values off the fast table's top.
 */
class SparseApplyTest {
    @Test
    void setBitsGetTheBulkValuesOthersStay() {
        List<Transform> transforms = List.of(new FastLogicle(262144, 0.8, 4.5, 0), new Logicle(262144, 0.5, 4.5, 0),
                new Linear(262144, 0), new Arcsinh(262144, 4, 1), new Log(262144, 4.5), new Hyperlog(262144, 1, 4.5, 0),
                new Bounded(new FastLogicle(262144, 0.5, 4.5, 0), 0, 0.8));
        SplittableRandom rng = new SplittableRandom(7);
        int n = 1000;
        float[] src = new float[n];
        for (int i = 0; i < n; i++) {
            src[i] = (float) (rng.nextDouble() * 300_000 - 20_000);
        }
        // Far off scale, not numbers: the fast logicle's exact path, after its loop has left x in place.
        float[] special = {Float.NaN, 3e30f, -3e30f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2e9f, -0f};
        for (int i = 0; i < special.length; i++) {
            src[17 * i + 5] = special[i];
        }
        long[] events = new long[(n + 63) / 64];
        for (int i = 0; i < n; i++) {
            if (rng.nextInt(3) == 0) {
                events[i >> 6] |= 1L << i;
            }
        }
        for (Transform t : transforms) {
            float[] bulk = new float[n];
            t.apply(src, bulk, n);
            float[] sparse = new float[n];
            java.util.Arrays.fill(sparse, -7f);
            t.apply(src, sparse, events);
            for (int i = 0; i < n; i++) {
                boolean set = (events[i >> 6] & (1L << i)) != 0;
                assertEquals(set ? bulk[i] : -7f, sparse[i], t + " event " + i);
            }
            float[] inPlace = src.clone();
            t.apply(inPlace, inPlace, events);
            for (int i = 0; i < n; i++) {
                boolean set = (events[i >> 6] & (1L << i)) != 0;
                assertEquals(set ? bulk[i] : src[i], inPlace[i], t + " in place, event " + i);
            }
            if (t instanceof FastLogicle f) {
                for (int i = 0; i < n; i++) {
                    assertEquals((float) f.apply(src[i]), bulk[i], "bulk and scalar forms, x = " + src[i]);
                }
            }
        }
    }
}
