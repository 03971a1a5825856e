package org.tregflow.transform;

import java.util.Objects;

/**
 * A transform whose result is clamped to [boundMin, boundMax], as Gating-ML 2.0's optional {@code boundMin} and
 * {@code boundMax} attributes ask: values below map to boundMin, above to boundMax. NaN stays NaN (an undefined
 * value must not become a valid bound). The inverse is the inner inverse (bounds are not invertible).
 */
public record Bounded(Transform inner, double boundMin, double boundMax) implements Transform {
    public Bounded {
        Objects.requireNonNull(inner, "inner transform");
        if (Double.isNaN(boundMin) || Double.isNaN(boundMax) || boundMin > boundMax) {
            throw new IllegalArgumentException("bounded transform: boundMin (" + boundMin
                    + ") must not exceed boundMax (" + boundMax + ")");
        }
    }

    @Override
    public double apply(double x) {
        return clamp(inner.apply(x));
    }

    /** The bounds around the inner transform's exact form (clamping is exact). */
    @Override
    public Transform exact() {
        Transform e = inner.exact();
        return e == inner ? this : new Bounded(e, boundMin, boundMax);
    }

    /** Clamping never moves two values further apart. */
    @Override
    public double approximationError() {
        return inner.approximationError();
    }

    @Override
    public double inverse(double y) {
        return inner.inverse(y);
    }

    @Override
    public void apply(float[] src, float[] dst, int n) {
        inner.apply(src, dst, n);
        float lo = (float) boundMin;
        float hi = (float) boundMax;
        for (int i = 0; i < n; i++) {
            float v = dst[i];
            dst[i] = v < lo ? lo : (v > hi ? hi : v);
        }
    }

    @Override
    public void apply(float[] src, float[] dst, long[] events) {
        inner.apply(src, dst, events);
        float lo = (float) boundMin;
        float hi = (float) boundMax;
        for (int w = 0; w < events.length; w++) {
            long bits = events[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                float v = dst[i];
                dst[i] = v < lo ? lo : (v > hi ? hi : v);
            }
        }
    }

    private double clamp(double v) {
        return v < boundMin ? boundMin : (v > boundMax ? boundMax : v);
    }
}
