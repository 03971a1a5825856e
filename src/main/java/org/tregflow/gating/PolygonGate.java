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
        Population fast = evaluate(source, parent, edges);
        double[] error = BoundaryRecheck.errors(dimensions(), source);
        return error == null ? fast : BoundaryRecheck.exact(dimensions(), source, fast,
                near(source, parent, error, edges), point -> edges.inside(point[0], point[1]));
    }

    /** The parent's events within {@code error} (as a Euclidean radius) of an edge. */
    private Population near(EventSource source, Population parent, double[] error, Edges edges) {
        // The extra covers the on-edge tolerance of Edges.inside and the rounding of the distances.
        double r = Math.hypot(error[0], error[1]) * (1 + 1e-9) + 1e-8 * (1 + edges.magnitude);
        boolean floats = source.floatExact(x) && source.floatExact(y);
        float[] fx = floats ? source.values(x) : null;
        float[] fy = floats ? source.values(y) : null;
        double[] dx = floats ? null : source.doubleValues(x);
        double[] dy = floats ? null : source.doubleValues(y);
        long[] pw = parent.words();
        long[] out = new long[pw.length];
        for (int w = 0; w < pw.length; w++) {
            long bits = pw[w];
            while (bits != 0) {
                int b = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int i = (w << 6) + b;
                if (floats ? edges.near(fx[i], fy[i], r) : edges.near(dx[i], dy[i], r)) {
                    out[w] |= 1L << b;
                }
            }
        }
        return Population.ofWords(out, parent.size());
    }

    /** Membership on the source's values as they are. */
    private Population evaluate(EventSource source, Population parent, Edges edges) {
        long[] pw = parent.words();
        long[] out = new long[pw.length];
        if (source.floatExact(x) && source.floatExact(y)) {
            // Float columns widened per event: the same doubles as doubleValues, without a widened copy.
            float[] fx = source.values(x);
            float[] fy = source.values(y);
            for (int w = 0; w < pw.length; w++) {
                long bits = pw[w];
                long res = 0;
                int base = w << 6;
                while (bits != 0) {
                    int b = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (edges.inside(fx[base + b], fy[base + b])) {
                        res |= 1L << b;
                    }
                }
                out[w] = res;
            }
            return Population.ofWords(out, parent.size());
        }
        double[] xs = source.doubleValues(x);
        double[] ys = source.doubleValues(y);
        for (int w = 0; w < pw.length; w++) {
            long bits = pw[w];
            long res = 0;
            int base = w << 6;
            while (bits != 0) {
                int b = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int i = base + b;
                if (edges.inside(xs[i], ys[i])) {
                    res |= 1L << b;
                }
            }
            out[w] = res;
        }
        return Population.ofWords(out, parent.size());
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

        /**
         * True when (px, py) may lie within distance r of an edge (NaN never does): within r of the edge's line
         * and of its bounding box, a superset of within r of the edge, as cheap as the crossing test.
         */
        boolean near(double px, double py, double r) {
            if (!(px >= minX - r && px <= maxX + r && py >= minY - r && py <= maxY + r)) {
                return false;
            }
            for (int e = 0; e < n; e++) {
                if (py < yLo[e] - r || py > yHi[e] + r || px < xLo[e] - r || px > xHi[e] + r) {
                    continue;
                }
                double cross = dx[e] * (py - y1[e]) - dy[e] * (px - x1[e]);
                if (Math.abs(cross) <= r * length[e]) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Even-odd crossing test with an inclusive boundary. Only edges spanning the point's y can cross the
         * horizontal ray or hold the point, so the others cost one comparison pair.
         */
        boolean inside(double px, double py) {
            // Bounding box first (also rejects NaN): most events of a typical gate are far outside it.
            if (!(px >= minX && px <= maxX && py >= minY && py <= maxY)) {
                return false;
            }
            boolean odd = false;
            double mag = Math.abs(px) + Math.abs(py) + 1;
            for (int e = 0; e < n; e++) {
                if (py < yLo[e] || py > yHi[e]) {
                    continue;
                }
                // cross / dy is how far right of the point the edge crosses its horizontal line.
                double cross = dx[e] * (py - y1[e]) - dy[e] * (px - x1[e]);
                // On the edge: the cross product of a point truly on it is rounding noise, not zero.
                if (Math.abs(cross) <= tolerance[e] * mag && px >= xLo[e] && px <= xHi[e]) {
                    return true;
                }
                // Half-open rule on y (one end strictly above) counts each crossing once, also at vertices.
                if ((y1[e] > py) != (y1[e] + dy[e] > py) && (dy[e] > 0 ? cross > 0 : cross < 0)) {
                    odd = !odd;
                }
            }
            return odd;
        }
    }
}
