package org.tregflow.fcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Events as columns: one primitive {@code float[]} per channel, never an object per event (DESIGN §3).
 * Values are scale values unless the reader was asked for stored values.
 */
public final class EventTable {
    private final List<Channel> channels;
    private final float[][] columns;
    private final int eventCount;

    public EventTable(List<Channel> channels, float[][] columns, int eventCount) {
        if (channels.size() != columns.length) {
            throw new IllegalArgumentException(channels.size() + " channels but " + columns.length + " columns");
        }
        for (float[] c : columns) {
            // A null column is a channel that was not decoded (ReadOptions.channels).
            if (c != null && c.length < eventCount) {
                throw new IllegalArgumentException("column shorter than the event count " + eventCount);
            }
        }
        this.channels = List.copyOf(channels);
        this.columns = columns;
        this.eventCount = eventCount;
    }

    public int eventCount() {
        return eventCount;
    }

    public int channelCount() {
        return channels.size();
    }

    public List<Channel> channels() {
        return channels;
    }

    public Channel channel(int index) {
        return channels.get(index);
    }

    /**
     * The live column (no copy): callers must not write to it unless they own the table. May be longer than the
     * event count (see {@link ColumnAllocator}).
     *
     * @throws IllegalStateException if the channel was not decoded (the reader was told to skip it)
     */
    public float[] column(int index) {
        float[] c = columns[index];
        if (c == null) {
            throw new IllegalStateException("channel " + channels.get(index).name() + " was not decoded: the reader"
                    + " was asked for other channels only");
        }
        return c;
    }

    /** Whether the channel's values were decoded (false only when the reader was told to skip it). */
    public boolean decoded(int index) {
        return columns[index] != null;
    }

    /** Index of the channel whose $PnN equals {@code name} (case-insensitive), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public float[] column(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no channel named " + name + "; channels: " + names());
        }
        return column(i);
    }

    public List<String> names() {
        List<String> out = new ArrayList<>(channels.size());
        for (Channel c : channels) {
            out.add(c.name());
        }
        return out;
    }


    /** A table sharing these columns but described by other channel metadata (e.g. renamed). */
    public EventTable withChannels(List<Channel> newChannels) {
        Objects.requireNonNull(newChannels);
        return new EventTable(newChannels, columns, eventCount);
    }
}
