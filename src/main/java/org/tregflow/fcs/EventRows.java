package org.tregflow.fcs;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The events of a data set read again one at a time from its file: every channel's scale value of one event,
 * decoded and scaled by the code that filled the columns, so it is the value the column had. The pipeline reads the
 * few events near a gate boundary here once their columns hold compensated values in place of the stored ones.
 * The file is opened at the first event asked for and stays open until {@link #close}; an event asked for after
 * that opens and closes it for itself. Whole-byte binary layouts only (not bit-packed, not ASCII: their events
 * cannot be found without reading all before them).
 */
public final class EventRows implements Closeable {
    private final ByteSource source;
    private final long dataStart;
    private final int bytesPerEvent;
    private final int events;
    private final DataLayout layout;
    private final long[] masks;
    private final Scaling scaling;
    private final ByteBuffer bytes;
    /** The last event read, one value per channel (decoded in place, as the columns are). */
    private final float[][] row;
    /** The decoder's per-channel "a value was masked" flags: the columns' reading reported them already. */
    private final boolean[] masked;
    private int current = -1;
    private ByteSource open;
    private boolean closed;

    EventRows(ByteSource source, long dataStart, int events, DataLayout layout, long[] masks, Scaling scaling) {
        this.source = source;
        this.dataStart = dataStart;
        this.bytesPerEvent = (int) (layout.bitsPerEvent() / 8);
        this.events = events;
        this.layout = layout;
        this.masks = masks.clone();
        this.scaling = scaling;
        this.bytes = ByteBuffer.allocate(bytesPerEvent);
        this.row = new float[layout.channelCount()][1];
        this.masked = new boolean[row.length];
    }

    /** Whether events of this layout can be read one at a time. */
    static boolean supports(DataLayout layout) {
        return !layout.packed() && layout.types()[0] != 'A' && layout.bitsPerEvent() % 8 == 0;
    }

    public int eventCount() {
        return events;
    }

    /**
     * The scale value of channel {@code channel} (index in the data set's channels) at event {@code event}.
     *
     * @throws UncheckedIOException when the file can no longer be read
     */
    public synchronized float value(int channel, int event) {
        if (event != current) {
            if (event < 0 || event >= events) {
                throw new IndexOutOfBoundsException("event " + event + " of " + events);
            }
            long at = dataStart + (long) event * bytesPerEvent;
            bytes.clear();
            try {
                if (closed) {
                    try (ByteSource once = source.reopen()) {
                        once.read(at, bytes);
                    }
                } else {
                    if (open == null) {
                        open = source.reopen();
                    }
                    open.read(at, bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading event " + event + " again from the file: " + e.getMessage(), e);
            }
            DataDecoder.decodeBinary(bytes.flip(), layout, 0, 1, row, masks, masked);
            if (scaling != null) {
                scaling.apply(row, 1);
            }
            current = event;
        }
        return row[channel][0];
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (open != null) {
            open.close();
        }
        open = null;
    }
}
