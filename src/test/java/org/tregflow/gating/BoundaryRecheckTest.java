package org.tregflow.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gates on a source of fast values with a stated error give the membership of the exact values: the events near a
 * boundary are judged again on their exact values, the others are not looked at.
 */
class BoundaryRecheckTest {
    private static final Dimension X = Dimension.uncompensated("x");
    private static final Dimension Y = Dimension.uncompensated("y");
    private static final double ERROR = 1e-6;

    /** Fast float columns within {@code error} of exact double ones; counts the exact values asked for. */
    private static final class Approximate implements EventSource {
        final Map<String, float[]> fast;
        final Map<String, double[]> exact;
        final double error;
        final boolean floatPath;
        int exactCalls;

        Approximate(Map<String, double[]> exact, Map<String, float[]> fast, double error, boolean floatPath) {
            this.exact = exact;
            this.fast = fast;
            this.error = error;
            this.floatPath = floatPath;
        }

        @Override
        public int eventCount() {
            return exact.get("x").length;
        }

        @Override
        public float[] values(Dimension d) {
            return fast.get(d.name());
        }

        @Override
        public boolean floatExact(Dimension d) {
            return floatPath;
        }

        @Override
        public double error(Dimension d) {
            return error;
        }

        @Override
        public double exactValue(Dimension d, int event) {
            exactCalls++;
            return exact.get(d.name())[event];
        }
    }

    /** The exact columns themselves, in double, with no error: the reference membership. */
    private record Exact(Map<String, double[]> exact) implements EventSource {
        @Override
        public int eventCount() {
            return exact.get("x").length;
        }

        @Override
        public float[] values(Dimension d) {
            throw new AssertionError("gates read doubles from a double source");
        }

        @Override
        public double[] doubleValues(Dimension d) {
            return exact.get(d.name());
        }
    }

    /** Event 0 sits just across the boundary from its fast value; 1 is well inside, 2 well outside. */
    private static Approximate threeEvents(double x0, float fastX0, double y0, float fastY0, double error,
                                           boolean floatPath) {
        return new Approximate(Map.of("x", new double[] {x0, 0.5, 9}, "y", new double[] {y0, 0.5, 9}),
                Map.of("x", new float[] {fastX0, 0.5f, 9f}, "y", new float[] {fastY0, 0.5f, 9f}), error, floatPath);
    }

    @ParameterizedTest(name = "float path {0}")
    @ValueSource(booleans = {true, false})
    void rectangleJudgesTheEventOnTheBoundaryByItsExactValue(boolean floatPath) {
        RectangleGate g = new RectangleGate("r", null, List.of(new RectangleGate.Range(X, 0.2500004, 1),
                new RectangleGate.Range(Y, 0, 1)));
        // Fast 0.25 is below the bound; exact 0.2500006 is above it.
        Approximate s = threeEvents(0.2500006, 0.25f, 0.5, 0.5f, ERROR, floatPath);
        assertEquals("110", Columns.bits(g.apply(s, Population.all(3))));
        assertEquals(2, s.exactCalls, "only event 0 (both of its coordinates) was looked at again");
        Approximate unstated = threeEvents(0.2500006, 0.25f, 0.5, 0.5f, 0, floatPath);
        assertEquals("010", Columns.bits(g.apply(unstated, Population.all(3))), "without an error: the fast values");
        assertEquals(0, unstated.exactCalls);
    }

    @ParameterizedTest(name = "float path {0}")
    @ValueSource(booleans = {true, false})
    void quadrantsAndEllipsesAndPolygonsToo(boolean floatPath) {
        QuadrantGate q = new QuadrantGate("q", null, List.of(new QuadrantGate.Divider("dx", X, List.of(0.2500004))),
                List.of(new QuadrantGate.Quadrant("high", Map.of("dx", 1.0)), new QuadrantGate.Quadrant("low",
                        Map.of("dx", 0.0))));
        Map<String, Population> quadrants = q.apply(threeEvents(0.2500006, 0.25f, 0.5, 0.5f, ERROR, floatPath),
                Population.all(3));
        assertEquals("111", Columns.bits(quadrants.get("high")), "event 0 is above the divider by its exact value");
        assertEquals("000", Columns.bits(quadrants.get("low")));
        quadrants = q.apply(threeEvents(0.2500006, 0.25f, 0.5, 0.5f, 0, floatPath), Population.all(3));
        assertEquals("100", Columns.bits(quadrants.get("low")), "without an error: the fast values");

        // Unit circle around (0, 0.5): fast (1, 0.5) is on it (inside), exact (1.0000006, 0.5) just outside.
        EllipsoidGate e = new EllipsoidGate("e", null, List.of(X, Y), new double[] {0, 0.5},
                new double[][] {{1, 0}, {0, 1}}, 1);
        assertEquals("010", Columns.bits(e.apply(threeEvents(1.0000006, 1f, 0.5, 0.5f, ERROR, floatPath),
                Population.all(3))));

        // Unit square from (0.25, 0) : fast (0.25, 0.5) is on its left edge (inside), exact just left of it.
        PolygonGate p = new PolygonGate("p", null, X, Y, List.of(new PolygonGate.Vertex(0.25, 0),
                new PolygonGate.Vertex(1.25, 0), new PolygonGate.Vertex(1.25, 1), new PolygonGate.Vertex(0.25, 1)));
        assertEquals("010", Columns.bits(p.apply(threeEvents(0.2499995, 0.25f, 0.5, 0.5f, ERROR, floatPath),
                Population.all(3))));
        assertEquals("110", Columns.bits(p.apply(threeEvents(0.2499995, 0.25f, 0.5, 0.5f, 0, floatPath),
                Population.all(3))), "without an error: the fast values");
    }

    /**
     * Many events crowded within a few errors of every boundary, fast values off by up to the error: every gate
     * type gives exactly the membership of the exact values, and looks at a small share of the events again.
     */
    @ParameterizedTest(name = "float path {0}")
    @ValueSource(booleans = {true, false})
    void membershipIsThatOfTheExactValues(boolean floatPath) {
        List<GeometricGate> gates = new ArrayList<>();
        gates.add(new RectangleGate("box", null, List.of(new RectangleGate.Range(X, 0.2, 0.7),
                new RectangleGate.Range(Y, 0.2, 0.7))));
        gates.add(RectangleGate.range("range", null, X, 0.2, 0.7));
        EllipsoidGate circle = new EllipsoidGate("circle", null, List.of(X, Y), new double[] {0.45, 0.45},
                new double[][] {{0.01, 0}, {0, 0.01}}, 4);
        EllipsoidGate tilted = new EllipsoidGate("tilted", null, List.of(X, Y), new double[] {0.45, 0.45},
                new double[][] {{0.02, 0.012}, {0.012, 0.02}}, 2);
        gates.add(circle);
        gates.add(tilted);
        // A convex polygon (its own fast test) and a concave one (the crossing test).
        PolygonGate triangle = new PolygonGate("triangle", null, X, Y, List.of(new PolygonGate.Vertex(0.2, 0.2),
                new PolygonGate.Vertex(0.7, 0.2), new PolygonGate.Vertex(0.2, 0.7)));
        PolygonGate ell = new PolygonGate("L", null, X, Y, List.of(new PolygonGate.Vertex(0.2, 0.2),
                new PolygonGate.Vertex(0.7, 0.2), new PolygonGate.Vertex(0.7, 0.45), new PolygonGate.Vertex(0.45, 0.45),
                new PolygonGate.Vertex(0.45, 0.7), new PolygonGate.Vertex(0.2, 0.7)));
        gates.add(triangle);
        gates.add(ell);
        // Points on the boundaries: the box's sides, the polygons' edges, the ellipses' outlines.
        SplittableRandom rng = new SplittableRandom(20261122);
        List<double[]> boundary = new ArrayList<>();
        for (int k = 0; k < 64; k++) {
            double r = 0.2 + 0.5 * rng.nextDouble();
            boundary.add(new double[] {0.2, r});
            boundary.add(new double[] {0.7, r});
            boundary.add(new double[] {r, 0.2});
            boundary.add(new double[] {r, 0.7});
            for (PolygonGate p : List.of(triangle, ell)) {
                List<PolygonGate.Vertex> v = p.vertices();
                for (int e = 0; e < v.size(); e++) {
                    PolygonGate.Vertex a = v.get(e);
                    PolygonGate.Vertex b = v.get((e + 1) % v.size());
                    double t = rng.nextDouble();
                    boundary.add(new double[] {a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y())});
                }
            }
        }
        for (EllipsoidGate e : List.of(circle, tilted)) {
            e.outline(128).forEach(v -> boundary.add(new double[] {v.x(), v.y()}));
        }
        int n = 40_000;
        double[] x = new double[n];
        double[] y = new double[n];
        float[] fx = new float[n];
        float[] fy = new float[n];
        for (int i = 0; i < n; i++) {
            if (i % 4 == 0) {
                double[] b = boundary.get(rng.nextInt(boundary.size()));
                x[i] = b[0] + (rng.nextDouble() - 0.5) * 6 * ERROR;
                y[i] = b[1] + (rng.nextDouble() - 0.5) * 6 * ERROR;
            } else {
                x[i] = rng.nextDouble();
                y[i] = rng.nextDouble();
            }
            fx[i] = (float) (x[i] + (rng.nextDouble() - 0.5) * 1.8 * ERROR);
            fy[i] = (float) (y[i] + (rng.nextDouble() - 0.5) * 1.8 * ERROR);
            // Values without a place on the plot, in either coordinate: outside every gate, fast or exact.
            if (i % 211 == 0) {
                double odd = new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}[i % 3];
                if (i % 2 == 0) {
                    x[i] = odd;
                    fx[i] = (float) odd;
                } else {
                    y[i] = odd;
                    fy[i] = (float) odd;
                }
            }
        }
        Map<String, double[]> exact = Map.of("x", x, "y", y);
        Map<String, float[]> fast = Map.of("x", fx, "y", fy);
        Population parent = Population.all(n);
        Population half = Population.none(n);
        for (int i = 0; i < n; i++) {
            if (rng.nextBoolean()) {
                half.add(i);
            }
        }
        for (GeometricGate g : gates) {
            Population reference = g.apply(new Exact(exact), parent);
            // An infinite or meaningless bound makes every event a candidate: still the exact membership.
            assertEquals(reference, g.apply(new Approximate(exact, fast, Double.POSITIVE_INFINITY, floatPath), parent));
            assertEquals(reference, g.apply(new Approximate(exact, fast, Double.NaN, floatPath), parent));
            Approximate fastSource = new Approximate(exact, fast, ERROR, floatPath);
            Population judged = g.apply(fastSource, parent);
            Population unjudged = g.apply(new Approximate(exact, fast, 0, floatPath), parent);
            assertEquals(reference, judged, g.id());
            assertNotEquals(reference, unjudged, g.id() + ": the crowd does straddle the boundary");
            assertTrue(fastSource.exactCalls < n / 2, g.id() + ": " + fastSource.exactCalls + " exact values");
            // A parent with some events left out (words neither full nor empty: the set-bit loops).
            assertEquals(g.apply(new Exact(exact), half), g.apply(new Approximate(exact, fast, ERROR, floatPath), half),
                    g.id() + " in a partial parent");
        }
    }
}
