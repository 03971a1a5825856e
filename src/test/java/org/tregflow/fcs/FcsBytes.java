package org.tregflow.fcs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds synthetic FCS data sets byte by byte for tests, independently of the reader: HEADER, TEXT with a chosen
 * delimiter and charset, optional supplemental TEXT, DATA given as raw bytes.
 */
final class FcsBytes {
    String version = "FCS3.1";
    char delimiter = '/';
    Charset charset = StandardCharsets.UTF_8;
    final Map<String, String> keywords = new LinkedHashMap<>();
    byte[] data = new byte[0];
    /** Supplemental TEXT keywords; written after TEXT when not empty. */
    final Map<String, String> supplemental = new LinkedHashMap<>();
    boolean headerDataOffsets = true;
    boolean textDataOffsets = true;
    long nextData = 0;
    /** Added to the $ENDDATA written in TEXT and HEADER (e.g. +1 for the classic off-by-one). */
    long endDataDelta = 0;

    static FcsBytes of(String version) {
        FcsBytes b = new FcsBytes();
        b.version = version;
        return b;
    }

    FcsBytes kw(String key, Object value) {
        keywords.put(key, String.valueOf(value));
        return this;
    }

    FcsBytes data(byte[] bytes) {
        this.data = bytes;
        return this;
    }

    /** $PnN/$PnB/$PnR/$PnE for n = 1.. over the given names, with one width and range. */
    FcsBytes params(int bits, long range, String... names) {
        kw("$PAR", names.length);
        for (int i = 0; i < names.length; i++) {
            int n = i + 1;
            kw("$P" + n + "N", names[i]);
            kw("$P" + n + "B", bits);
            kw("$P" + n + "R", range);
            kw("$P" + n + "E", "0,0");
        }
        return this;
    }

    byte[] build() {
        byte[] text = text(keywords, true, 0, 0, 0, 0);
        byte[] stext = supplemental.isEmpty() ? new byte[0] : text(supplemental, false, 0, 0, 0, 0);
        long textBegin = 58;
        long textEnd = textBegin + text.length - 1;
        long stextBegin = stext.length == 0 ? 0 : textEnd + 1;
        long stextEnd = stext.length == 0 ? 0 : stextBegin + stext.length - 1;
        long dataBegin = (stext.length == 0 ? textEnd : stextEnd) + 1;
        long dataEnd = dataBegin + data.length - 1 + endDataDelta;
        if (data.length == 0) {
            dataBegin = 0;
            dataEnd = 0;
        }
        // Offsets are written zero-padded to a fixed width, so TEXT's length does not depend on them.
        text = text(keywords, true, dataBegin, dataEnd, stextBegin, stextEnd);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String header = String.format(Locale.ROOT, "%-6s    %8d%8d%8s%8s%8d%8d", version, textBegin, textEnd,
                headerDataOffsets ? Long.toString(dataBegin) : "", headerDataOffsets ? Long.toString(dataEnd) : "", 0, 0);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(text);
        out.writeBytes(stext);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private byte[] text(Map<String, String> kws, boolean primary, long db, long de, long sb, long se) {
        StringBuilder sb2 = new StringBuilder();
        String d = String.valueOf(delimiter);
        sb2.append(d);
        if (primary && textDataOffsets) {
            pair(sb2, "$BEGINDATA", String.format(Locale.ROOT, "%012d", db));
            pair(sb2, "$ENDDATA", String.format(Locale.ROOT, "%012d", de));
        }
        if (primary && !supplemental.isEmpty()) {
            pair(sb2, "$BEGINSTEXT", String.format(Locale.ROOT, "%012d", sb));
            pair(sb2, "$ENDSTEXT", String.format(Locale.ROOT, "%012d", se));
        }
        if (primary) {
            pair(sb2, "$NEXTDATA", String.format(Locale.ROOT, "%012d", nextData));
        }
        kws.forEach((k, v) -> pair(sb2, k, v));
        return sb2.toString().getBytes(charset);
    }

    private void pair(StringBuilder sb, String k, String v) {
        String d = String.valueOf(delimiter);
        sb.append(k.replace(d, d + d)).append(d).append(v.replace(d, d + d)).append(d);
    }

    /** Concatenates data sets, setting each one's $NEXTDATA to the length of the one before the next. */
    static byte[] chain(FcsBytes... sets) {
        byte[][] built = new byte[sets.length][];
        for (int i = sets.length - 1; i >= 0; i--) {
            built[i] = sets[i].build();
        }
        for (int i = 0; i < sets.length - 1; i++) {
            sets[i].nextData = built[i].length;
            built[i] = sets[i].build();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b : built) {
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    static ByteBuffer buffer(int size, ByteOrder order) {
        return ByteBuffer.allocate(size).order(order);
    }
}
