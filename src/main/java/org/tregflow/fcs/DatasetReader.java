package org.tregflow.fcs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.tregflow.compensation.SpilloverMatrix;

/** Reads one data set (HEADER, TEXT, supplemental TEXT, DATA) starting at {@code base}. */
final class DatasetReader extends KeywordContext {
    private static final Pattern HEADER_NUMBER = Pattern.compile("-?\\d{1,8}");
    private static final String[] HEADER_FIELDS = {"TEXT start", "TEXT end", "DATA start", "DATA end",
        "ANALYSIS start", "ANALYSIS end"};

    private final ByteSource src;
    private final long base;
    private String version;
    private long nextData;
    /** The events readable one at a time again, for the layouts that allow it (null otherwise). */
    private EventRows rows;

    DatasetReader(ByteSource src, Path file, long base, ReadOptions options, int index) {
        super(file, options, index == 0 ? "" : "data set " + (index + 1) + " ", new ArrayList<>(), new Keywords());
        this.src = src;
        this.base = base;
    }

    String version() {
        return version;
    }

    long nextData() {
        return nextData;
    }

    FcsDataset read(boolean decode) throws IOException {
        long[] header = readHeader();
        readText(header[0], header[1]);
        readSupplementalText(header[0], header[1]);
        ChannelReader channelReader = new ChannelReader(this, version);
        List<Channel> channels = channelReader.channels();
        DataLayout layout = channelReader.layout(channels);
        nextData = optionalLong("$NEXTDATA", 0);
        SpilloverMatrix spill = spillover(channels);
        if (!decode) {
            return FcsReader.textOnly(keywords, channels, spill, warnings);
        }
        EventTable events = readData(header, channels, layout, spill);
        return new FcsDataset(keywords, events, spill, warnings, rows);
    }

    // ---- HEADER ---------------------------------------------------------------------------------------------

    private long[] readHeader() throws IOException {
        long size = src.size();
        if (base == 0 && size >= 6) {
            ByteBuffer magic = src.slice(0, 6);
            byte[] m = new byte[6];
            magic.get(m);
            String v = new String(m, StandardCharsets.ISO_8859_1);
            if (!FcsReader.versionSyntax(v)) {
                throw err("HEADER", 0, "begins with '" + printable(v) + "'; expected 'FCS' and a version such as"
                        + " FCS3.1: this is not an FCS file");
            }
        }
        if (size - base < FcsReader.HEADER_LENGTH) {
            throw err("HEADER", base, (base == 0 ? "file is " + size + " bytes" : "only " + (size - base)
                    + " bytes remain") + "; an FCS HEADER needs " + FcsReader.HEADER_LENGTH);
        }
        ByteBuffer h = src.slice(base, FcsReader.HEADER_LENGTH);
        byte[] b = new byte[FcsReader.HEADER_LENGTH];
        h.get(b);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        version = text.substring(0, 6);
        if (!FcsReader.versionSyntax(version)) {
            throw err("HEADER", base, "begins with '" + printable(version) + "'; expected 'FCS' and a version"
                    + " such as FCS3.1: this is not an FCS file");
        }
        if (!FcsReader.knownVersion(version)) {
            strictOrWarn("HEADER", base, "version " + version + " is not one this reader knows (2.0, 3.0, 3.1, 3.2);"
                    + " read as FCS 3.1");
        }
        if (!text.substring(6, 10).isBlank()) {
            strictOrWarn("HEADER", base + 6, "bytes 6-9 should be blanks, found '" + printable(text.substring(6, 10))
                    + "'");
        }
        long[] f = new long[6];
        for (int i = 0; i < 6; i++) {
            String s = text.substring(10 + 8 * i, 18 + 8 * i).trim();
            if (s.isEmpty()) {
                f[i] = -1;
                continue;
            }
            if (!HEADER_NUMBER.matcher(s).matches()) {
                throw err("HEADER", base + 10 + 8 * i, HEADER_FIELDS[i] + " offset is '" + printable(s)
                        + "'; expected a number of up to 8 digits");
            }
            f[i] = Long.parseLong(s);
        }
        if (f[0] < 0 || f[1] < 0) {
            throw err("HEADER", base + 10, "TEXT offsets are missing; expected the TEXT segment's first and last byte");
        }
        if (f[1] < f[0]) {
            throw err("HEADER", base + 10, "TEXT ends (byte " + f[1] + ") before it starts (byte " + f[0] + ")");
        }
        if (f[0] < FcsReader.HEADER_LENGTH && version.compareTo("FCS3.0") >= 0) {
            throw err("HEADER", base + 10, "TEXT starts at byte " + f[0] + ", inside the HEADER");
        }
        return f;
    }

    // ---- TEXT -----------------------------------------------------------------------------------------------

    private void readText(long begin, long end) throws IOException {
        long start = base + begin;
        long length = end - begin + 1;
        if (base + end >= src.size()) {
            throw err("TEXT", start, "segment ends at byte " + (base + end) + " but the file has only " + src.size()
                    + " bytes (truncated file?)");
        }
        if (length > FcsReader.maxTextBytes()) {
            throw err("TEXT", start, "segment claims " + length + " bytes; TEXT is never that large");
        }
        ByteBuffer text = FcsReader.slice(src, file, "TEXT", start, length);
        TextParser.parse(text, file, label + "TEXT", start, keywords, warnings, options.strict());
    }

    private void readSupplementalText(long textBegin, long textEnd) throws IOException {
        long b = optionalLong("$BEGINSTEXT", 0);
        long e = optionalLong("$ENDSTEXT", 0);
        if (b == 0 && e == 0 || (b == textBegin && e == textEnd)) {
            return;
        }
        long start = base + b;
        if (b <= 0 || e < b || base + e >= src.size() || e - b + 1 > FcsReader.maxTextBytes()) {
            strictOrWarn("$BEGINSTEXT", start, "supplemental TEXT offsets " + b + ".." + e
                    + " do not lie inside the file; supplemental TEXT ignored");
            return;
        }
        ByteBuffer stext = FcsReader.slice(src, file, "supplemental TEXT", start, e - b + 1);
        byte delimiter = src.slice(base + textBegin, 1).get(0);
        if (stext.get(stext.position()) != delimiter) {
            strictOrWarn("supplemental TEXT", start, "does not start with the TEXT delimiter '" + (char) delimiter
                    + "' (it holds something other than keywords); ignored");
            return;
        }
        Keywords extra = new Keywords();
        List<String> w = new ArrayList<>();
        try {
            TextParser.parse(stext, file, label + "supplemental TEXT", start, extra, w, options.strict());
        } catch (FcsException ex) {
            if (options.strict()) {
                throw ex;
            }
            warnings.add("supplemental TEXT unreadable (" + ex.getMessage() + "); ignored");
            return;
        }
        warnings.addAll(w);
        extra.asMap().forEach((k, v) -> {
            if (!keywords.put(k, v) && !keywords.get(k).orElse("").equals(v)) {
                warnings.add("keyword " + k + " is in both TEXT and supplemental TEXT; kept the TEXT value");
            }
        });
    }

    // ---- DATA -------------------------------------------------------------------------------------------------

    private EventTable readData(long[] header, List<Channel> channels, DataLayout layout, SpilloverMatrix spill)
            throws IOException {
        int par = channels.size();
        String totRaw = keywords.value("$TOT");
        long tot = -1;
        if (totRaw != null) {
            tot = parseLong("$TOT", totRaw);
            if (tot < 0) {
                throw err("$TOT", -1, "is " + tot + "; expected the number of events");
            }
        } else if (!version.equals("FCS2.0")) {
            strictOrWarn("$TOT", -1, "missing; event count derived from the DATA segment length");
        }
        long needed = -1;
        if (tot >= 0) {
            try {
                needed = layout.bytesFor(tot);
            } catch (ArithmeticException e) {
                throw err("$TOT", -1, "is " + tot + ": that many events cannot fit in any file");
            }
        }
        if (layout.packed() && tot >= 0) {
            layout = paddedIfTheSegmentSaysSo(header, layout, tot, needed);
            needed = layout.bytesFor(tot);
        }
        long[] seg = dataSegment(header, needed);
        long start = base + seg[0];
        long length = seg[1] - seg[0] + 1;
        if (seg[0] == 0 && seg[1] == 0 || seg[1] < seg[0]) {
            length = 0;
        }
        if (length > 0 && start + length > src.size()) {
            long end = start + length - 1;
            if (end == src.size() && (needed < 0 || needed < length)) {
                strictOrWarn("$ENDDATA", end, "DATA segment ends one byte past the end of the file (off-by-one"
                        + " $ENDDATA); read up to the last byte");
                length--;
            } else {
                throw err("DATA", start, "segment ends at byte " + end + " but the file has only " + src.size()
                        + " bytes (truncated file?)");
            }
        }
        if (tot < 0) {
            tot = deriveEventCount(layout, length);
            needed = layout.bytesFor(tot);
        }
        if (needed >= 0) {
            if (needed > length) {
                String msg = "$TOT = " + tot + " events of " + describeEvent(layout) + " need " + needed
                        + " bytes but the DATA segment holds " + length;
                throw err("DATA", start, needed > src.size() - start
                        ? msg + " and the file ends at byte " + src.size() + " (truncated file?)" : msg);
            }
            if (length == needed + 1) {
                strictOrWarn("$ENDDATA", start + length - 1, "DATA segment is one byte longer than $TOT events need"
                        + " (off-by-one $ENDDATA); last byte ignored");
            } else if (length > needed) {
                strictOrWarn("DATA", start, "segment holds " + length + " bytes but $TOT = " + tot + " events need "
                        + needed + "; the " + (length - needed) + " extra bytes were ignored");
            }
            length = needed;
        }
        if (tot > Integer.MAX_VALUE - 8) {
            throw err("$TOT", -1, "is " + tot + "; more events than one column can hold");
        }
        int events = (int) tot;
        if (length > 0 && start + length > src.size()) {
            throw err("DATA", start, "segment ends at byte " + (start + length - 1) + " but the file has only "
                    + src.size() + " bytes (truncated file?)");
        }
        // Every delimited ASCII value takes at least one byte: check before allocating $TOT x $PAR floats.
        if (layout.delimitedAscii() && (long) events * par > length) {
            throw err("DATA", start, "$TOT = " + tot + " events of " + par + " ASCII values cannot fit in " + length
                    + " bytes");
        }
        // Every decoder below writes all `events` values of every column it is given (channels not chosen have none
        // and are skipped), so lent arrays need no clearing.
        boolean[] chosen = options.channels() == null ? null : options.channels().decode(channels, spill);
        float[][] cols = new float[par][];
        for (int c = 0; c < par; c++) {
            if (chosen == null || chosen[c]) {
                cols[c] = options.columns().column(events);
            }
        }
        long[] masks = masks(channels);
        if (layout.types()[0] == 'A') {
            decodeAscii(wholeData(start, length), layout, events, cols, start);
        } else {
            boolean[] masked = new boolean[par];
            if (layout.packed()) {
                DataDecoder.decodeBinary(wholeData(start, length), layout, 0, events, cols, masks, masked);
            } else {
                decodeInChunks(start, layout, events, cols, masks, masked);
            }
            List<String> maskedNames = new ArrayList<>();
            for (int c = 0; c < par; c++) {
                if (masked[c] && cols[c] != null) {
                    maskedNames.add(channels.get(c).name());
                }
            }
            if (!maskedNames.isEmpty()) {
                warnings.add("integer values above $PnR masked to the bits $PnR needs (bits above are not data) in "
                        + String.join(", ", maskedNames));
            }
        }
        Scaling scaling = options.scaleValues() ? new Scaling(channels, timestep(channels)) : null;
        if (scaling != null) {
            scaling.apply(cols, events);
        }
        if (EventRows.supports(layout)) {
            rows = new EventRows(src, start, events, layout, masks, scaling);
        }
        return new EventTable(channels, cols, events);
    }

    /** The whole DATA segment in one buffer (ASCII and bit-packed layouts, which are not read in chunks). */
    private ByteBuffer wholeData(long start, long length) throws IOException {
        return length == 0 ? ByteBuffer.allocate(0) : FcsReader.slice(src, file, "DATA", start, length);
    }

    /** Bytes of DATA read per chunk: small enough to stay in the caches while its events are scattered. */
    private static final int CHUNK_BYTES = 1 << 20;
    /** The chunk buffer, kept per thread: a batch's worker reads file after file into the same megabyte. */
    private static final ThreadLocal<ByteBuffer> CHUNKS = new ThreadLocal<>();

    /**
     * Whole-byte binary DATA read a chunk of events at a time into one small buffer and decoded into the columns.
     * Mapping the segment instead left each file's pages in the process's memory until the collector happened to
     * drop the mapping: with two 64 MB files in flight, about 130 MB of a batch's peak.
     */
    private void decodeInChunks(long start, DataLayout layout, int events, float[][] cols, long[] masks,
                                boolean[] masked) throws IOException {
        int bytesPerEvent = (int) (layout.bitsPerEvent() / 8);
        if (events == 0 || bytesPerEvent == 0) {
            return;
        }
        int chunkEvents = Math.max(1, CHUNK_BYTES / bytesPerEvent);
        int size = (int) Math.min((long) chunkEvents, events) * bytesPerEvent;
        ByteBuffer chunk = CHUNKS.get();
        if (chunk == null || chunk.capacity() < size) {
            chunk = ByteBuffer.allocate(Math.max(size, CHUNK_BYTES));
            CHUNKS.set(chunk);
        }
        for (int first = 0; first < events; first += chunkEvents) {
            int n = Math.min(chunkEvents, events - first);
            chunk.clear().limit(n * bytesPerEvent);
            src.read(start + (long) first * bytesPerEvent, chunk);
            DataDecoder.decodeBinary(chunk.flip(), layout, first, n, cols, masks, masked);
        }
    }

    /**
     * Odd $PnB widths (e.g. 10 or 12) are a packed bit stream in FCS 2.0, but some writers store each value in
     * whole bytes anyway. The segment length tells which: when it fits whole-byte storage and not packing, use that.
     */
    private DataLayout paddedIfTheSegmentSaysSo(long[] header, DataLayout layout, long tot, long packedBytes)
            throws FcsException {
        int[] padded = layout.bits().clone();
        for (int i = 0; i < padded.length; i++) {
            padded[i] = (padded[i] + 7) / 8 * 8;
        }
        DataLayout alt = new DataLayout(layout.types(), padded, layout.byteOrder(), false, false);
        long paddedBytes;
        try {
            paddedBytes = alt.bytesFor(tot);
        } catch (ArithmeticException e) {
            return layout;
        }
        int mark = warnings.size();
        long[] seg = dataSegment(header, -1);
        warnings.subList(mark, warnings.size()).clear(); // the real choice below reports its own repairs
        long length = seg[1] - seg[0] + 1;
        boolean fitsPadded = length == paddedBytes || length == paddedBytes + 1;
        boolean fitsPacked = length == packedBytes || length == packedBytes + 1;
        if (fitsPadded && !fitsPacked) {
            warnings.add("odd $PnB widths " + java.util.Arrays.toString(layout.bits()) + " are stored in whole bytes"
                    + " (the DATA length says so), not packed");
            return alt;
        }
        return layout;
    }

    private void decodeAscii(ByteBuffer data, DataLayout layout, int events, float[][] cols, long start)
            throws FcsException {
        int[] widths = null;
        if (!layout.delimitedAscii()) {
            widths = new int[layout.channelCount()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = layout.bits()[i] / 8;
            }
        }
        long want = (long) events * cols.length;
        long got = DataDecoder.decodeAscii(data, widths, events, cols);
        if (got < want) {
            throw err("DATA", start, "ASCII segment holds " + got + " values; $TOT x $PAR needs " + want);
        }
        for (int c = 0; c < cols.length; c++) {
            for (int e = 0; cols[c] != null && e < events; e++) {
                if (Float.isNaN(cols[c][e])) {
                    throw err("DATA", start, "ASCII value of event " + (e + 1) + ", parameter " + (c + 1)
                            + " is not a number");
                }
            }
        }
    }

    private static String describeEvent(DataLayout layout) {
        long bits = layout.bitsPerEvent();
        return bits % 8 == 0 ? (bits / 8) + " bytes" : bits + " bits";
    }

    private long deriveEventCount(DataLayout layout, long length) throws FcsException {
        long bpe = layout.bitsPerEvent();
        if (bpe <= 0) {
            throw err("$TOT", -1, "missing, and delimited ASCII data do not tell the event count");
        }
        long events = length * 8 / bpe;
        if (events * bpe != length * 8) {
            warnings.add("$TOT missing and the DATA segment is not a whole number of events; read " + events);
        }
        return events;
    }

    /**
     * Chooses the DATA segment from the HEADER and the TEXT ($BEGINDATA/$ENDDATA) offsets, relative to the data
     * set. HEADER offsets that are 0 or blank defer to TEXT (files past 99,999,999 bytes). When both are given
     * and disagree, the one whose length fits $TOT inside the file wins (lenient), as FlowIO does.
     */
    private long[] dataSegment(long[] header, long needed) throws FcsException {
        long hb = header[2];
        long he = header[3];
        boolean hasHeader = hb > 0 || he > 0;
        long tb = optionalLong("$BEGINDATA", -1);
        long te = optionalLong("$ENDDATA", -1);
        boolean hasText = tb >= 0 && te >= 0 && (tb > 0 || te > 0);
        if (!hasHeader && !hasText) {
            if (needed == 0) {
                return new long[] {0, 0};
            }
            throw err("DATA", base + 26, "no DATA offsets: the HEADER's are blank or 0 and TEXT lacks"
                    + " $BEGINDATA/$ENDDATA");
        }
        if (!hasText) {
            if (!version.equals("FCS2.0")) {
                strictOrWarn("$BEGINDATA", -1, "TEXT lacks $BEGINDATA/$ENDDATA (required since FCS 3.0);"
                        + " used the HEADER's DATA offsets");
            }
            return new long[] {hb, he};
        }
        if (!hasHeader || (hb == tb && he == te)) {
            return new long[] {tb, te};
        }
        int hs = fitness(hb, he, needed);
        int ts = fitness(tb, te, needed);
        long[] chosen = hs > ts ? new long[] {hb, he} : new long[] {tb, te};
        strictOrWarn("DATA", base + 26, "HEADER says DATA is bytes " + hb + ".." + he + " but TEXT says " + tb + ".."
                + te + "; used " + chosen[0] + ".." + chosen[1] + (hs > ts ? " (HEADER)" : " (TEXT)")
                + ", which fits $TOT");
        return chosen;
    }

    /** 3: exact fit; 2: one byte over (off-by-one end); 1: large enough; 0: unusable. */
    private int fitness(long b, long e, long needed) {
        if (b < 0 || e < b || base + e >= src.size() + 1) {
            return 0;
        }
        long len = e - b + 1;
        boolean inFile = base + e < src.size();
        if (needed < 0) {
            return inFile ? 1 : 0;
        }
        if (len == needed && inFile) {
            return 3;
        }
        if (len == needed + 1) {
            return 2;
        }
        return len >= needed && inFile ? 1 : 0;
    }

    private long[] masks(List<Channel> channels) {
        long[] masks = new long[channels.size()];
        for (int i = 0; i < masks.length; i++) {
            Channel c = channels.get(i);
            masks[i] = -1L;
            if (c.dataType() == 'I' && c.range() > 0 && c.range() <= 0x1p62) {
                long r = (long) Math.ceil(c.range());
                int needed = 64 - Long.numberOfLeadingZeros(Math.max(1, r - 1));
                // Also when $PnB itself is odd (10 bits stored in 16): bits beyond either are not data.
                int keep = Math.min(needed, c.bits());
                if (keep < 64) {
                    masks[i] = (1L << keep) - 1;
                }
            }
        }
        return masks;
    }

    private double timestep(List<Channel> channels) throws FcsException {
        String t = keywords.value("$TIMESTEP");
        if (t == null || channels.stream().noneMatch(Channel::isTime)) {
            return 1;
        }
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        strictOrWarn("$TIMESTEP", -1, "is '" + printable(t) + "'; expected a positive number; Time left unscaled");
        return 1;
    }

    // ---- spillover ----------------------------------------------------------------------------------------------

    private SpilloverMatrix spillover(List<Channel> channels) throws FcsException {
        List<String> names = new ArrayList<>(channels.size());
        for (Channel c : channels) {
            names.add(c.name());
        }
        try {
            return SpilloverKeywords.parse(keywords, names, warnings);
        } catch (IllegalArgumentException e) {
            strictOrWarn("spillover", -1, e.getMessage() + "; no spillover matrix read");
            return null;
        }
    }

}
