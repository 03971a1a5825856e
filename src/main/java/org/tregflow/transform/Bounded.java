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

    private double clamp(double v) {
        return v < boundMin ? boundMin : (v > boundMax ? boundMax : v);
    }
}
