package org.tregflow.fcs;

import java.util.Objects;

/**
 * How {@link FcsReader} reads a file.
 *
 * @param stringency  LENIENT repairs what the mature readers repair (recording warnings); STRICT refuses
 * @param scaleValues true: return scale values ($PnE decoded, divided by $PnG, Time times $TIMESTEP), the values
 *                    gates and compensation use; false: the values as stored (integers as unsigned numbers)
 * @param columns     where the event columns come from (fresh arrays unless a batch lends its own)
 * @param channels    which channels to decode (null: all of them)
 */
public record ReadOptions(Stringency stringency, boolean scaleValues, ColumnAllocator columns,
                          ChannelSelection channels) {
    /** Lenient, scale values: what a pipeline wants. */
    public static final ReadOptions DEFAULT = new ReadOptions(Stringency.LENIENT, true);

    public ReadOptions {
        Objects.requireNonNull(stringency, "stringency");
        Objects.requireNonNull(columns, "columns");
    }

    public ReadOptions(Stringency stringency, boolean scaleValues) {
        this(stringency, scaleValues, ColumnAllocator.NEW, null);
    }

    public ReadOptions withStringency(Stringency s) {
        return new ReadOptions(s, scaleValues, columns, channels);
    }

    /** The same options, columns from {@code allocator}. */
    public ReadOptions withColumns(ColumnAllocator allocator) {
        return new ReadOptions(stringency, scaleValues, allocator, channels);
    }

    /** The same options, only the channels {@code selection} chooses decoded. */
    public ReadOptions withChannels(ChannelSelection selection) {
        return new ReadOptions(stringency, scaleValues, columns, selection);
    }

    boolean strict() {
        return stringency == Stringency.STRICT;
    }
}
