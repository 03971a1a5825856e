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
        int n = vertices.size();
        double[] vx = new double[n];
        double[] vy = new double[n];
        for (int i = 0; i < n; i++) {
            vx[i] = vertices.get(i).x();
            vy[i] = vertices.get(i).y();
        }
        return inside(vx, vy, px, py);
    }

    @Override
    public Population apply(EventSource source, Population parent) {
        double[] xs = source.doubleValues(x);
        double[] ys = source.doubleValues(y);
        int n = vertices.size();
        double[] vx = new double[n];
        double[] vy = new double[n];
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            vx[i] = vertices.get(i).x();
            vy[i] = vertices.get(i).y();
            minX = Math.min(minX, vx[i]);
            maxX = Math.max(maxX, vx[i]);
            minY = Math.min(minY, vy[i]);
            maxY = Math.max(maxY, vy[i]);
        }
        long[] pw = parent.words();
        long[] out = new long[pw.length];
        for (int w = 0; w < pw.length; w++) {
            long bits = pw[w];
            long res = 0;
            int base = w << 6;
            while (bits != 0) {
                int b = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int i = base + b;
                double px = xs[i];
                double py = ys[i];
                // Bounding box first: most events of a typical gate are far outside it.
                if (px >= minX && px <= maxX && py >= minY && py <= maxY && inside(vx, vy, px, py)) {
                    res |= 1L << b;
                }
            }
            out[w] = res;
        }
        return Population.ofWords(out, parent.size());
    }

    /** Even-odd crossing test with an inclusive boundary. */
    static boolean inside(double[] vx, double[] vy, double px, double py) {
        int n = vx.length;
        boolean odd = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = vx[i], yi = vy[i], xj = vx[j], yj = vy[j];
            if (onSegment(xi, yi, xj, yj, px, py)) {
                return true;
            }
            // Half-open rule on y (yi > py) != (yj > py) counts each crossing once, also at vertices.
            if ((yi > py) != (yj > py)) {
                double xCross = xi + (py - yi) * (xj - xi) / (yj - yi);
                if (px < xCross) {
                    odd = !odd;
                }
            }
        }
        return odd;
    }

    private static boolean onSegment(double x1, double y1, double x2, double y2, double px, double py) {
        if (px < Math.min(x1, x2) || px > Math.max(x1, x2) || py < Math.min(y1, y2) || py > Math.max(y1, y2)) {
            return false;
        }
        double cross = (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1);
        // A tiny relative tolerance: the cross product of a point truly on the edge is rounding noise, not zero.
        double scale = Math.abs(x2 - x1) + Math.abs(y2 - y1);
        return Math.abs(cross) <= 1e-9 * scale * (Math.abs(px) + Math.abs(py) + 1);
    }
}
