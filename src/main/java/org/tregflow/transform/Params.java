package org.tregflow.transform;

/** Parameter checks shared by the transforms, so every message names the Gating-ML parameter and its allowed range. */
final class Params {
    private Params() {
    }

    static double positive(String transform, String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(transform + ": parameter " + name + " must be a finite number > 0, got " + v);
        }
        return v;
    }

    static double within(String transform, String name, double v, double lo, double hi, String range) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(transform + ": parameter " + name + " must satisfy " + range + ", got " + v);
        }
        return v;
    }
}
