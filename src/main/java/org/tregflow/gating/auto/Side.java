package org.tregflow.gating.auto;

/** Which side of a 1-D threshold a data-driven gate keeps. */
public enum Side {
    /** Values at or above the threshold (min <= x, Gating-ML rectangle semantics). */
    POSITIVE,
    /** Values below the threshold (x < max). */
    NEGATIVE
}
