package org.tregflow.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast table form holds its stated 1e-6 bound against the exact logicle on dense sweeps. */
class FastLogicleTest {
    private static final double BOUND = FastLogicle.ACCURACY;

    @ParameterizedTest(name = "T={0} W={1} M={2} A={3}")
    @CsvSource({"262144, 0.5, 4.5, 0", "1000, 1, 4, 0", "262144, 0.5, 4.5, 1", "262144, 0, 4.5, 0",
        "10000, 2, 4, 0", "262144, 1.5, 4.5, 0.5", "1000, 0.2, 2, 0", "1000, 0.3, 1, 0", "1000, 0.5, 3, -0.25"})
    void withinBoundOverTheWholeRange(double t, double w, double m, double a) {
        Logicle exact = new Logicle(t, w, m, a);
        FastLogicle fast = new FastLogicle(t, w, m, a);
        float[] xs = sweep(t, Math.abs(exact.inverse(0)));
        float[] ys = new float[xs.length];
        fast.apply(xs, ys, xs.length);
        double worstScalar = 0;
        double worstBulk = 0;
        for (int i = 0; i < xs.length; i++) {
            double expected = exact.apply(xs[i]);
            worstScalar = Math.max(worstScalar, Math.abs(fast.apply(xs[i]) - expected));
            worstBulk = Math.max(worstBulk, Math.abs(ys[i] - expected));
        }
        assertTrue(worstScalar < BOUND, "scalar worst error " + worstScalar);
        assertTrue(worstBulk < BOUND, "bulk worst error " + worstBulk);
        // the sweep really reached the bottom of the scale and beyond the top
        assertTrue(exact.apply(xs[0]) < 0 && exact.apply(xs[xs.length - 1]) > 1.5);
    }

    @ParameterizedTest
    @CsvSource({"262144, 0.5, 4.5, 0", "1000, 1, 4, 1"})
    void specialValues(double t, double w, double m, double a) {
        FastLogicle fast = new FastLogicle(t, w, m, a);
        Logicle exact = fast.exact();
        assertEquals(exact.apply(0), fast.apply(0), 0);
        assertEquals(exact.apply(0), fast.apply(-0.0), 0);
        assertTrue(Double.isNaN(fast.apply(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, fast.apply(Double.POSITIVE_INFINITY));
        assertEquals(exact.apply(1e12), fast.apply(1e12), 1e-15, "off the table top: exact form");
        float[] v = {Float.NaN, 0f, Float.NEGATIVE_INFINITY, 3e30f};
        fast.apply(v, v, v.length);
        assertTrue(Float.isNaN(v[0]));
        assertEquals((float) exact.apply(0), v[1]);
        assertEquals(Float.NEGATIVE_INFINITY, v[2]);
        assertEquals((float) exact.apply(3e30), v[3]);
        assertEquals(0.7, fast.apply(fast.inverse(0.7)), 1e-6);
        assertSame(FastLogicle.of(t, w, m, a), FastLogicle.of(t, w, m, a), "shared per parameter set");
        assertEquals(fast.apply(123.4), FastLogicle.of(t, w, m, a).apply(123.4), 0);
    }

    @ParameterizedTest(name = "T={0} W={1} M={2} A={3}")
    @CsvSource({"262144, 0.5, 4.5, 0", "1000, 0.3, 1, 0", "262144, 1.5, 4.5, 0.5"})
    void aNegativeValueIsTheMirrorImageOfItsMagnitudeBitForBit(double t, double w, double m, double a) {
        // The table keeps each bin's intercept with both signs so that a value needs no |x| or copySign: it must
        // give exactly y(0) + copySign(height(|x|), x), bit for bit, on both sides of 0.
        FastLogicle fast = new FastLogicle(t, w, m, a);
        double zero = fast.exact().zero();
        float[] xs = sweep(t, Math.abs(fast.exact().inverse(0)));
        float[] ys = new float[xs.length];
        fast.apply(xs, ys, xs.length);
        long[] all = new long[(xs.length + 63) / 64];
        java.util.Arrays.fill(all, -1L);
        all[all.length - 1] = -1L >>> (64 * all.length - xs.length);
        float[] sparse = new float[xs.length];
        fast.apply(xs, sparse, all);
        int negatives = 0;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            double expected = zero + Math.copySign(fast.height(Math.abs(x)), x);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(fast.apply(x)), "x = " + x);
            assertEquals(Float.floatToRawIntBits((float) expected), Float.floatToRawIntBits(ys[i]), "x = " + x);
            assertEquals(Float.floatToRawIntBits(ys[i]), Float.floatToRawIntBits(sparse[i]), "x = " + x);
            negatives += x < 0 ? 1 : 0;
        }
        assertTrue(negatives > xs.length / 3, "the sweep covers negative values: " + negatives);
    }

    @ParameterizedTest
    @CsvSource({"262144, 0.5, 4.5, 0", "1000, 0.3, 1, 0"})
    void theBinsAboveFourTAreTheSameWhicheverValueBuildsThem(double t, double w, double m, double a)
            throws Exception {
        // The table's top octaves are built when a value there first comes: the values must not depend on when.
        // The table is over |x|: the sweep's positive half (sorted), from the bottom up and from the top down.
        float[] all = sweep(t, Math.abs(new Logicle(t, w, m, a).inverse(0)));
        int firstPositive = 0;
        while (all[firstPositive] <= 0) {
            firstPositive++;
        }
        float[] xs = java.util.Arrays.copyOfRange(all, firstPositive, all.length);
        assertTrue(xs[0] < t / 1000 && xs[xs.length - 1] > 4096 * t, "the sweep starts low and ends off the table");
        float[] highFirst = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            highFirst[i] = xs[xs.length - 1 - i];
        }
        float[] lowFirst = new float[xs.length];
        new FastLogicle(t, w, m, a).apply(xs, lowFirst, xs.length);
        float[] fromTop = new float[xs.length];
        new FastLogicle(t, w, m, a).apply(highFirst, fromTop, xs.length);
        for (int i = 0; i < xs.length; i++) {
            assertEquals(Float.floatToRawIntBits(lowFirst[i]), Float.floatToRawIntBits(fromTop[xs.length - 1 - i]),
                    "x = " + xs[i]);
        }
        // A table shared by a batch's threads: several reaching the top octaves at once get the same values.
        FastLogicle shared = new FastLogicle(t, w, m, a);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<float[]>> runs = new java.util.ArrayList<>();
            for (int k = 0; k < 4; k++) {
                runs.add(pool.submit(() -> {
                    float[] out = new float[highFirst.length];
                    shared.apply(highFirst, out, highFirst.length);
                    return out;
                }));
            }
            for (java.util.concurrent.Future<float[]> run : runs) {
                assertTrue(java.util.Arrays.equals(fromTop, run.get()));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Log-spaced over both signs from 1e-4 to beyond 4096 T, linear near 0, dense around the bottom of scale. */
    private static float[] sweep(double t, double bottom) {
        int logPoints = 1_000_000;
        int linearPoints = 400_000;
        int bottomPoints = 100_000;
        float[] xs = new float[2 * logPoints + linearPoints + bottomPoints];
        int k = 0;
        double lo = Math.log(1e-4);
        double hi = Math.log(t * 4096 * 8);
        for (int i = 0; i < logPoints; i++) {
            double v = Math.exp(lo + (hi - lo) * i / (logPoints - 1));
            xs[k++] = (float) v;
            xs[k++] = (float) -v;
        }
        double span = t / 1000;
        for (int i = 0; i < linearPoints; i++) {
            xs[k++] = (float) (-span + 2 * span * i / (linearPoints - 1));
        }
        for (int i = 0; i < bottomPoints; i++) {
            xs[k++] = (float) -(bottom * (0.9 + 0.2 * i / (bottomPoints - 1)));
        }
        java.util.Arrays.sort(xs);
        return xs;
    }
}
