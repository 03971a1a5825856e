package org.tregflow.fcs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.io.AtomicFile;

/**
 * Writes FCS 3.1 list-mode files with float data (little-endian, "1,2,3,4"). Values are written as given, with
 * no $PnE amplification and no $PnG gain, so the reader returns exactly the floats that were written.
 * The file appears atomically (temporary file, then rename).
 */
public final class FcsWriter {
    private static final char DELIMITER = '|';
    private static final int HEADER_LENGTH = 58;
    /** Offsets above this do not fit the HEADER's 8-digit fields; FCS 3.1 then writes 0 and relies on TEXT. */
    private static final long MAX_HEADER_OFFSET = 99_999_999L;

    private FcsWriter() {
    }

    /**
     * Writes {@code events} to {@code out}.
     *
     * @param extra     further keywords (e.g. $CYT, $FIL, custom ones); ones the writer owns are ignored
     * @param spillover written as $SPILLOVER when not null
     */
    public static void write(Path out, EventTable events, Keywords extra, SpilloverMatrix spillover) throws IOException {
        Map<String, String> kw = new LinkedHashMap<>();
        int par = events.channelCount();
        kw.put("$BYTEORD", "1,2,3,4");
        kw.put("$DATATYPE", "F");
        kw.put("$MODE", "L");
        kw.put("$NEXTDATA", "0");
        kw.put("$PAR", Integer.toString(par));
        kw.put("$TOT", Integer.toString(events.eventCount()));
        for (int i = 0; i < par; i++) {
            Channel c = events.channel(i);
            int n = i + 1;
            kw.put("$P" + n + "N", c.name());
            if (c.marker() != null && !c.marker().isBlank()) {
                kw.put("$P" + n + "S", c.marker());
            }
            kw.put("$P" + n + "B", "32");
            kw.put("$P" + n + "E", "0,0");
            kw.put("$P" + n + "R", formatRange(c.range()));
        }
        if (spillover != null) {
            kw.put("$SPILLOVER", spillover.toKeywordValue());
        }
        if (extra != null) {
            extra.asMap().forEach((k, v) -> {
                if (!isOwned(k)) {
                    kw.putIfAbsent(k, v);
                }
            });
        }

        long dataLength = (long) events.eventCount() * par * Float.BYTES;
        String text = "";
        long textEnd = 0;
        long dataStart = 0;
        // The offsets are written inside TEXT, whose length depends on their digits: iterate until stable.
        for (int iter = 0; iter < 5; iter++) {
            long dataEnd = dataLength == 0 ? dataStart : dataStart + dataLength - 1;
            // An empty DATA segment is written as offsets 0,0 (FCS 3.1 §3.2.4), not as a one-byte segment.
            text = dataLength == 0 ? buildText(kw, 0, 0) : buildText(kw, dataStart, dataEnd);
            textEnd = HEADER_LENGTH + text.getBytes(StandardCharsets.UTF_8).length - 1;
            long nextStart = textEnd + 1;
            if (nextStart == dataStart) {
                break;
            }
            dataStart = nextStart;
        }
        long dataEnd = dataLength == 0 ? dataStart : dataStart + dataLength - 1;
        String header = "FCS3.1    " + offset(HEADER_LENGTH) + offset(textEnd)
                + (dataEnd > MAX_HEADER_OFFSET || dataLength == 0 ? offset(0) + offset(0)
                        : offset(dataStart) + offset(dataEnd))
                + offset(0) + offset(0);

        String headerAndText = header + text;
        AtomicFile.write(out, ch -> {
            AtomicFile.writeFully(ch, ByteBuffer.wrap(headerAndText.getBytes(StandardCharsets.UTF_8)));
            writeData(ch, events);
        });
    }

    private static boolean isOwned(String keyword) {
        String k = keyword.toUpperCase(Locale.ROOT);
        return k.matches("\\$P\\d+[NSBERGD].*") || k.equals("$SPILLOVER") || k.equals("$BYTEORD")
                || k.equals("$DATATYPE") || k.equals("$MODE") || k.equals("$NEXTDATA") || k.equals("$PAR")
                || k.equals("$TOT") || k.startsWith("$BEGIN") || k.startsWith("$END");
    }

    private static String buildText(Map<String, String> kw, long dataStart, long dataEnd) {
        StringBuilder sb = new StringBuilder();
        sb.append(DELIMITER);
        append(sb, "$BEGINANALYSIS", "0");
        append(sb, "$ENDANALYSIS", "0");
        append(sb, "$BEGINSTEXT", "0");
        append(sb, "$ENDSTEXT", "0");
        append(sb, "$BEGINDATA", Long.toString(dataStart));
        append(sb, "$ENDDATA", Long.toString(dataEnd));
        kw.forEach((k, v) -> append(sb, k, v));
        return sb.toString();
    }

    /** Appends key|value| with the delimiter doubled inside either (FCS 3.1 §3.2.9); empty values become a space. */
    private static void append(StringBuilder sb, String key, String value) {
        String d = String.valueOf(DELIMITER);
        sb.append(key.replace(d, d + d)).append(DELIMITER);
        String v = value.isEmpty() ? " " : value.replace(d, d + d);
        sb.append(v).append(DELIMITER);
    }

    private static String offset(long value) {
        return String.format(Locale.ROOT, "%8d", value);
    }

    private static String formatRange(double range) {
        if (range == Math.rint(range) && Math.abs(range) < 1e15) {
            return Long.toString((long) range);
        }
        return Double.toString(range);
    }

    private static void writeData(FileChannel ch, EventTable events) throws IOException {
        int par = events.channelCount();
        int n = events.eventCount();
        float[][] cols = new float[par][];
        for (int c = 0; c < par; c++) {
            cols[c] = events.column(c);
        }
        int eventsPerChunk = Math.max(1, (1 << 20) / Math.max(1, par * Float.BYTES));
        ByteBuffer buf = ByteBuffer.allocate(eventsPerChunk * par * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < n; start += eventsPerChunk) {
            int end = Math.min(n, start + eventsPerChunk);
            buf.clear();
            for (int e = start; e < end; e++) {
                for (int c = 0; c < par; c++) {
                    buf.putFloat(cols[c][e]);
                }
            }
            buf.flip();
            AtomicFile.writeFully(ch, buf);
        }
    }

}
