package org.tregflow.fcs;

import java.util.List;

/**
 * Stored values to scale values, per channel: log channels f2 * 10^(f1 * v / $PnR); linear ones v / $PnG; the Time
 * channel v * $TIMESTEP. The same per-value arithmetic serves whole columns and single events
 * ({@link EventRows}), so an event read again later has the very value it had in its column.
 */
final class Scaling {
    private final List<Channel> channels;
    private final double timestep;
    /** Per channel, for integer log channels: the scale value of each stored integer (null otherwise). */
    private final float[][] logTables;

    Scaling(List<Channel> channels, double timestep) {
        this.channels = List.copyOf(channels);
        this.timestep = timestep;
        this.logTables = new float[channels.size()][];
        for (int c = 0; c < channels.size(); c++) {
            Channel ch = channels.get(c);
            if (ch.logDecades() > 0) {
                logTables[c] = logTable(ch, ch.logDecades() / ch.range(), ch.logOffset());
            }
        }
    }

    /** Scales the first {@code events} values of every column in place (null columns skipped). */
    void apply(float[][] cols, int events) {
        for (int c = 0; c < cols.length; c++) {
            Channel ch = channels.get(c);
            float[] col = cols[c];
            if (col == null) {
                continue;
            }
            if (ch.logDecades() > 0) {
                double k = ch.logDecades() / ch.range();
                double f2 = ch.logOffset();
                float[] table = logTables[c];
                if (table != null) {
                    // Integer channels hold few distinct values (1024 for 10 bits): one pow per value, not per event.
                    int top = table.length - 1;
                    for (int e = 0; e < events; e++) {
                        float v = col[e];
                        int i = (int) v;
                        col[e] = i == v && i >= 0 && i <= top ? table[i] : (float) (f2 * Math.pow(10, k * v));
                    }
                    continue;
                }
                for (int e = 0; e < events; e++) {
                    col[e] = (float) (f2 * Math.pow(10, k * col[e]));
                }
            } else if (ch.isTime() && timestep != 1) {
                for (int e = 0; e < events; e++) {
                    col[e] = (float) (col[e] * timestep);
                }
            } else if (ch.gain() != 1) {
                double g = ch.gain();
                for (int e = 0; e < events; e++) {
                    col[e] = (float) (col[e] / g);
                }
            }
        }
    }

    private static float[] logTable(Channel ch, double k, double f2) {
        if (ch.dataType() != 'I' || ch.bits() > 16) {
            return null;
        }
        // Values were masked to the bits $PnR needs, so the table need not be larger than that.
        long r = (long) Math.ceil(ch.range());
        int needed = 64 - Long.numberOfLeadingZeros(Math.max(1, r - 1));
        float[] t = new float[1 << Math.min(ch.bits(), needed)];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) (f2 * Math.pow(10, k * i));
        }
        return t;
    }
}
