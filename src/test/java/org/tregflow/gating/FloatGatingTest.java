package org.tregflow.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float fast path (sources whose double values are widened floats) must give exactly the membership of the
 * double path, including events lying on a bound or one float step either side of it.
 */
class FloatGatingTest {
    /** A source of float columns; {@code exact} says whether gates may take the float path. */
    private record Columns(Map<String, float[]> cols, int n, boolean exact) implements EventSource {
        @Override
        public int eventCount() {
            return n;
        }

        @Override
        public float[] values(Dimension d) {
            return cols.get(d.name());
        }

        @Override
        public boolean floatExact(Dimension d) {
            return exact;
        }
    }

    private static final double[] BOUNDS = {0.3, 0.5, 0.1 + 1e-12, 0.7 - 1e-17, 0.25, 0.0};

    private static float[] column(SplittableRandom rng, int n) {
        float[] c = new float[n];
        for (int i = 0; i < n; i++) {
            double bound = BOUNDS[rng.nextInt(BOUNDS.length)];
            c[i] = switch (rng.nextInt(6)) {
                // On a bound (rounded to float either way) and its float neighbours: where float and double part.
                case 0 -> (float) bound;
                case 1 -> Math.nextUp((float) bound);
                case 2 -> Math.nextDown((float) bound);
                case 3 -> i % 97 == 0 ? Float.NaN : i % 89 == 0 ? Float.POSITIVE_INFINITY
                        : i % 7 == 0 ? -0f : i % 5 == 0 ? Float.intBitsToFloat(0xFFC00001) : Float.NEGATIVE_INFINITY;
                default -> (float) rng.nextDouble();
            };
        }
        return c;
    }

    @Test
    void floatBoundSplitsFloatsExactlyAsTheDoubleBoundDoes() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int t = 0; t < 100_000; t++) {
            double bound = t % 3 == 0 ? (float) rng.nextGaussian() : rng.nextGaussian() * Math.pow(10, rng.nextInt(20) - 10);
            float f = RectangleGate.floatBound(bound);
            for (float x : new float[] {Math.nextDown(f), f, Math.nextUp(f), (float) bound}) {
                assertEquals((double) x >= bound, x >= f, "bound " + bound + " x " + x);
                assertEquals((double) x < bound, x < f, "bound " + bound + " x " + x);
            }
        }
        assertEquals(Float.NEGATIVE_INFINITY, RectangleGate.floatBound(Double.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, RectangleGate.floatBound(Double.POSITIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, RectangleGate.floatBound(1e300));
    }

    @Test
    void everyGeometricGateGivesTheSameMembershipInFloatAndDouble() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 100_003;
        Map<String, float[]> cols = Map.of("x", column(rng, n), "y", column(rng, n));
        EventSource fast = new Columns(cols, n, true);
        EventSource slow = new Columns(cols, n, false);
        Dimension x = Dimension.of("x");
        Dimension y = Dimension.of("y");
        Population dense = Population.all(n);
        Population sparse = Population.none(n);
        for (int i = 0; i < n; i += 1 + rng.nextInt(200)) {
            sparse.add(i);
        }
        Population mixed = Population.none(n);
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < 0.4) {
                mixed.add(i);
            }
        }
        List<GeometricGate> gates = List.of(
                RectangleGate.range("r1", null, x, 0.3, 0.5),
                RectangleGate.range("r1open", null, x, 0.1 + 1e-12, Double.POSITIVE_INFINITY),
                RectangleGate.range("r1below", null, y, Double.NEGATIVE_INFINITY, 0.7 - 1e-17),
                RectangleGate.range("r1zero", null, x, 0.0, 0.3),
                RectangleGate.range("r1negzero", null, x, -0.0, 0.3),
                RectangleGate.range("r1belowzero", null, y, Double.NEGATIVE_INFINITY, 0.0),
                RectangleGate.range("r1all", null, y, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                new RectangleGate("r2", null, List.of(new RectangleGate.Range(x, 0.25, 0.7 - 1e-17),
                        new RectangleGate.Range(y, 0.1 + 1e-12, 0.5))),
                new RectangleGate("r3", null, List.of(new RectangleGate.Range(x, 0.25, 0.7),
                        new RectangleGate.Range(y, 0.1, 0.5), new RectangleGate.Range(x, 0.3, 0.6))),
                new PolygonGate("p", null, x, y, List.of(new PolygonGate.Vertex(0.1, 0.1), new PolygonGate.Vertex(0.5, 0.25),
                        new PolygonGate.Vertex(0.7, 0.7), new PolygonGate.Vertex(0.25, 0.5))),
                new EllipsoidGate("e", null, List.of(x, y), new double[] {0.5, 0.3},
                        new double[][] {{0.02, 0.005}, {0.005, 0.01}}, 2.5 * 2.5));
        for (GeometricGate g : gates) {
            for (Population parent : List.of(dense, sparse, mixed)) {
                Population expected = g.apply(slow, parent);
                assertEquals(expected, g.apply(fast, parent), g.id());
                assertTrue(expected.count() > 0, g.id() + " selects something, or the test proves nothing");
            }
        }
    }
}
