package org.tregflow.transform;

/**
 * Gating-ML 2.0 logicle (Parks, Roederer and Moore 2006), computed exactly as in Moore and Parks 2012: the
 * biexponential B(y) = a e^(b y) - c e^(-d y) + f (reflected about x1 = y(0) for y &lt; x1) is explicit, so the
 * inverse is closed form and the transform solves B(y) = x by Halley iterations to full double precision.
 * Near x1 the biexponential is evaluated by its Taylor series, because the two exponentials cancel there.
 *
 * <p>Parameters (Gating-ML names): T top of scale (&gt; 0), W linear width in decades (0 &lt;= W &lt;= M/2),
 * M decades (&gt; 0), A extra negative decades (-W &lt;= A &lt;= M - 2W). y(T) = 1, y(0) = (W + A) / (M + A).
 */
public final class Logicle implements Transform {
    private static final double LN10 = Math.log(10);
    private static final int TAYLOR_LENGTH = 16;

    private final double T;
    private final double W;
    private final double M;
    private final double A;
    private final double x1;
    private final double a;
    private final double b;
    private final double c;
    private final double d;
    private final double f;
    private final double xTaylor;
    private final double[] taylor = new double[TAYLOR_LENGTH];

    public Logicle(double T, double W, double M, double A) {
        this.T = Params.positive("logicle", "T", T);
        this.M = Params.positive("logicle", "M", M);
        this.W = Params.within("logicle", "W", W, 0, M / 2, "0 <= W <= M/2");
        this.A = Params.within("logicle", "A", A, -W, M - 2 * W, "-W <= A <= M - 2W");
        double w = W / (M + A);
        double x2 = A / (M + A);
        x1 = x2 + w;
        double x0 = x2 + 2 * w;
        b = (M + A) * LN10;
        d = solveD(b, w);
        // Moore-Parks 2012: choose a, c, f so that B(x1) = 0, B''(x1) = 0 (smooth linear zone) and B(1) = T.
        double cOverA = Math.exp(x0 * (b + d));
        double mfOverA = Math.exp(b * x1) - cOverA / Math.exp(d * x1);
        a = T / ((Math.exp(b) - mfOverA) - cOverA / Math.exp(d));
        c = cOverA * a;
        f = -mfOverA * a;
        xTaylor = x1 + w / 4;
        double pos = a * Math.exp(b * x1);
        double neg = -c / Math.exp(d * x1);
        double factorial = 1;
        for (int i = 0; i < TAYLOR_LENGTH; i++) {
            factorial *= i + 1;
            taylor[i] = (pos * Math.pow(b, i + 1) + neg * Math.pow(-d, i + 1)) / factorial;
        }
        taylor[1] = 0; // exactly zero by construction (B''(x1) = 0); rounding would only add noise
    }

    public double T() {
        return T;
    }

    public double W() {
        return W;
    }

    public double M() {
        return M;
    }

    public double A() {
        return A;
    }

    /** The display value of x = 0: (W + A) / (M + A). */
    public double zero() {
        return x1;
    }

    /**
     * Solves 2 (ln d - ln b) + w (b + d) = 0 for d in (0, b]. In u = ln d the function is convex and increasing,
     * so Newton's method started right of the root (u = ln b) converges monotonically without a bracket.
     */
    static double solveD(double b, double w) {
        if (w == 0) {
            return b;
        }
        double lnB = Math.log(b);
        double u = lnB;
        for (int i = 0; i < 200; i++) {
            double e = Math.exp(u);
            double g = 2 * (u - lnB) + w * (b + e);
            double step = g / (2 + w * e);
            u -= step;
            if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(u))) {
                break;
            }
        }
        return Math.exp(u);
    }

    @Override
    public double apply(double x) {
        if (x == 0) {
            return x1;
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x; // NaN stays NaN; +-infinity maps to +-infinity (the scale is unbounded)
        }
        boolean negative = x < 0;
        double v = Math.abs(x);
        double y = v < taylor[0] * (xTaylor - x1) ? x1 + v / taylor[0] : Math.log(v / a) / b;
        if (!(y >= x1)) {
            y = x1 + v / taylor[0];
        }
        y = solve(v, y, 4e-16);
        return negative ? 2 * x1 - y : y;
    }

    /**
     * y(v) for v &gt; 0 from a guess within about 1e-7 of it, as a table of increasing values predicts each entry
     * from the ones before ({@link FastLogicle}). Halley's method is cubic: from an error e a step leaves about
     * b^2 e^3 / 12 (B grows like e^(b y)), under 1e-19 for e &lt;= 1e-7 and b &lt;= 35 (M + A &lt;= 15), so a step
     * smaller than 1e-7 of y is the last one: one iteration instead of the three to six of {@link #apply}'s
     * start from log(v / a) / b and its final check step. The root is {@link #apply}'s to a few roundings.
     */
    double applyNear(double v, double guess) {
        return solve(v, Math.max(guess, x1), 1e-7);
    }

    /**
     * Solves B(y) = v for y &gt;= x1 (v &gt; 0) by Halley's method from the guess y (&gt;= x1), until a step is
     * at most {@code tolerance} of max(1, |y|).
     */
    private double solve(double v, double y, double tolerance) {
        for (int i = 0; i < 60; i++) {
            double ae = a * Math.exp(b * y);
            double ce = c / Math.exp(d * y);
            double residual = y < xTaylor ? series(y - x1) - v : (ae + f) - (ce + v);
            double abe = b * ae;
            double cde = d * ce;
            double slope = abe + cde;
            double curvature = b * abe - d * cde;
            double delta = residual / (slope * (1 - residual * curvature / (2 * slope * slope)));
            y -= delta;
            if (Math.abs(delta) <= tolerance * Math.max(1, Math.abs(y))) {
                break;
            }
        }
        return y;
    }

    @Override
    public double inverse(double y) {
        if (Double.isNaN(y)) {
            return y;
        }
        boolean negative = y < x1;
        double s = negative ? 2 * x1 - y : y;
        double x = s < xTaylor ? series(s - x1) : (a * Math.exp(b * s) + f) - c / Math.exp(d * s);
        return negative ? -x : x;
    }

    /** Derivative dx/dy of the inverse at y = x1: the slope of the linear zone, in data units per display unit. */
    double slopeAtZero() {
        return taylor[0];
    }

    /** Third Taylor coefficient B'''(x1)/6: how fast the linear zone bends. */
    double cubicAtZero() {
        return taylor[2];
    }

    private double series(double u) {
        double sum = taylor[TAYLOR_LENGTH - 1] * u;
        for (int i = TAYLOR_LENGTH - 2; i >= 2; i--) {
            sum = (sum + taylor[i]) * u;
        }
        return (sum * u + taylor[0]) * u;
    }

    /**
     * Estimates W from the data as Parks et al. 2006 suggest: with r the 5th percentile of the negative values
     * (nearest rank, counted from the most negative), W = (M - log10(T / |r|)) / 2, clipped to [0, M/2).
     * Without negative values W is 0. A column of at most {@link #W_SAMPLE} events is used whole (the W is exact);
     * a longer one through a bounded, deterministic sample (DESIGN section 3), see {@link #wReference}.
     */
    public static double estimateW(float[] values, int n, double T, double M) {
        Params.positive("logicle", "T", T);
        Params.positive("logicle", "M", M);
        double r = Math.abs(wReference(values, n));
        if (Double.isNaN(r)) {
            return 0;
        }
        double w = (M - Math.log10(T / r)) / 2;
        return Math.max(0, Math.min(w, Math.nextDown(M / 2)));
    }

    /** Events the W estimate reads at most (unless negatives are too rare in them, see {@link #wReference}). */
    static final int W_SAMPLE = 65_536;
    /** The sample's array, kept per thread: 256 KB per fluorescence channel and file the collector need not see. */
    private static final ThreadLocal<float[]> W_SAMPLES = ThreadLocal.withInitial(() -> new float[W_SAMPLE]);
    /** Consecutive events per block of the sample: whole cache lines, so the rest of the column is not read. */
    private static final int W_BLOCK = 1024;
    /**
     * Fewest negatives the sample must hold: the 5th percentile is then rank 100 or more. With the 25,000 or so
     * sampled negatives of a compensated channel, W differs from the whole column's by about 0.002-0.003
     * (standard deviation; worst of 72 bench-data channels 0.0084, which moved no population count by more
     * than 0.03%). Fewer negatives, and the whole column is used.
     */
    static final int W_MIN_NEGATIVES = 2_000;

    /**
     * The reference value of the W estimate: {@link #fifthPercentileOfNegatives} of the column, or, for a column
     * longer than {@link #W_SAMPLE}, of 64 blocks of 1024 consecutive events spread evenly over the acquisition
     * (so a drift over time is sampled as a whole). The full pass over a 1,000,000-event column cost about 1.4 ms
     * per channel, nine fluorescence channels per file; the sample reads 1/16 of it. A W moves a logicle's
     * linear zone only: a relative error e in r moves W by log10(1 + e) / 2.
     */
    static double wReference(float[] values, int n) {
        if (n <= W_SAMPLE) {
            return fifthPercentileOfNegatives(values, n);
        }
        int blocks = W_SAMPLE / W_BLOCK;
        float[] sample = W_SAMPLES.get();
        int negatives = 0;
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) b * (n - W_BLOCK) / (blocks - 1));
            int to = b * W_BLOCK;
            for (int i = 0; i < W_BLOCK; i++) {
                float v = values[from + i];
                sample[to + i] = v;
                negatives += isNegative(v);
            }
        }
        if (negatives < W_MIN_NEGATIVES) {
            return fifthPercentileOfNegatives(values, n);
        }
        return fifthPercentileOfNegatives(sample, W_SAMPLE);
    }

    /** Values read for the pivot of {@link #fifthPercentileOfNegatives}. */
    private static final int PIVOT_SAMPLE = 4096;

    /**
     * The value of rank ceil(0.05 m) - 1 among the m negative values (NaN when none): the reference the W
     * estimate is built on. Found in one pass, without a histogram: a systematic sample of the column gives a
     * pivot safely above the wanted value (its sample rank plus four standard deviations of a binomial count),
     * then the pass counts the negatives and keeps only the values at or below the pivot, a few percent of the
     * column, which quickselect finishes. When the pivot turns out too low (fewer kept values than the rank; the
     * sample misled), the plain route answers: the value is exact either way. -0 and NaN are not "< 0" and never
     * at or below a negative pivot, so they are left out as the plain route leaves them out.
     */
    static double fifthPercentileOfNegatives(float[] values, int n) {
        int stride = Math.max(1, n / PIVOT_SAMPLE);
        float[] sample = new float[(n + stride - 1) / stride];
        int sampled = 0;
        for (int i = 0; i < n; i += stride) {
            if (values[i] < 0) {
                sample[sampled++] = values[i];
            }
        }
        if (sampled == 0) {
            return fifthPercentileOfNegativesBySelection(values, n);
        }
        double expected = 0.05 * sampled;
        int pivotRank = (int) Math.min(sampled - 1, Math.ceil(expected + 4 * Math.sqrt(expected) + 4));
        float pivot = Selection.select(sample, sampled, pivotRank);
        // The kept values: about (pivotRank + 1) / sampled of the negatives; the array grows if need be. The
        // branch on "kept" is rarely taken, so it predicts well; the negatives are counted without one.
        float[] kept = new float[(int) Math.min(n, 16 + 2L * (pivotRank + 1) * stride)];
        int k = 0;
        int negatives = 0;
        for (int i = 0; i < n; i++) {
            float v = values[i];
            negatives += isNegative(v);
            if (v <= pivot) {
                if (k == kept.length) {
                    kept = java.util.Arrays.copyOf(kept, (int) Math.min(n, 2L * k));
                }
                kept[k++] = v;
            }
        }
        int rank = Math.max(0, (int) Math.ceil(0.05 * negatives) - 1);
        if (k <= rank) {
            return fifthPercentileOfNegativesBySelection(values, n);
        }
        // Every negative above the pivot ranks above all kept values, so rank r of the kept is rank r overall.
        return Selection.select(kept, k, rank);
    }

    /** The raw bits of the floats {@code < 0} (not -0, not NaN) are the ints in [MIN_VALUE + 1, bits of -Inf]. */
    private static final int NEGATIVE_FROM = Integer.MIN_VALUE + 1;
    private static final int NEGATIVE_SPAN = Float.floatToRawIntBits(Float.NEGATIVE_INFINITY) - NEGATIVE_FROM + 1;

    /**
     * 1 when {@code from <= bits < from + span} (span > 0, no wrap-around), else 0, without a branch: signs and
     * magnitudes are random along a column, so a branch would mispredict often.
     */
    private static int inRange(int bits, int from, int span) {
        int x = bits - from;
        return ((x - span) & ~x) >>> 31;
    }

    /** 1 when {@code v < 0}, else 0, as the W estimate's pass counts negatives. */
    static int isNegative(float v) {
        return inRange(Float.floatToRawIntBits(v), NEGATIVE_FROM, NEGATIVE_SPAN);
    }

    /** The plain form of {@link #fifthPercentileOfNegatives}: copy the negatives, quickselect. */
    static double fifthPercentileOfNegativesBySelection(float[] values, int n) {
        int negatives = 0;
        for (int i = 0; i < n; i++) {
            if (values[i] < 0) {
                negatives++;
            }
        }
        if (negatives == 0) {
            return Double.NaN;
        }
        float[] negative = new float[negatives];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (values[i] < 0) {
                negative[k++] = values[i];
            }
        }
        int rank = (int) Math.ceil(0.05 * negatives) - 1;
        return Selection.select(negative, Math.max(0, rank));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Logicle l && l.T == T && l.W == W && l.M == M && l.A == A;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(T) * 31 * 31 * 31 + Double.hashCode(W) * 31 * 31 + Double.hashCode(M) * 31
                + Double.hashCode(A);
    }

    @Override
    public String toString() {
        return "Logicle[T=" + T + ", W=" + W + ", M=" + M + ", A=" + A + "]";
    }
}
