package org.tregflow.fcs;

/** How the reader treats files that depart from the standard (like htsjdk's ValidationStringency). */
public enum Stringency {
    /** Refuse anything off-standard. */
    STRICT,
    /** Repair what the mature readers repair, recording each repair as a warning. */
    LENIENT
}
