package org.tregflow.gating;

import java.util.List;
import java.util.Objects;

/**
 * Gating-ML 2.0 rectangle gate (§5.3.1): an n-dimensional box; with one dimension it is a range gate. An event is
 * inside when {@code min <= x < max} on every dimension. An open end is an infinite bound, taken literally:
 * an open min accepts {@code -Infinity}, an open max does not accept {@code +Infinity} (a ratio divided by zero),
 * as the compliance suite's reference results (flowCore) expect. NaN is never inside.
 */
public record RectangleGate(String id, String parentId, List<Range> ranges) implements GeometricGate {

    /** One side of the box: bounds on one dimension (infinite for an open end). */
    public record Range(Dimension dimension, double min, double max) {
        public Range {
            Objects.requireNonNull(dimension, "dimension");
            if (Double.isNaN(min) || Double.isNaN(max)) {
                throw new IllegalArgumentException("range on " + dimension.name() + " has a NaN bound");
            }
            if (min == Double.POSITIVE_INFINITY || max == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("range on " + dimension.name() + " cannot contain any value: min "
                        + min + ", max " + max);
            }
        }

        public static Range atLeast(Dimension d, double min) {
            return new Range(d, min, Double.POSITIVE_INFINITY);
        }

        public static Range below(Dimension d, double max) {
            return new Range(d, Double.NEGATIVE_INFINITY, max);
        }

        public boolean hasMin() {
            return min != Double.NEGATIVE_INFINITY;
        }

        public boolean hasMax() {
            return max != Double.POSITIVE_INFINITY;
        }

        public boolean contains(double x) {
            return x >= min && x < max;
        }
    }

    public RectangleGate {
        Objects.requireNonNull(id, "gate id");
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("rectangle gate " + id + " has no dimension");
        }
    }

    /** A 1-D range gate. */
    public static RectangleGate range(String id, String parentId, Dimension d, double min, double max) {
        return new RectangleGate(id, parentId, List.of(new Range(d, min, max)));
    }

    @Override
    public List<Dimension> dimensions() {
        return ranges.stream().map(Range::dimension).toList();
    }

    @Override
    public RectangleGate withParent(String newParent) {
        return new RectangleGate(id, newParent, ranges);
    }

    /**
     * The least float f with {@code (double) f >= bound}: for every float x (NaN aside),
     * {@code x >= f} exactly when {@code (double) x >= bound}, and {@code x < f} exactly when
     * {@code (double) x < bound}. Comparing float columns against these gives the double comparison's membership.
     */
    static float floatBound(double bound) {
        float f = (float) bound;
        if (f < bound) {
            return Math.nextUp(f);
        }
        float down = Math.nextDown(f);
        return down >= bound ? down : f;
    }

    @Override
    public Population apply(EventSource source, Population parent) {
        double[] error = BoundaryRecheck.errors(dimensions(), source);
        if (ranges.size() <= 2 && ranges.stream().allMatch(r -> source.floatExact(r.dimension()))) {
            Population[] sureAndNear = applyFloat(source, parent, error);
            return error == null ? sureAndNear[0]
                    : BoundaryRecheck.exact(dimensions(), source, sureAndNear[0], sureAndNear[1], this::contains);
        }
        Population fast = evaluate(source, parent);
        return error == null ? fast
                : BoundaryRecheck.exact(dimensions(), source, fast, near(source, parent, error), this::contains);
    }

    /** Membership of one point, coordinates in the order of {@link #ranges}: the test {@link #apply} makes. */
    public boolean contains(double[] point) {
        for (int d = 0; d < ranges.size(); d++) {
            if (!ranges.get(d).contains(point[d])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The parent's events within {@code error} of a face: inside the box grown by the error on every side, and
     * not inside the box shrunk by it.
     */
    private Population near(EventSource source, Population parent, double[] error) {
        List<Range> grown = new java.util.ArrayList<>();
        List<Range> shrunk = new java.util.ArrayList<>();
        for (int d = 0; d < ranges.size(); d++) {
            Range r = ranges.get(d);
            double lo = r.min() + error[d];
            double hi = r.max() - error[d];
            grown.add(new Range(r.dimension(), r.min() - error[d], r.max() + error[d]));
            if (lo < hi) {
                shrunk.add(new Range(r.dimension(), lo, hi));
            }
        }
        Population outer = new RectangleGate(id, parentId, grown).evaluate(source, parent);
        return shrunk.size() < ranges.size() ? outer
                : outer.andNot(new RectangleGate(id, parentId, shrunk).evaluate(source, parent));
    }

    /** Membership on the double values as they are (see {@link #apply} for the exact membership). */
    private Population evaluate(EventSource source, Population parent) {
        int k = ranges.size();
        double[][] cols = new double[k][];
        double[] lo = new double[k];
        double[] hi = new double[k];
        for (int d = 0; d < k; d++) {
            Range r = ranges.get(d);
            cols[d] = source.doubleValues(r.dimension());
            lo[d] = r.min();
            hi[d] = r.max();
        }
        long[] pw = parent.words();
        long[] out = new long[pw.length];
        if (k <= 2) {
            // The common 1-D and 2-D cases without an inner loop or early exit: branch-free tests are faster on
            // data where membership is unpredictable. A 1-D gate repeats its own range as the second one.
            double[] c0 = cols[0], c1 = k == 2 ? cols[1] : cols[0];
            double lo0 = lo[0], hi0 = hi[0], lo1 = k == 2 ? lo[1] : lo[0], hi1 = k == 2 ? hi[1] : hi[0];
            for (int w = 0; w < pw.length; w++) {
                long bits = pw[w];
                long res = 0;
                int base = w << 6;
                while (bits != 0) {
                    int b = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    int i = base + b;
                    double x0 = c0[i], x1 = c1[i];
                    // Comparisons with NaN are false, so NaN values fall out.
                    boolean in = (x0 >= lo0) & (x0 < hi0) & (x1 >= lo1) & (x1 < hi1);
                    res |= (in ? 1L : 0L) << b;
                }
                out[w] = res;
            }
            return Population.ofWords(out, parent.size());
        }
        for (int w = 0; w < pw.length; w++) {
            long bits = pw[w];
            long res = 0;
            int base = w << 6;
            while (bits != 0) {
                int b = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int i = base + b;
                boolean in = true;
                for (int d = 0; d < k; d++) {
                    double x = cols[d][i];
                    // Written so that NaN fails: !(NaN >= lo) is true.
                    if (!(x >= lo[d] && x < hi[d])) {
                        in = false;
                        break;
                    }
                }
                if (in) {
                    res |= 1L << b;
                }
            }
            out[w] = res;
        }
        return Population.ofWords(out, parent.size());
    }

    /**
     * 1-D and 2-D boxes on float columns (see {@link EventSource#floatExact}), in one pass: the events surely
     * inside (inside the box shrunk by the error on every side) and the candidates for re-judging (inside the box
     * grown by it, not surely inside). Without an error both boxes are the box: the first is the membership, there
     * are no candidates. A word whose 64 events are all in the parent is tested by a branch-free loop; any other
     * visits its set bits only. Visiting set bits beat testing every event of a word and masking at every parent
     * density measured (5-70% of the events, interleaved as acquired): on a 1M-event file the default pipeline's
     * rectangle gates took 7.8-10.1 ms in all, against 14.0-14.4 with the branch-free loop for every word of 16 or
     * more events.
     */
    private Population[] applyFloat(EventSource source, Population parent, double[] error) {
        int k = ranges.size();
        Range r0 = ranges.get(0);
        Range r1 = ranges.get(k - 1);
        float[] c0 = source.values(r0.dimension());
        float[] c1 = k == 2 ? source.values(r1.dimension()) : c0;
        double e0 = error == null ? 0 : error[0];
        double e1 = error == null ? 0 : error[k - 1];
        // [lo, hi) as an unsigned range of order-preserving int keys: a subtraction and a shift per test, no
        // comparison, so the JIT emits no branch (see keyOf for -0 and NaN).
        int in0 = keyOf(floatBound(r0.min() + e0));
        long is0 = span(in0, keyOf(floatBound(r0.max() - e0)));
        int in1 = keyOf(floatBound(r1.min() + e1));
        long is1 = span(in1, keyOf(floatBound(r1.max() - e1)));
        int out0 = keyOf(floatBound(r0.min() - e0));
        long os0 = span(out0, keyOf(floatBound(r0.max() + e0)));
        int out1 = keyOf(floatBound(r1.min() - e1));
        long os1 = span(out1, keyOf(floatBound(r1.max() + e1)));
        int n = parent.size();
        long[] pw = parent.words();
        long[] inside = new long[pw.length];
        long[] near = new long[pw.length];
        if (k == 2) {
            box(c0, c1, pw, n, in0, is0, in1, is1, out0, os0, out1, os1, inside, near);
        } else {
            range(c0, pw, n, in0, is0, out0, os0, inside, near);
        }
        return new Population[] {Population.ofWords(inside, n), Population.ofWords(near, n)};
    }

    /**
     * The 2-D pass of {@link #applyFloat}. A full word is tested axis by axis ({@link #wholeWord} twice, masks
     * combined): one loop testing both axes kept too many constants live and took a third longer (CD4+ on its
     * 457,000 parent events, GatesCpuBench: 6.2 against 4.6 ms).
     */
    private static void box(float[] c0, float[] c1, long[] pw, int n, int in0, long is0, int in1, long is1,
                            int out0, long os0, int out1, long os1, long[] inside, long[] near) {
        long[] masks = new long[2];
        for (int w = 0; w < pw.length; w++) {
            long bits = pw[w];
            if (bits == 0) {
                continue;
            }
            int base = w << 6;
            long sure;
            long maybe;
            if (bits == -1L && base + 64 <= n) {
                wholeWord(c0, base, in0, is0, out0, os0, masks);
                sure = masks[0];
                maybe = masks[1];
                wholeWord(c1, base, in1, is1, out1, os1, masks);
                sure &= masks[0];
                maybe &= masks[1];
            } else {
                sure = 0;
                maybe = 0;
                while (bits != 0) {
                    int b = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    int k0 = keyOf(c0[base + b]);
                    int k1 = keyOf(c1[base + b]);
                    sure |= (in(k0, in0, is0) & in(k1, in1, is1)) << b;
                    maybe |= (in(k0, out0, os0) & in(k1, out1, os1)) << b;
                }
            }
            inside[w] = sure;
            near[w] = maybe & ~sure;
        }
    }

    /** The 1-D pass of {@link #applyFloat}. */
    private static void range(float[] c0, long[] pw, int n, int in0, long is0, int out0, long os0, long[] inside,
                              long[] near) {
        long[] masks = new long[2];
        for (int w = 0; w < pw.length; w++) {
            long bits = pw[w];
            if (bits == 0) {
                continue;
            }
            int base = w << 6;
            long sure = 0;
            long maybe = 0;
            if (bits == -1L && base + 64 <= n) {
                wholeWord(c0, base, in0, is0, out0, os0, masks);
                sure = masks[0];
                maybe = masks[1];
            } else {
                while (bits != 0) {
                    int b = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    int k0 = keyOf(c0[base + b]);
                    sure |= in(k0, in0, is0) << b;
                    maybe |= in(k0, out0, os0) << b;
                }
            }
            inside[w] = sure;
            near[w] = maybe & ~sure;
        }
    }

    /**
     * One axis over a full word's 64 events, branch-free: masks[0] = the events surely inside [in, in + inSpan),
     * masks[1] = those inside the grown range [out, out + outSpan).
     */
    private static void wholeWord(float[] c, int base, int in, long inSpan, int out, long outSpan, long[] masks) {
        long sure = 0;
        long maybe = 0;
        for (int b = 0; b < 64; b++) {
            int key = keyOf(c[base + b]);
            sure |= in(key, in, inSpan) << b;
            maybe |= in(key, out, outSpan) << b;
        }
        masks[0] = sure;
        masks[1] = maybe;
    }

    /** The number of keys in [lo, hi), unsigned; 0 when hi <= lo (nothing is inside). */
    private static long span(int lo, int hi) {
        return Integer.compareUnsigned(hi, lo) <= 0 ? 0 : (hi - lo) & 0xFFFFFFFFL;
    }

    /** 1 when the key lies in the unsigned range [lo, lo + span), else 0; branch-free. */
    private static long in(int key, int lo, long span) {
        return ((((key - lo) & 0xFFFFFFFFL) - span) >>> 63);
    }

    /**
     * The float's order-preserving unsigned key (integer order = numeric order, NaN outside every range whose
     * ends are numbers or infinities), with +0 mapped to -0's key: float comparison treats them as equal.
     */
    static int keyOf(float f) {
        int bits = Float.floatToRawIntBits(f);
        bits = bits == 0 ? 0x80000000 : bits;
        return bits ^ ((bits >> 31) | 0x80000000);
    }
}
