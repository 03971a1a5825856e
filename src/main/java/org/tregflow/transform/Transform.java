package org.tregflow.transform;

/**
 * A scale transform as Gating-ML 2.0 defines them (§6): maps a scale value to a display/gating coordinate,
 * typically onto [0, 1] for values up to the top of scale T.
 */
public interface Transform {
    double apply(double x);

    double inverse(double y);

    /** Transforms {@code n} values from {@code src} into {@code dst} (may be the same array). */
    default void apply(float[] src, float[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = (float) apply(src[i]);
        }
    }
}
