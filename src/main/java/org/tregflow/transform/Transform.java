package org.tregflow.transform;

/**
 * A scale transform as Gating-ML 2.0 defines them (§6): maps a scale value to a display/gating coordinate,
 * typically onto [0, 1] for values up to the top of scale T.
 */
public interface Transform {
    double apply(double x);

    double inverse(double y);

    /**
     * The exact form of this transform: itself, unless it is a fast approximation (then the form it approximates,
     * the one a Gating-ML file names).
     */
    default Transform exact() {
        return this;
    }

    /**
     * How far {@link #apply(double)} may lie from {@code exact().apply(x)} on this transform's scale, at most
     * (0 for exact transforms). The bulk method adds the rounding of its result to float.
     */
    default double approximationError() {
        return 0;
    }

    /** Transforms {@code n} values from {@code src} into {@code dst} (may be the same array). */
    default void apply(float[] src, float[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = (float) apply(src[i]);
        }
    }

    /**
     * Transforms only the values whose bits are set in {@code events} (bit {@code i % 64} of word {@code i / 64}),
     * each exactly as the bulk method above does, and leaves the others in {@code dst} as they are: a pipeline
     * transforms a marker only for the events its gates look at. Implementations that override the bulk method
     * override this one with the same arithmetic.
     */
    default void apply(float[] src, float[] dst, long[] events) {
        for (int w = 0; w < events.length; w++) {
            long bits = events[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                dst[i] = (float) apply(src[i]);
            }
        }
    }
}
