package org.tregflow.fcs;

/**
 * How one event's values sit in the DATA segment, worked out from $DATATYPE/$PnDATATYPE, $PnB and $BYTEORD before
 * any byte is decoded (so its size can be checked against the file first).
 *
 * @param types       per channel: 'I', 'F', 'D' or 'A'
 * @param bits        per channel: bits as stored ($PnB; for padded odd widths the padded width; for fixed-width
 *                    ASCII 8 x $PnB characters); 0 for delimited ASCII
 * @param byteOrder   $BYTEORD as byte significances, 0 = least significant, in stored order
 * @param packed      true when odd-width integers are a continuous bit stream (FCS 2.0 packing)
 * @param delimitedAscii true for $DATATYPE A with $PnB '*': values separated by delimiters
 */
record DataLayout(char[] types, int[] bits, int[] byteOrder, boolean packed, boolean delimitedAscii) {

    int channelCount() {
        return types.length;
    }

    /** Bits one event occupies; -1 for delimited ASCII, whose size is only known by scanning. */
    long bitsPerEvent() {
        if (delimitedAscii) {
            return -1;
        }
        long sum = 0;
        for (int b : bits) {
            sum += b;
        }
        return sum;
    }

    /** Bytes that {@code events} events occupy, or -1 when unknown (delimited ASCII). */
    long bytesFor(long events) {
        long bpe = bitsPerEvent();
        if (bpe < 0) {
            return -1;
        }
        if (packed) {
            return Math.addExact(Math.multiplyExact(events, bpe), 7) / 8;
        }
        return Math.multiplyExact(events, bpe / 8);
    }

    boolean allOf(char type, int width) {
        for (int i = 0; i < types.length; i++) {
            if (types[i] != type || bits[i] != width) {
                return false;
            }
        }
        return true;
    }

    /** True when $BYTEORD is 1,2,...: least significant byte first. */
    boolean littleEndian() {
        for (int i = 0; i < byteOrder.length; i++) {
            if (byteOrder[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** True when $BYTEORD is ...,2,1: most significant byte first. */
    boolean bigEndian() {
        int n = byteOrder.length;
        for (int i = 0; i < n; i++) {
            if (byteOrder[i] != n - 1 - i) {
                return false;
            }
        }
        return true;
    }
}
