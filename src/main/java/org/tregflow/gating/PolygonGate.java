package org.tregflow.gating;

import java.util.List;
import java.util.Objects;

/**
 * Gating-ML 2.0 polygon gate (§5.3.2): a closed 2-D polygon (the last vertex joins the first). Self-intersecting
 * polygons use the even-odd rule, as the standard says. A point exactly on an edge or a vertex counts as inside:
 * the standard calls the boundary inclusive and the compliance suite (Polygon1, Poly1*) expects it.
 */
public record PolygonGate(String id, String parentId, Dimension x, Dimension y, List<Vertex> vertices)
        implements GeometricGate {

    public record Vertex(double x, double y) {
        public Vertex {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("polygon vertex (" + x + ", " + y + ") is not finite");
            }
        }
    }

    public PolygonGate {
        Objects.requireNonNull(id, "gate id");
        Objects.requireNonNull(x, "x dimension");
        Objects.requireNonNull(y, "y dimension");
        vertices = List.copyOf(vertices);
        if (vertices.size() < 3) {
            throw new IllegalArgumentException("polygon gate " + id + " has " + vertices.size()
                    + " vertices; a polygon needs at least 3");
        }
    }

    @Override
    public List<Dimension> dimensions() {
        return List.of(x, y);
    }

    @Override
    public PolygonGate withParent(String newParent) {
        return new PolygonGate(id, newParent, x, y, vertices);
    }

    /** Membership of one point (the same test {@link #apply} runs per event). */
    public boolean contains(double px, double py) {
        return new Edges(vertices).inside(px, py);
    }

    @Override
    public Population apply(EventSource source, Population parent) {
        Edges edges = new Edges(vertices);
        double[] error = BoundaryRecheck.errors(dimensions(), source);
        // The extra covers the on-edge tolerance of Edges.inside and the rounding of the distances.
        double r = error == null ? -1 : Math.hypot(error[0], error[1]) * (1 + 1e-9) + 1e-8 * (1 + edges.magnitude);
        long[] pw = parent.words();
        long[] out = new long[pw.length];
        long[] near = new long[pw.length];
        boolean floats = source.floatExact(x) && source.floatExact(y);
        // Float columns are widened per event: the same doubles as doubleValues, without a widened copy.
        float[] fx = floats ? source.values(x) : null;
        float[] fy = floats ? source.values(y) : null;
        double[] dx = floats ? null : source.doubleValues(x);
        double[] dy = floats ? null : source.doubleValues(y);
        for (int w = 0; w < pw.length; w++) {
            long bits = pw[w];
            long res = 0;
            long close = 0;
            int base = w << 6;
            while (bits != 0) {
                int b = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int i = base + b;
                int c = floats ? edges.classify(fx[i], fy[i], r) : edges.classify(dx[i], dy[i], r);
                res |= (long) (c & 1) << b;
                close |= (long) (c >>> 1) << b;
            }
            out[w] = res;
            near[w] = close;
        }
        Population fast = Population.ofWords(out, parent.size());
        return error == null ? fast : BoundaryRecheck.exact(dimensions(), source, fast,
                Population.ofWords(near, parent.size()), point -> edges.inside(point[0], point[1]));
    }

    /** The polygon's edges as flat arrays, prepared once per evaluation. */
    private static final class Edges {
        final int n;
        final double[] x1, y1, dx, dy, yLo, yHi, xLo, xHi, tolerance, length;
        final double minX, maxX, minY, maxY, magnitude;

        Edges(List<Vertex> v) {
            n = v.size();
            x1 = new double[n];
            y1 = new double[n];
            dx = new double[n];
            dy = new double[n];
            yLo = new double[n];
            yHi = new double[n];
            xLo = new double[n];
            xHi = new double[n];
            tolerance = new double[n];
            length = new double[n];
            double ax = Double.POSITIVE_INFINITY, bx = Double.NEGATIVE_INFINITY;
            double ay = Double.POSITIVE_INFINITY, by = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                Vertex a = v.get(i);
                Vertex b = v.get((i + 1) % n);
                x1[i] = a.x();
                y1[i] = a.y();
                dx[i] = b.x() - a.x();
                dy[i] = b.y() - a.y();
                yLo[i] = Math.min(a.y(), b.y());
                yHi[i] = Math.max(a.y(), b.y());
                xLo[i] = Math.min(a.x(), b.x());
                xHi[i] = Math.max(a.x(), b.x());
                tolerance[i] = 1e-9 * (Math.abs(dx[i]) + Math.abs(dy[i]));
                length[i] = Math.hypot(dx[i], dy[i]);
                ax = Math.min(ax, a.x());
                bx = Math.max(bx, a.x());
                ay = Math.min(ay, a.y());
                by = Math.max(by, a.y());
            }
            minX = ax;
            maxX = bx;
            minY = ay;
            maxY = by;
            magnitude = Math.max(Math.max(Math.abs(ax), Math.abs(bx)), Math.max(Math.abs(ay), Math.abs(by)));
        }

        /** Even-odd membership with an inclusive boundary (see {@link #classify}). */
        boolean inside(double px, double py) {
            return (classify(px, py, -1) & 1) != 0;
        }

        /**
         * Bit 0: inside, by the even-odd crossing test with an inclusive boundary. Bit 1 (asked for when r >= 0):
         * the point may lie within r of an edge: within r of the edge's line and of its bounding box, a superset
         * of within r of the edge, found from the same cross product. Only edges spanning the point's y (within r)
         * can cross the horizontal ray, hold the point or lie near it, so the others cost one comparison pair.
         */
        int classify(double px, double py, double r) {
            double grow = Math.max(r, 0);
            // Bounding box first (also rejects NaN): most events of a typical gate are far outside it.
            if (!(px >= minX - grow && px <= maxX + grow && py >= minY - grow && py <= maxY + grow)) {
                return 0;
            }
            boolean inBox = px >= minX && px <= maxX && py >= minY && py <= maxY;
            boolean odd = false;
            boolean onEdge = false;
            boolean near = false;
            double mag = Math.abs(px) + Math.abs(py) + 1;
            for (int e = 0; e < n; e++) {
                boolean spans = py >= yLo[e] && py <= yHi[e];
                if (!spans && !(py >= yLo[e] - grow && py <= yHi[e] + grow && r >= 0)) {
                    continue;
                }
                // cross / dy is how far right of the point the edge crosses its horizontal line.
                double cross = dx[e] * (py - y1[e]) - dy[e] * (px - x1[e]);
                near |= r >= 0 && Math.abs(cross) <= r * length[e] && px >= xLo[e] - r && px <= xHi[e] + r;
                if (!spans) {
                    continue;
                }
                // On the edge: the cross product of a point truly on it is rounding noise, not zero.
                onEdge |= Math.abs(cross) <= tolerance[e] * mag && px >= xLo[e] && px <= xHi[e];
                // Half-open rule on y (one end strictly above) counts each crossing once, also at vertices.
                if ((y1[e] > py) != (y1[e] + dy[e] > py) && (dy[e] > 0 ? cross > 0 : cross < 0)) {
                    odd = !odd;
                }
            }
            return (inBox && (onEdge || odd) ? 1 : 0) | (near ? 2 : 0);
        }
    }
}
