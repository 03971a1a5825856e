package org.tregflow.fcs;

import java.util.Objects;

/**
 * How {@link FcsReader} reads a file.
 *
 * @param stringency  LENIENT repairs what the mature readers repair (recording warnings); STRICT refuses
 * @param scaleValues true: return scale values ($PnE decoded, divided by $PnG, Time times $TIMESTEP), the values
 *                    gates and compensation use; false: the values as stored (integers as unsigned numbers)
 */
public record ReadOptions(Stringency stringency, boolean scaleValues) {
    /** Lenient, scale values: what a pipeline wants. */
    public static final ReadOptions DEFAULT = new ReadOptions(Stringency.LENIENT, true);

    public ReadOptions {
        Objects.requireNonNull(stringency, "stringency");
    }

    public ReadOptions withStringency(Stringency s) {
        return new ReadOptions(s, scaleValues);
    }

    public ReadOptions withScaleValues(boolean scale) {
        return new ReadOptions(stringency, scale);
    }

    boolean strict() {
        return stringency == Stringency.STRICT;
    }
}
