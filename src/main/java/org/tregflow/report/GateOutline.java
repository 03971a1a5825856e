package org.tregflow.report;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.tregflow.gating.BooleanGate;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EllipsoidGate;
import org.tregflow.gating.Gate;
import org.tregflow.gating.GeometricGate;
import org.tregflow.gating.PolygonGate;
import org.tregflow.gating.QuadrantGate;
import org.tregflow.gating.RectangleGate;
import org.tregflow.math.Matrices;

/**
 * The outline of a gate on a plot, in sheet pixels, built from the gate's own geometry (its ranges, vertices,
 * mean and covariance, dividers) and the plot's mapping: no second implementation of membership. An open end of a
 * range is drawn just past the plot edge, so the clipped outline shows it open.
 */
final class GateOutline {
    /** How far past the plot edge an open end is drawn, as a fraction of the axis. */
    private static final double OPEN_END = 0.05;
    private static final int ELLIPSE_POINTS = 180;

    private GateOutline() {
    }

    /** An outline and whether it stands for a complement (drawn dashed). */
    record Shape(Path2D path, boolean complement) {
    }

    /**
     * The outlines of {@code gate} on {@code area}: one for a geometric gate, one per quadrant for a quadrant gate,
     * the referenced gates' outlines for a boolean gate ({@code references} resolves its ids). Empty when the
     * gate's geometry does not live on these axes (a polygon on other dimensions).
     */
    static List<Shape> of(Gate gate, PlotArea area, List<Gate> references) {
        List<Shape> out = new ArrayList<>();
        if (gate instanceof GeometricGate g) {
            addGeometric(g, area, out);
        } else if (gate instanceof QuadrantGate q) {
            for (RectangleGate r : q.asRectangles()) {
                addGeometric(r, area, out);
            }
        } else if (gate instanceof BooleanGate b) {
            for (BooleanGate.Reference ref : b.references()) {
                for (Gate r : references) {
                    if (GatingStep.definesPopulation(r, ref.gateId())) {
                        Gate shape = r instanceof QuadrantGate q ? quadrant(q, ref.gateId()) : r;
                        boolean complement = ref.complement() ^ b.operator() == BooleanGate.Operator.NOT;
                        for (Shape s : of(shape, area, List.of())) {
                            out.add(new Shape(s.path(), complement));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Gate quadrant(QuadrantGate q, String quadrantId) {
        for (RectangleGate r : q.asRectangles()) {
            if (r.id().equals(quadrantId)) {
                return r;
            }
        }
        return q;
    }

    private static void addGeometric(GeometricGate g, PlotArea area, List<Shape> out) {
        Path2D p;
        if (g instanceof RectangleGate r) {
            p = rectangle(r, area);
        } else if (g instanceof PolygonGate pg) {
            p = polygon(pg, area);
        } else {
            p = ellipse((EllipsoidGate) g, area);
        }
        if (p != null) {
            out.add(new Shape(p, false));
        }
    }

    /** Index of {@code d} among the gate's dimensions: by value first, then by parameter name. */
    static int indexOf(List<Dimension> dims, Dimension d) {
        int i = dims.indexOf(d);
        if (i >= 0) {
            return i;
        }
        for (int k = 0; k < dims.size(); k++) {
            if (dims.get(k).name().equals(d.name())) {
                return k;
            }
        }
        return -1;
    }

    static Path2D rectangle(RectangleGate r, PlotArea area) {
        double[] xs = bounds(r, area.xAxis());
        if (area.yAxis() == null) {
            double top = area.y() - area.height() * OPEN_END;
            double bottom = area.y() + area.height() * (1 + OPEN_END);
            return box(area.px(xs[0]), area.px(xs[1]), top, bottom);
        }
        double[] ys = bounds(r, area.yAxis());
        return box(area.px(xs[0]), area.px(xs[1]), area.py(ys[1]), area.py(ys[0]));
    }

    /** The gate's range on {@code axis}, open ends (or no range: the gate does not constrain it) past the edge. */
    private static double[] bounds(RectangleGate r, Axis axis) {
        double span = axis.hi() - axis.lo();
        double lo = axis.lo() - span * OPEN_END;
        double hi = axis.hi() + span * OPEN_END;
        int i = indexOf(r.dimensions(), axis.dimension());
        if (i >= 0) {
            RectangleGate.Range range = r.ranges().get(i);
            if (range.hasMin()) {
                lo = Math.max(lo, range.min());
            }
            if (range.hasMax()) {
                hi = Math.min(hi, range.max());
            }
        }
        return new double[] {lo, hi};
    }

    private static Path2D box(double x0, double x1, double yTop, double yBottom) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x0, yBottom);
        p.lineTo(x1, yBottom);
        p.lineTo(x1, yTop);
        p.lineTo(x0, yTop);
        p.closePath();
        return p;
    }

    private static Path2D polygon(PolygonGate g, PlotArea area) {
        if (area.yAxis() == null) {
            return null;
        }
        boolean straight = sameAxis(g.x(), area.xAxis()) && sameAxis(g.y(), area.yAxis());
        boolean swapped = sameAxis(g.y(), area.xAxis()) && sameAxis(g.x(), area.yAxis());
        if (!straight && !swapped) {
            return null;
        }
        Path2D.Double p = new Path2D.Double();
        boolean first = true;
        for (PolygonGate.Vertex v : g.vertices()) {
            double vx = swapped ? v.y() : v.x();
            double vy = swapped ? v.x() : v.y();
            if (first) {
                p.moveTo(area.px(vx), area.py(vy));
                first = false;
            } else {
                p.lineTo(area.px(vx), area.py(vy));
            }
        }
        p.closePath();
        return p;
    }

    private static boolean sameAxis(Dimension d, Axis axis) {
        return indexOf(List.of(d), axis.dimension()) == 0;
    }

    /** A variance (or Schur complement) at or below this is a flat ellipse. */
    private static final double DEGENERATE = 1e-14;

    /**
     * The ellipsoid's shadow on the plot's axes: projecting {(x-μ)ᵀC⁻¹(x-μ) <= d²} onto a subset S of its
     * dimensions gives the ellipse with mean μ_S and covariance C_SS (same d²), drawn as μ + d·L·(cos θ, sin θ)
     * with C_SS = L·Lᵀ.
     */
    private static Path2D ellipse(EllipsoidGate e, PlotArea area) {
        int ix = indexOf(e.dimensions(), area.xAxis().dimension());
        if (ix < 0) {
            return null;
        }
        double[] mean = e.mean();
        double[][] c = e.covariance();
        double d = Math.sqrt(e.distanceSquare());
        if (area.yAxis() == null) {
            double half = d * Math.sqrt(c[ix][ix]);
            RectangleGate range = RectangleGate.range(e.id(), null, area.xAxis().dimension(), mean[ix] - half,
                    mean[ix] + half);
            return rectangle(range, area);
        }
        int iy = indexOf(e.dimensions(), area.yAxis().dimension());
        if (iy < 0) {
            return null;
        }
        double[][] l = Matrices.cholesky(new double[][] {{c[ix][ix], c[ix][iy]}, {c[iy][ix], c[iy][iy]}}, DEGENERATE);
        if (l == null) {
            return null; // a degenerate ellipse has no area to outline; its events are still counted
        }
        double l00 = l[0][0];
        double l10 = l[1][0];
        double l11 = l[1][1];
        Path2D.Double p = new Path2D.Double();
        for (int k = 0; k < ELLIPSE_POINTS; k++) {
            double theta = 2 * Math.PI * k / ELLIPSE_POINTS;
            double u = Math.cos(theta);
            double v = Math.sin(theta);
            double x = mean[ix] + d * (l00 * u);
            double y = mean[iy] + d * (l10 * u + l11 * v);
            if (k == 0) {
                p.moveTo(area.px(x), area.py(y));
            } else {
                p.lineTo(area.px(x), area.py(y));
            }
        }
        p.closePath();
        return p;
    }
}
