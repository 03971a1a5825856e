package org.tregflow.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Gating-ML transforms against published / hand-computed values. */
class PublishedValuesTest {
    private static final double[] X = {-10, -5, -1, 0, 0.3, 1, 3, 10, 100, 1000};

    @Test
    void logicleMatchesThePublishedTable() {
        double[] expected = {0.067574, 0.147986, 0.228752, 0.25, 0.256384, 0.271248, 0.312897, 0.432426, 0.739548, 1.0};
        Logicle logicle = new Logicle(1000, 1, 4, 0);
        for (int i = 0; i < X.length; i++) {
            assertEquals(expected[i], logicle.apply(X[i]), 5e-7, "logicle(" + X[i] + ")");
        }
    }

    @Test
    void arcsinhMatchesThePublishedTable() {
        double[] expected = {-0.200009, -0.139829, -0.000856, 0.2, 0.303776, 0.400856, 0.495521, 0.600009, 0.8, 1.0};
        Arcsinh asinh = new Arcsinh(1000, 4, 1);
        for (int i = 0; i < X.length; i++) {
            assertEquals(expected[i], asinh.apply(X[i]), 5e-7, "asinh(" + X[i] + ")");
        }
    }

    @Test
    void linearAndLogByHand() {
        Linear lin = new Linear(1000, 100);
        assertEquals(0.0, lin.apply(-100), 0);
        assertEquals(1.0, lin.apply(1000), 1e-15);
        assertEquals(600.0 / 1100, lin.apply(500), 1e-15);
        Log log = new Log(10000, 5);
        assertEquals(1.0, log.apply(10000), 1e-15);
        assertEquals(0.0, log.apply(0.1), 1e-15);
        assertEquals(0.6, log.apply(100), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, log.apply(0));
        assertTrue(Double.isNaN(log.apply(-1)));
    }

    @Test
    void logicleEndpointsFollowFromTheParameters() {
        Logicle l = new Logicle(262144, 0.5, 4.5, 1);
        assertEquals(1.0, l.apply(262144), 1e-14);
        assertEquals(1.5 / 5.5, l.apply(0), 0);
        assertEquals(0.0, l.apply(l.inverse(0)), 1e-14);
        assertTrue(l.inverse(0) < 0, "bottom of scale is negative");
        // W = 0 degenerates to a pure (scaled) arcsinh-like biexponential; still odd about y(0) = A/(M+A)
        Logicle w0 = new Logicle(10000, 0, 4, 0);
        assertEquals(0.0, w0.apply(0), 0);
        assertEquals(-w0.apply(37.5), w0.apply(-37.5), 1e-15);
    }

    @Test
    void logicleWithWZeroAndAZeroIsAScaledArcsinh() {
        // With W = 0 the biexponential is 2 a e^(b x1) sinh(b y) with x1 = 0: y = asinh(x / (2a)) / b, where
        // a is fixed by y(T) = 1; so logicle(x) = asinh(x/(2a)) / asinh(T/(2a)), independent of our internals.
        Logicle l = new Logicle(10000, 0, 4, 0);
        double b = 4 * Math.log(10);
        double twoA = 10000 / Math.sinh(b);
        for (double x : new double[] {-500, -3, 0.5, 7, 123, 9999}) {
            double expected = Arcsinh.asinh(x / twoA) / b;
            assertEquals(expected, l.apply(x), 1e-14, "x=" + x);
        }
    }

    @Test
    void inversesRoundTrip() {
        Transform[] transforms = {new Linear(1000, 10), new Log(262144, 4.5), new Arcsinh(262144, 4.5, 0.5),
            new Logicle(262144, 0.5, 4.5, 0), new Logicle(1000, 1, 4, 0.5), new Logicle(262144, 0, 4.5, 0),
            new Hyperlog(262144, 0.5, 4.5, 0), new Hyperlog(1000, 1, 4, 1)};
        double[] xs = {-2000, -50, -1, -1e-3, 1e-6, 0.7, 5, 88, 1234, 262144, 1e6};
        for (Transform t : transforms) {
            for (double x : xs) {
                if (t instanceof Log && x <= 0) {
                    continue;
                }
                double y = t.apply(x);
                assertEquals(x, t.inverse(y), 1e-9 * Math.max(1, Math.abs(x)), t + " at " + x);
            }
        }
    }

    @Test
    void logicleIsAccurateToFullPrecisionOnTheZeroToOneScale() {
        Logicle l = new Logicle(262144, 0.5, 4.5, 0);
        for (double y = -0.1; y <= 1.2; y += 0.0007) {
            assertEquals(y, l.apply(l.inverse(y)), 2e-15, "y=" + y);
        }
    }

    @Test
    void badParametersNameTheParameter() {
        assertMessage(() -> new Logicle(0, 0.5, 4.5, 0), "parameter T");
        assertMessage(() -> new Logicle(262144, 3, 4.5, 0), "parameter W");
        assertMessage(() -> new Logicle(262144, 0.5, 4.5, 4), "parameter A");
        assertMessage(() -> new Logicle(262144, 0.5, -1, 0), "parameter M");
        assertMessage(() -> new Arcsinh(262144, 4.5, 5), "parameter A");
        assertMessage(() -> new Hyperlog(262144, 0, 4.5, 0), "parameter W");
        assertMessage(() -> new Linear(-1, 0), "parameter T");
        assertMessage(() -> new Log(1000, 0), "parameter M");
        assertMessage(() -> new Bounded(new Linear(1, 0), 1, 0), "boundMin");
    }

    private static void assertMessage(Runnable r, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void boundedClampsButKeepsNaN() {
        Bounded b = new Bounded(new Linear(100, 0), 0.1, 0.9);
        assertEquals(0.1, b.apply(-5), 0);
        assertEquals(0.9, b.apply(500), 0);
        assertEquals(0.5, b.apply(50), 1e-15);
        assertTrue(Double.isNaN(new Bounded(new Log(100, 2), 0, 1).apply(-1)));
        float[] v = {-5f, 50f, 500f};
        b.apply(v, v, 3);
        assertEquals(0.1f, v[0]);
        assertEquals(0.5f, v[1], 1e-7f);
        assertEquals(0.9f, v[2]);
    }
}
