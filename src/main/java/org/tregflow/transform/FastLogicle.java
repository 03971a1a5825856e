package org.tregflow.transform;

/**
 * Logicle for bulk use: a table of exact {@link Logicle} values, indexed directly by the bit pattern of the
 * float |x|, with linear interpolation inside each bin. No search and no root finding per value.
 *
 * <p>Why the float bits: exponent plus the top 8 mantissa bits split every octave of |x| into 256 bins of equal
 * relative width, which is exactly the resolution a logarithmic scale needs, and computing the bin is one shift.
 * Logicle is odd about x = 0 around y0 = y(0), so one table over |x| serves both signs:
 * y(x) = y0 + sign(x) (y(|x|) - y0). Below a small |x| (where the transform is linear to better than 1e-9) the
 * slope at zero is used; above 4096 T (far off scale) and for NaN the exact form is called.
 *
 * <p><b>Accuracy bound:</b> within 1e-6 of the exact form on the 0-1 scale, for every x, including negatives down
 * to the bottom of the scale and beyond, and values above T (linear interpolation in a bin of relative width
 * 2^-8 on a curve whose log-regime curvature is 1/(b x^2), b = (M + A) ln 10, errs by at most 2^-16 / (8 b),
 * under 4e-7 for M + A &gt;= 2; below that 2^-10 bins are used; the transition zone is checked by
 * {@code FastLogicleTest} on dense sweeps: worst seen 4.4e-7). The bulk float method adds float rounding of the
 * result (&lt; 6e-8). The inverse is the exact, explicit one.
 */
public final class FastLogicle implements Transform {
    /** Cubic term bound in the linear zone: |B'''/6| x^3 / B'^4 below this is invisible on the 0-1 scale. */
    private static final double LINEAR_ZONE_ERROR = 1e-10;
    /** See the class comment; {@code FastLogicleTest} holds the form to it. */
    public static final double ACCURACY = 1e-6;

    private static final java.util.Map<Logicle, FastLogicle> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    private final Logicle exact;
    /** 23 minus the mantissa bits kept: 8 bits (256 bins per octave), 10 when M + A &lt; 2 (flatter log zone). */
    private final int shift;
    private final double zero;
    private final double slopeAtZero;
    private final int lowBin;
    private final int binCount;
    /**
     * Bins built with the table: up to the octave above 4 T. Values above it come from far off-scale events only
     * (beyond 4 $PnR), so the 9 octaves there, a fifth of the table's cost (0.46-0.51 -> 0.39-0.41 ms a table,
     * `AutoCpuBench fastLogicleTable`; a table per fluorescence channel and file), are built the first time such a
     * value comes ({@link #complete}).
     */
    private final int builtFirst;
    /**
     * Per bin: the intercept a of the chord through the exact values at the bin's edges, as heights above y(0),
     * then -a. For x &lt; 0 the height is -(a + b |x|) = -a + b x exactly (negation is exact), so a value is
     * y0 + (intercepts[2 bin + sign] + b x), with no |x| or copySign: the loop over a population's events, the
     * pipeline's, runs 11% faster so on Java 17 and 5% on 25 (2.30 -> 2.04 and 2.09 -> 1.99 ms for 700,000 of
     * 1,000,000 values). The loop over a whole column keeps |x| and copySign, which Java 25's JIT vectorises in part
     * (1.30 against 1.87 ms per million values; Java 17 2.25 against 2.14). {@code FastLogicleTest} holds both
     * forms to the same bits. The second intercept makes a table half as large again (198 KB against 132 for
     * T = 262144, W = 0.5, M = 4.5).
     */
    private final double[] intercepts;
    /** Per bin: the chord's slope b. */
    private final double[] slopes;
    /** Whether all {@code binCount} chords are built; those past {@code builtFirst} are read only after it is set. */
    private volatile boolean complete;
    /** The last three edges and their exact values where the building stopped (see {@link #build}). */
    private final double[] lastEdges = new double[3];
    private final double[] lastValues = new double[3];

    public FastLogicle(double T, double W, double M, double A) {
        this(new Logicle(T, W, M, A));
    }

    /**
     * A shared instance for these parameters: building the table costs about 0.4 ms and 200 KB, and a
     * batch uses the same few parameter sets for every file and channel.
     */
    public static FastLogicle of(double T, double W, double M, double A) {
        Logicle key = new Logicle(T, W, M, A);
        FastLogicle cached = SHARED.get(key);
        if (cached != null) {
            return cached;
        }
        if (SHARED.size() >= 64) {
            SHARED.clear(); // many distinct parameter sets (per-file W estimates): rebuilding is cheap
        }
        return SHARED.computeIfAbsent(key, FastLogicle::new);
    }

    public FastLogicle(Logicle exact) {
        this.exact = exact;
        this.shift = 23 - (exact.M() + exact.A() >= 2 ? 8 : 10);
        this.zero = exact.zero();
        this.slopeAtZero = 1 / exact.slopeAtZero();
        double t0 = exact.slopeAtZero();
        double t2 = Math.abs(exact.cubicAtZero());
        double linearLimit = t2 == 0 ? exact.T() : Math.cbrt(LINEAR_ZONE_ERROR * Math.pow(t0, 4) / t2);
        int lowExponent = Math.max(-60, Math.min(Math.getExponent(linearLimit), Math.getExponent(exact.T()) - 1));
        int highExponent = Math.min(127, Math.getExponent(exact.T()) + 12);
        lowBin = Float.floatToRawIntBits(Math.scalb(1f, lowExponent)) >>> shift;
        int highBin = Float.floatToRawIntBits(Math.scalb(1f, highExponent)) >>> shift;
        binCount = highBin - lowBin;
        // At least 4 octaves above lowExponent (at most T's exponent - 1): the first three bins and more.
        int firstHigh = Math.min(highExponent, Math.getExponent(exact.T()) + 3);
        builtFirst = (Float.floatToRawIntBits(Math.scalb(1f, firstHigh)) >>> shift) - lowBin;
        intercepts = new double[2 * binCount];
        slopes = new double[binCount];
        for (int k = 0; k < 3; k++) {
            lastEdges[k] = edge(k);
            lastValues[k] = exact.apply(lastEdges[k]);
        }
        setChord(0, lastEdges[0], lastValues[0], lastEdges[1], lastValues[1]);
        setChord(1, lastEdges[1], lastValues[1], lastEdges[2], lastValues[2]);
        build(2, builtFirst);
        complete = builtFirst == binCount;
    }

    /**
     * Chords {@code from} to {@code to}, continuing from {@link #lastEdges}. Each edge's exact value starts from a
     * prediction by the quadratic through the three edges before it: bins are 2^-8 of an octave wide, so the
     * prediction errs by about 1e-8 and one Halley step finishes (Logicle.applyNear). The value then depends on
     * the prediction in its last bits, so the bins are always built in this one order, whenever they are built:
     * a table is the same bits however its values came.
     */
    private void build(int from, int to) {
        double v0 = lastEdges[0];
        double v1 = lastEdges[1];
        double v2 = lastEdges[2];
        double y0 = lastValues[0];
        double y1 = lastValues[1];
        double y2 = lastValues[2];
        for (int i = from; i < to; i++) {
            double v = edge(i + 1);
            double guess = y0 * (v - v1) * (v - v2) / ((v0 - v1) * (v0 - v2))
                    + y1 * (v - v0) * (v - v2) / ((v1 - v0) * (v1 - v2))
                    + y2 * (v - v0) * (v - v1) / ((v2 - v0) * (v2 - v1));
            double y = exact.applyNear(v, guess);
            setChord(i, v2, y2, v, y);
            v0 = v1;
            y0 = y1;
            v1 = v2;
            y1 = y2;
            v2 = v;
            y2 = y;
        }
        lastEdges[0] = v0;
        lastEdges[1] = v1;
        lastEdges[2] = v2;
        lastValues[0] = y0;
        lastValues[1] = y1;
        lastValues[2] = y2;
    }

    /** Builds the bins past {@code builtFirst}, once (a table is shared by the threads of a batch). */
    private synchronized void complete() {
        if (!complete) {
            build(builtFirst, binCount);
            complete = true;
        }
    }

    /** Bin i's chord through the exact values at its edges, as heights above y(0). */
    private void setChord(int i, double left, double yLeft, double right, double yRight) {
        double hLeft = yLeft - zero;
        double slope = (yRight - zero - hLeft) / (right - left);
        double intercept = hLeft - slope * left;
        intercepts[2 * i] = intercept;
        intercepts[2 * i + 1] = -intercept;
        slopes[i] = slope;
    }

    private double edge(int bin) {
        return Float.intBitsToFloat((lowBin + bin) << shift);
    }

    @Override
    public Logicle exact() {
        return exact;
    }

    /** The accuracy bound above, 1e-6 on the 0-1 scale (worst seen 4.4e-7). */
    @Override
    public double approximationError() {
        return ACCURACY;
    }

    @Override
    public double apply(double x) {
        double v = Math.abs(x);
        int bin = (Float.floatToRawIntBits((float) v) >>> shift) - lowBin;
        if (Integer.compareUnsigned(bin, builtFirst) < 0) {
            return zero + (intercepts[2 * bin + (x < 0 ? 1 : 0)] + slopes[bin] * x);
        }
        return zero + Math.copySign(offTable(v, bin), x);
    }

    @Override
    public void apply(float[] src, float[] dst, int n) {
        final double[] a = intercepts;
        final double[] b = slopes;
        final int low = lowBin;
        final int count = builtFirst;
        final int sh = shift;
        final double y0 = zero;
        for (int i = 0; i < n; i++) {
            dst[i] = mirrored(src[i], a, b, low, count, sh, y0);
        }
    }

    @Override
    public void apply(float[] src, float[] dst, long[] events) {
        final double[] a = intercepts;
        final double[] b = slopes;
        final int low = lowBin;
        final int count = builtFirst;
        final int sh = shift;
        final double y0 = zero;
        for (int w = 0; w < events.length; w++) {
            long bits = events[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                dst[i] = one(src[i], a, b, low, count, sh, y0);
            }
        }
    }

    /**
     * One value of the loop over a population's events; the table's fields come in as locals the loops hold in
     * registers. The bin comes from the bits of |x| (the sign bit masked off), the intercept's sign from the sign
     * bit.
     */
    private float one(float x, double[] a, double[] b, int low, int count, int sh, double y0) {
        int bits = Float.floatToRawIntBits(x);
        int bin = ((bits & 0x7fffffff) >>> sh) - low;
        if (Integer.compareUnsigned(bin, count) < 0) {
            return (float) (y0 + (a[2 * bin + (bits >>> 31)] + b[bin] * x));
        }
        return (float) (y0 + Math.copySign(offTable(Math.abs(x), bin), x));
    }

    /**
     * The table's height y(v) - y(0) at v &gt;= 0: the value of x is y(0) + copySign(height(|x|), x), the form to
     * which {@code FastLogicleTest} holds every method, bit for bit.
     */
    double height(double v) {
        int bin = (Float.floatToRawIntBits((float) v) >>> shift) - lowBin;
        return Integer.compareUnsigned(bin, builtFirst) < 0 ? intercepts[2 * bin] + slopes[bin] * v : offTable(v, bin);
    }

    /** One value of the loop over a whole column, as y0 + copySign(height(|x|), x) (see {@link #intercepts}). */
    private float mirrored(float x, double[] a, double[] b, int low, int count, int sh, double y0) {
        float v = Math.abs(x);
        int bin = (Float.floatToRawIntBits(v) >>> sh) - low;
        double h;
        if (Integer.compareUnsigned(bin, count) < 0) {
            h = a[2 * bin] + b[bin] * v;
        } else {
            h = offTable(v, bin);
        }
        return (float) (y0 + Math.copySign(h, x));
    }

    /** A value outside the bins built first: the linear zone, the bins above 4 T, or the exact form. */
    private double offTable(double v, int bin) {
        if (bin < 0) {
            return v * slopeAtZero;
        }
        if (bin < binCount) {
            if (!complete) {
                complete();
            }
            return intercepts[2 * bin] + slopes[bin] * v;
        }
        return exact.apply(v) - zero;
    }

    @Override
    public double inverse(double y) {
        return exact.inverse(y);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FastLogicle f && f.exact.equals(exact);
    }

    @Override
    public int hashCode() {
        return exact.hashCode() + 1;
    }

    @Override
    public String toString() {
        return "FastLogicle[T=" + exact.T() + ", W=" + exact.W() + ", M=" + exact.M() + ", A=" + exact.A() + "]";
    }
}
