package org.tregflow.fcs;

import java.util.Objects;

/**
 * How {@link FcsReader} reads a file.
 *
 * @param stringency  LENIENT repairs what the mature readers repair (recording warnings); STRICT refuses
 * @param scaleValues true: return scale values ($PnE decoded, divided by $PnG, Time times $TIMESTEP), the values
 *                    gates and compensation use; false: the values as stored (integers as unsigned numbers)
 * @param columns     where the event columns come from (fresh arrays unless a batch lends its own)
 */
public record ReadOptions(Stringency stringency, boolean scaleValues, ColumnAllocator columns) {
    /** Lenient, scale values: what a pipeline wants. */
    public static final ReadOptions DEFAULT = new ReadOptions(Stringency.LENIENT, true);

    public ReadOptions {
        Objects.requireNonNull(stringency, "stringency");
        Objects.requireNonNull(columns, "columns");
    }

    public ReadOptions(Stringency stringency, boolean scaleValues) {
        this(stringency, scaleValues, ColumnAllocator.NEW);
    }

    public ReadOptions withStringency(Stringency s) {
        return new ReadOptions(s, scaleValues, columns);
    }

    public ReadOptions withScaleValues(boolean scale) {
        return new ReadOptions(stringency, scale, columns);
    }

    /** The same options, columns from {@code allocator}. */
    public ReadOptions withColumns(ColumnAllocator allocator) {
        return new ReadOptions(stringency, scaleValues, allocator);
    }

    boolean strict() {
        return stringency == Stringency.STRICT;
    }
}
