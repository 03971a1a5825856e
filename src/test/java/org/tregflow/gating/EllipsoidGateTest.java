package org.tregflow.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EllipsoidGateTest {
    final Dimension x = Dimension.uncompensated("x");
    final Dimension y = Dimension.uncompensated("y");
    final Dimension z = Dimension.uncompensated("z");

    @Test
    void rotatedEllipseByHand() {
        // C = [[2,1],[1,2]], C⁻¹ = 1/3 [[2,-1],[-1,2]]; around mean (10, 20):
        // (1,1) -> 2/3 in; (1,-1) -> 2 out; (0,1.2) -> 0.96 in; (0,1.3) -> 1.127 out at d²=1, in at d²=1.2
        Columns src = new Columns(5)
                .with("x", 11f, 11f, 10f, 10f, 10f)
                .with("y", 21f, 19f, 21.2f, 21.3f, 20f);
        EllipsoidGate g = new EllipsoidGate("e", null, List.of(x, y), new double[] {10, 20},
                new double[][] {{2, 1}, {1, 2}}, 1);
        assertEquals("10101", Columns.bits(g.apply(src, Population.all(5))));
        EllipsoidGate g2 = new EllipsoidGate("e2", null, List.of(x, y), new double[] {10, 20},
                new double[][] {{2, 1}, {1, 2}}, 1.2);
        assertEquals("10111", Columns.bits(g2.apply(src, Population.all(5))));
    }

    @Test
    void threeDimensionalAxisAligned() {
        // C = diag(4, 1, 9), d² = 1: (2,0,0) on the boundary (in), (0,1.01,0) out, (1,.5,1.5) -> .75 in,
        // (1,.5,2.7) -> .25+.25+.81 = 1.31 out
        Columns src = new Columns(4)
                .with("x", 2f, 0f, 1f, 1f)
                .with("y", 0f, 1.01f, 0.5f, 0.5f)
                .with("z", 0f, 0f, 1.5f, 2.7f);
        EllipsoidGate g = new EllipsoidGate("e3", null, List.of(x, y, z), new double[] {0, 0, 0},
                new double[][] {{4, 0, 0}, {0, 1, 0}, {0, 0, 9}}, 1);
        assertEquals("1010", Columns.bits(g.apply(src, Population.all(4))));
    }

    @Test
    void singularCovarianceIsAClearError() {
        EllipsoidGate g = new EllipsoidGate("flat", null, List.of(x, y), new double[] {0, 0},
                new double[][] {{1, 1}, {1, 1}}, 1);
        GateException e = assertThrows(GateException.class,
                () -> g.apply(new Columns(1).with("x", 0f).with("y", 0f), Population.all(1)));
        assertEquals("ellipsoid gate flat: the covariance matrix is singular", e.getMessage());
    }

    @Test
    void shapeMismatchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EllipsoidGate("e", null, List.of(x, y),
                new double[] {0}, new double[][] {{1, 0}, {0, 1}}, 1));
    }

    @Test
    void outlinePointsLieOnTheBoundary() {
        EllipsoidGate g = new EllipsoidGate("e", null, List.of(x, y), new double[] {10, 20},
                new double[][] {{2, 1}, {1, 2}}, 1.5);
        double[][] inv = g.inverseCovariance();
        List<PolygonGate.Vertex> pts = g.outline(36);
        assertEquals(36, pts.size());
        for (PolygonGate.Vertex v : pts) {
            double dx = v.x() - 10, dy = v.y() - 20;
            double q = dx * dx * inv[0][0] + dx * dy * (inv[0][1] + inv[1][0]) + dy * dy * inv[1][1];
            assertEquals(1.5, q, 1e-12);
        }
    }
}
