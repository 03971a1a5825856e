package org.tregflow.transform;

/**
 * Gating-ML 2.0 hyperlog (Bagwell 2005): the inverse EH(y) = a e^(b y) + c y - f for y &gt;= x1, reflected
 * (EH(y) = -EH(2 x1 - y)) below x1, is explicit; the transform solves EH(y) = x by Halley iterations.
 * Near x1 EH is evaluated by its Taylor series to avoid the cancellation of its terms.
 *
 * <p>Parameters: T top of scale (&gt; 0), W linear width in decades (0 &lt; W &lt;= M/2), M decades (&gt; 0),
 * A extra negative decades (-W &lt;= A &lt;= M - 2W). EH(1) = T and EH(x1) = 0 with x1 = (W + A) / (M + A).
 */
public final class Hyperlog implements Transform {
    private static final double LN10 = Math.log(10);
    private static final int TAYLOR_LENGTH = 16;

    private final double T;
    private final double W;
    private final double M;
    private final double A;
    private final double w;
    private final double x1;
    private final double a;
    private final double b;
    private final double c;
    private final double f;
    private final double xTaylor;
    private final double valueAtX0;
    private final double[] taylor = new double[TAYLOR_LENGTH];

    public Hyperlog(double T, double W, double M, double A) {
        this.T = Params.positive("hyperlog", "T", T);
        this.M = Params.positive("hyperlog", "M", M);
        if (!(W > 0 && W <= M / 2)) {
            throw new IllegalArgumentException("hyperlog: parameter W must satisfy 0 < W <= M/2, got " + W);
        }
        this.W = W;
        this.A = Params.within("hyperlog", "A", A, -W, M - 2 * W, "-W <= A <= M - 2W");
        w = W / (M + A);
        double x2 = A / (M + A);
        x1 = x2 + w;
        double x0 = x2 + 2 * w;
        b = (M + A) * LN10;
        // EH(x1) = 0, EH'(x1) set by the linear zone width (c/a = e^(b x0) / w), EH(1) = T.
        double cOverA = Math.exp(b * x0) / w;
        double fOverA = Math.exp(b * x1) + cOverA * x1;
        a = T / ((Math.exp(b) + cOverA) - fOverA);
        c = cOverA * a;
        f = fOverA * a;
        xTaylor = x1 + w / 4;
        double coefficient = a * Math.exp(b * x1);
        for (int i = 0; i < TAYLOR_LENGTH; i++) {
            coefficient *= b / (i + 1);
            taylor[i] = coefficient;
        }
        taylor[0] += c;
        valueAtX0 = inverse(x0);
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

    @Override
    public double apply(double x) {
        if (x == 0) {
            return x1;
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        boolean negative = x < 0;
        double v = Math.abs(x);
        // Start on the linear zone's chord or on the log asymptote, whichever regime v is in.
        double y = v < valueAtX0 ? x1 + v * w / valueAtX0 : Math.log(v / a) / b;
        for (int i = 0; i < 60; i++) {
            double ae = a * Math.exp(b * y);
            double residual = y < xTaylor ? series(y - x1) - v : (ae + c * y) - (f + v);
            double slope = b * ae + c;
            double curvature = b * b * ae;
            double delta = residual / (slope * (1 - residual * curvature / (2 * slope * slope)));
            y -= delta;
            if (Math.abs(delta) <= 4e-16 * Math.max(1, Math.abs(y))) {
                break;
            }
        }
        return negative ? 2 * x1 - y : y;
    }

    @Override
    public double inverse(double y) {
        if (Double.isNaN(y)) {
            return y;
        }
        boolean negative = y < x1;
        double s = negative ? 2 * x1 - y : y;
        double x = s < xTaylor ? series(s - x1) : (a * Math.exp(b * s) + c * s) - f;
        return negative ? -x : x;
    }

    private double series(double u) {
        double sum = 0;
        for (int i = TAYLOR_LENGTH - 1; i >= 0; i--) {
            sum = (sum + taylor[i]) * u;
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hyperlog h && h.T == T && h.W == W && h.M == M && h.A == A;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(T, W, M, A);
    }

    @Override
    public String toString() {
        return "Hyperlog[T=" + T + ", W=" + W + ", M=" + M + ", A=" + A + "]";
    }
}
