package org.tregflow.fcs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

/**
 * Decodes a DATA segment into one {@code float[]} per channel, values as stored (integers unsigned, masked to the
 * bits their $PnR needs). The common layouts (all 32-bit float, all 16-bit or 32-bit integer, all 64-bit double, in
 * either plain byte order) get their own loops over typed NIO views; everything else (mixed widths, mixed legacy
 * byte orders, odd bit widths, ASCII) goes through a general loop that is slower but exact.
 */
final class DataDecoder {
    private DataDecoder() {
    }

    /**
     * Decodes {@code events} events from {@code data} into the columns from event {@code first} on (a chunk of the
     * segment; a packed layout only as a whole, {@code first} 0).
     *
     * @param masks  per channel: AND-mask for integer values (-1L = none)
     * @param masked per channel, set (never cleared) when an integer value had bits above its mask (so masking
     *               changed it): a chunk after chunk keeps what the ones before found
     */
    static void decodeBinary(ByteBuffer data, DataLayout layout, int first, int events, float[][] cols, long[] masks,
                             boolean[] masked, Staging staging) {
        if (events == 0) {
            return;
        }
        ByteOrder order = layout.littleEndian() ? ByteOrder.LITTLE_ENDIAN
                : layout.bigEndian() ? ByteOrder.BIG_ENDIAN : null;
        ByteBuffer buf = data.duplicate();
        if (order != null && !layout.packed()) {
            buf.order(order);
            if (layout.allOf('F', 32)) {
                floats(buf.asFloatBuffer(), first, events, cols, staging);
                return;
            }
            if (layout.allOf('D', 64)) {
                doubles(buf.asDoubleBuffer(), first, events, cols, staging);
                return;
            }
            if (layout.allOf('I', 16)) {
                shorts(buf.asShortBuffer(), first, events, cols, masks, masked, staging);
                return;
            }
            if (layout.allOf('I', 32)) {
                ints(buf.asIntBuffer(), first, events, cols, masks, masked, staging);
                return;
            }
        }
        if (layout.packed()) {
            if (first != 0) {
                throw new IllegalArgumentException("a packed DATA segment is decoded whole");
            }
            packed(buf, layout, events, cols, masks, masked);
        } else {
            general(buf, layout, first, events, cols, masks, masked);
        }
    }

    /**
     * The typed decoders' staging arrays, kept from one chunk of a segment to the next (a 64 MB segment is read
     * in 64 chunks; a new array per chunk was 8 MB of garbage per file).
     */
    static final class Staging {
        private float[] floats = new float[0];
        private double[] doubles = new double[0];
        private short[] shorts = new short[0];
        private int[] ints = new int[0];

        float[] floats(int n) {
            return floats.length >= n ? floats : (floats = new float[n]);
        }

        double[] doubles(int n) {
            return doubles.length >= n ? doubles : (doubles = new double[n]);
        }

        short[] shorts(int n) {
            return shorts.length >= n ? shorts : (shorts = new short[n]);
        }

        int[] ints(int n) {
            return ints.length >= n ? ints : (ints = new int[n]);
        }
    }

    /** Events per bulk transfer: the scratch array stays in L1/L2 while it is scattered into the columns. */
    private static final int CHUNK_EVENTS = 2048;

    /** Bounded by values too, so a file with very many parameters cannot make the scratch array large. */
    private static int chunkEvents(int par, int events) {
        return Math.max(1, Math.min(Math.min(CHUNK_EVENTS, events), (1 << 16) / par));
    }

    /**
     * Bulk-copies a chunk of events (an intrinsic copy, byte-swapped if needed) into a scratch array, then scatters
     * it into the columns: much faster than one bounds-checked buffer read per value.
     */
    private static void floats(FloatBuffer fb, int first, int events, float[][] cols, Staging staging) {
        int par = cols.length;
        int step = chunkEvents(par, events);
        float[] chunk = staging.floats(step * par);
        for (int start = 0; start < events; start += step) {
            int n = Math.min(step, events - start);
            fb.get(start * par, chunk, 0, n * par);
            for (int c = 0; c < par; c++) {
                float[] col = cols[c];
                if (col == null) {
                    continue; // not decoded (ReadOptions.channels)
                }
                for (int e = 0, k = c; e < n; e++, k += par) {
                    col[first + start + e] = chunk[k];
                }
            }
        }
    }

    private static void doubles(DoubleBuffer db, int first, int events, float[][] cols, Staging staging) {
        int par = cols.length;
        int step = chunkEvents(par, events);
        double[] chunk = staging.doubles(step * par);
        for (int start = 0; start < events; start += step) {
            int n = Math.min(step, events - start);
            db.get(start * par, chunk, 0, n * par);
            for (int c = 0; c < par; c++) {
                float[] col = cols[c];
                if (col == null) {
                    continue; // not decoded (ReadOptions.channels)
                }
                for (int e = 0, k = c; e < n; e++, k += par) {
                    col[first + start + e] = (float) chunk[k];
                }
            }
        }
    }

    private static void shorts(ShortBuffer sb, int first, int events, float[][] cols, long[] masks,
                               boolean[] masked, Staging staging) {
        int par = cols.length;
        int step = chunkEvents(par, events);
        short[] chunk = staging.shorts(step * par);
        for (int start = 0; start < events; start += step) {
            int n = Math.min(step, events - start);
            sb.get(start * par, chunk, 0, n * par);
            for (int c = 0; c < par; c++) {
                float[] col = cols[c];
                if (col == null) {
                    continue; // not decoded (ReadOptions.channels)
                }
                int m = (int) (masks[c] & 0xFFFF);
                int over = 0;
                for (int e = 0, k = c; e < n; e++, k += par) {
                    int v = chunk[k] & 0xFFFF;
                    over |= v & ~m;
                    col[first + start + e] = v & m;
                }
                masked[c] |= over != 0;
            }
        }
    }

    private static void ints(IntBuffer ib, int first, int events, float[][] cols, long[] masks,
                             boolean[] masked, Staging staging) {
        int par = cols.length;
        int step = chunkEvents(par, events);
        int[] chunk = staging.ints(step * par);
        for (int start = 0; start < events; start += step) {
            int n = Math.min(step, events - start);
            ib.get(start * par, chunk, 0, n * par);
            for (int c = 0; c < par; c++) {
                float[] col = cols[c];
                if (col == null) {
                    continue; // not decoded (ReadOptions.channels)
                }
                long m = masks[c] & 0xFFFF_FFFFL;
                long over = 0;
                for (int e = 0, k = c; e < n; e++, k += par) {
                    long v = chunk[k] & 0xFFFF_FFFFL;
                    over |= v & ~m;
                    col[first + start + e] = v & m;
                }
                masked[c] |= over != 0;
            }
        }
    }

    /** Any byte-aligned layout: per channel width and byte significance from $BYTEORD. */
    private static void general(ByteBuffer buf, DataLayout layout, int first, int events, float[][] cols,
                                long[] masks, boolean[] masked) {
        int par = layout.channelCount();
        int[][] shifts = new int[par][];
        for (int c = 0; c < par; c++) {
            shifts[c] = shifts(layout.bits()[c] / 8, layout.byteOrder());
        }
        char[] types = layout.types();
        long[] over = new long[par];
        int pos = buf.position();
        for (int e = 0; e < events; e++) {
            for (int c = 0; c < par; c++) {
                int[] sh = shifts[c];
                long v = 0;
                for (int k = 0; k < sh.length; k++) {
                    v |= (buf.get(pos++) & 0xFFL) << sh[k];
                }
                float v32 = toFloat(types[c], sh.length, v, masks[c], over, c);
                if (cols[c] != null) {
                    cols[c][first + e] = v32;
                }
            }
        }
        for (int c = 0; c < par; c++) {
            masked[c] |= over[c] != 0;
        }
    }

    private static float toFloat(char type, int width, long v, long mask, long[] over, int c) {
        switch (type) {
            case 'F':
                return Float.intBitsToFloat((int) v);
            case 'D':
                return (float) Double.longBitsToDouble(v);
            default:
                over[c] |= v & ~mask;
                return unsignedToFloat(v & mask);
        }
    }

    static float unsignedToFloat(long v) {
        return v >= 0 ? (float) v : (float) ((v >>> 1) * 2.0 + (v & 1));
    }

    /**
     * Bit shift for each stored byte of a {@code width}-byte value. $BYTEORD lists significances for its own width;
     * a value of another width (16-bit data in a file that says 1,2,3,4) follows its direction.
     */
    static int[] shifts(int width, int[] byteOrder) {
        int[] sh = new int[width];
        if (byteOrder.length == width) {
            for (int k = 0; k < width; k++) {
                sh[k] = 8 * byteOrder[k];
            }
            return sh;
        }
        boolean little = byteOrder.length < 2 || byteOrder[0] < byteOrder[byteOrder.length - 1];
        for (int k = 0; k < width; k++) {
            sh[k] = 8 * (little ? k : width - 1 - k);
        }
        return sh;
    }

    /**
     * Odd-width integers as one continuous bit stream (FCS 2.0). Big-endian files fill each byte from its most
     * significant bit, little-endian files from its least significant bit.
     */
    private static void packed(ByteBuffer buf, DataLayout layout, int events, float[][] cols, long[] masks,
                               boolean[] masked) {
        int par = layout.channelCount();
        int[] bits = layout.bits();
        boolean msbFirst = !layout.littleEndian();
        char[] types = layout.types();
        long[] over = new long[par];
        int base = buf.position();
        long bitPos = 0;
        for (int e = 0; e < events; e++) {
            for (int c = 0; c < par; c++) {
                int w = bits[c];
                long v = 0;
                for (int k = 0; k < w; k++, bitPos++) {
                    int b = buf.get(base + (int) (bitPos >>> 3)) & 0xFF;
                    int bit = msbFirst ? (b >>> (7 - (int) (bitPos & 7))) & 1 : (b >>> (int) (bitPos & 7)) & 1;
                    if (msbFirst) {
                        v = (v << 1) | bit;
                    } else {
                        v |= (long) bit << k;
                    }
                }
                float v32 = toFloat(types[c], w, v, masks[c], over, c);
                if (cols[c] != null) {
                    cols[c][e] = v32;
                }
            }
        }
        for (int c = 0; c < par; c++) {
            masked[c] |= over[c] != 0;
        }
    }

    /**
     * ASCII values: fixed width ($PnB characters each) or, when {@code widths} is null, separated by any run of
     * characters that cannot belong to a number.
     *
     * @return the number of values read (for delimited data, may be less than asked when the segment runs out)
     */
    static long decodeAscii(ByteBuffer data, int[] widths, int events, float[][] cols) {
        int par = cols.length;
        ByteBuffer buf = data.duplicate();
        int pos = buf.position();
        int limit = buf.limit();
        StringBuilder sb = new StringBuilder(32);
        long read = 0;
        for (int e = 0; e < events; e++) {
            for (int c = 0; c < par; c++) {
                sb.setLength(0);
                if (widths != null) {
                    for (int k = 0; k < widths[c]; k++) {
                        sb.append((char) (buf.get(pos++) & 0xFF));
                    }
                } else {
                    while (pos < limit && !numberChar(buf.get(pos))) {
                        pos++;
                    }
                    if (pos >= limit) {
                        return read;
                    }
                    while (pos < limit && numberChar(buf.get(pos)) && sb.length() < 64) {
                        sb.append((char) buf.get(pos++));
                    }
                }
                if (cols[c] != null) {
                    cols[c][e] = parseAscii(sb);
                }
                read++;
            }
        }
        return read;
    }

    private static boolean numberChar(byte b) {
        return (b >= '0' && b <= '9') || b == '.' || b == '-' || b == '+' || b == 'e' || b == 'E';
    }

    /** NaN marks a value that is not a number; the reader turns that into an error naming the event. */
    private static float parseAscii(StringBuilder sb) {
        String s = sb.toString().trim();
        if (s.isEmpty()) {
            return 0f; // a blank fixed-width field is zero, as written by space-padding exporters
        }
        try {
            return (float) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
    }
}
