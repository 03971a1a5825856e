package org.tregflow.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Broken and hostile FCS files for batch tests, built byte by byte (independently of the reader), or derived from a
 * good simulated file by editing bytes in place.
 */
final class HostileFiles {
    private HostileFiles() {
    }

    /** Keywords of a small valid list-mode float file with {@code par} channels and {@code tot} events. */
    static Map<String, String> keywords(int par, long tot) {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("$BYTEORD", "1,2,3,4");
        k.put("$DATATYPE", "F");
        k.put("$MODE", "L");
        k.put("$NEXTDATA", "0");
        k.put("$PAR", Integer.toString(par));
        k.put("$TOT", Long.toString(tot));
        for (int i = 1; i <= par; i++) {
            k.put("$P" + i + "N", "FL" + i + "-A");
            k.put("$P" + i + "B", "32");
            k.put("$P" + i + "R", "262144");
            k.put("$P" + i + "E", "0,0");
        }
        return k;
    }

    /**
     * Keywords with the channels ($PnN, $PnS, $PnR) of a real file, so the file passes the panel check and its
     * DATA is read: the hostility must be met where it lies.
     */
    static Map<String, String> keywordsLike(Path good, long tot) throws Exception {
        org.tregflow.fcs.Keywords src = org.tregflow.fcs.FcsReader.readText(good);
        int par = Integer.parseInt(src.value("$PAR").trim());
        Map<String, String> k = keywords(par, tot);
        for (int i = 1; i <= par; i++) {
            k.put("$P" + i + "N", src.value("$P" + i + "N"));
            String stain = src.value("$P" + i + "S");
            if (stain != null) {
                k.put("$P" + i + "S", stain);
            }
        }
        return k;
    }

    /** Little-endian floats 1, 2, 3, ... (count of them). */
    static byte[] floats(int count) {
        ByteBuffer b = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            b.putFloat(i + 1);
        }
        return b.array();
    }

    /**
     * One data set (offsets relative to its own start): HEADER, TEXT (delimiter '/'), DATA. $BEGINDATA/$ENDDATA
     * are written with a fixed width so TEXT's length does not depend on them; {@code dataOffset} (when >= 0)
     * replaces the true DATA offset in HEADER and TEXT (to lie about it).
     */
    static byte[] dataset(Map<String, String> kw, byte[] data, long dataOffset) {
        Map<String, String> k = new LinkedHashMap<>(kw);
        k.put("$BEGINANALYSIS", "0");
        k.put("$ENDANALYSIS", "0");
        k.put("$BEGINSTEXT", "0");
        k.put("$ENDSTEXT", "0");
        k.put("$BEGINDATA", "0000000000");
        k.put("$ENDDATA", "0000000000");
        int textLength = text(k).length;
        long textStart = 58;
        long textEnd = textStart + textLength - 1;
        long dataStart = dataOffset >= 0 ? dataOffset : textEnd + 1;
        long dataEnd = dataStart + Math.max(data.length, 1) - 1;
        k.put("$BEGINDATA", String.format(Locale.ROOT, "%010d", dataStart));
        k.put("$ENDDATA", String.format(Locale.ROOT, "%010d", dataEnd));
        byte[] text = text(k);
        String header = String.format(Locale.ROOT, "FCS3.1    %8d%8d%8d%8d%8d%8d", textStart, textEnd,
                dataStart <= 99_999_999 ? dataStart : 0, dataEnd <= 99_999_999 ? dataEnd : 0, 0, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(text);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] text(Map<String, String> k) {
        StringBuilder sb = new StringBuilder("/");
        k.forEach((key, v) -> sb.append(key).append('/').append(v).append('/'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] valid(Map<String, String> kw, byte[] data) {
        return dataset(kw, data, -1);
    }

    /**
     * Two data sets, the second's $NEXTDATA pointing back to the first (offsets in a data set are relative to its
     * own start): a reader that followed it would loop forever.
     */
    static byte[] nextDataLoop(Map<String, String> kw) {
        int par = Integer.parseInt(kw.get("$PAR"));
        int tot = Integer.parseInt(kw.get("$TOT"));
        Map<String, String> first = new LinkedHashMap<>(kw);
        first.put("$NEXTDATA", "0000000000"); // fixed width: the real value below keeps the length
        int length = valid(first, floats(par * tot)).length;
        first.put("$NEXTDATA", String.format(Locale.ROOT, "%010d", length));
        Map<String, String> second = new LinkedHashMap<>(kw);
        second.put("$NEXTDATA", String.format(Locale.ROOT, "-%09d", length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(valid(first, floats(par * tot)));
        out.writeBytes(valid(second, floats(par * tot)));
        return out.toByteArray();
    }

    /** The file cut to the given fraction of its length. */
    static byte[] truncated(Path good, double fraction) throws Exception {
        byte[] b = Files.readAllBytes(good);
        return Arrays.copyOf(b, (int) (b.length * fraction));
    }

    /** Replaces the first occurrence of {@code from} by {@code to} (same length, so every offset stays right). */
    static byte[] replaceSameLength(byte[] file, String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("lengths differ");
        }
        byte[] f = from.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = file.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(to.getBytes(StandardCharsets.ISO_8859_1), 0, out, i, f.length);
                return out;
            }
        }
        throw new IllegalArgumentException("'" + from + "' not found");
    }
}
