package org.tregflow.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolygonGateTest {
    final Dimension x = Dimension.uncompensated("x");
    final Dimension y = Dimension.uncompensated("y");

    static List<PolygonGate.Vertex> vs(double... xy) {
        PolygonGate.Vertex[] out = new PolygonGate.Vertex[xy.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new PolygonGate.Vertex(xy[2 * i], xy[2 * i + 1]);
        }
        return List.of(out);
    }

    @Test
    void squareInsideOutsideEdgesAndVertices() {
        PolygonGate sq = new PolygonGate("sq", null, x, y, vs(0, 0, 10, 0, 10, 10, 0, 10));
        Columns src = new Columns(9)
                // inside, outside right, left edge, top edge, vertex (10,10), vertex (0,0), just outside, NaN, below
                .with("x", 5f, 11f, 0f, 3f, 10f, 0f, 10.001f, Float.NaN, 5f)
                .with("y", 5f, 5f, 7f, 10f, 10f, 0f, 5f, 5f, -0.001f);
        assertEquals("101111000", Columns.bits(sq.apply(src, Population.all(9))));
    }

    @Test
    void pointOnADiagonalEdgeIsInside() {
        PolygonGate tri = new PolygonGate("t", null, x, y, vs(5, 5, 500, 5, 500, 500));
        assertTrue(tri.contains(20, 20));
        assertTrue(tri.contains(5.882084f, 5.882084f));
        assertTrue(tri.contains(500, 500));
        assertFalse(tri.contains(20, 20.01));
    }

    @Test
    void selfIntersectingPentagramUsesEvenOdd() {
        // Star drawn by joining every second point of a regular pentagon: the centre pentagon is wound twice,
        // so even-odd puts it outside, while each tip (wound once) is inside.
        double[] xy = new double[10];
        int[] order = {0, 2, 4, 1, 3};
        for (int k = 0; k < 5; k++) {
            double a = Math.PI / 2 + 2 * Math.PI * order[k] / 5;
            xy[2 * k] = 100 * Math.cos(a);
            xy[2 * k + 1] = 100 * Math.sin(a);
        }
        PolygonGate star = new PolygonGate("star", null, x, y, vs(xy));
        assertFalse(star.contains(0, 0), "centre is wound twice: outside by even-odd");
        assertTrue(star.contains(0, 80), "top tip is inside");
        assertFalse(star.contains(0, 101), "above the top vertex");
        // the same through the bulk path
        Columns src = new Columns(3).with("x", 0f, 0f, 0f).with("y", 0f, 80f, 101f);
        assertEquals("010", Columns.bits(star.apply(src, Population.all(3))));
    }

    @Test
    void bowTieCrossingPointIsOnTheBoundary() {
        // (0,0)-(10,10)-(10,0)-(0,10): two triangles meeting at (5,5)
        PolygonGate bow = new PolygonGate("bow", null, x, y, vs(0, 0, 10, 10, 10, 0, 0, 10));
        assertTrue(bow.contains(1, 5));
        assertTrue(bow.contains(9, 5));
        assertFalse(bow.contains(5, 1));
        assertFalse(bow.contains(5, 9));
        assertTrue(bow.contains(5, 5));
    }

    @Test
    void refusesFewerThanThreeVertices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PolygonGate("p", null, x, y, vs(0, 0, 1, 1)));
        assertTrue(e.getMessage().contains("at least 3"));
    }
}
