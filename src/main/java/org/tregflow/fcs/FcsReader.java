package org.tregflow.fcs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.tregflow.compensation.SpilloverMatrix;

/**
 * Reads FCS 2.0, 3.0, 3.1 and 3.2 files: every data set of the $NEXTDATA chain, TEXT and supplemental TEXT, DATA of
 * type I (any widths, packed odd widths), F, D and A, in any byte order, into {@link EventTable} columns.
 *
 * <p>Every problem ends as an {@link FcsException} that names the file, segment or keyword and byte offset. Sizes
 * claimed by a file are checked against the file before anything is allocated, so a hostile file cannot make the
 * reader hang or run out of memory. In {@link Stringency#LENIENT} mode the repairs the mature readers make are
 * made here too, and each is recorded in {@link FcsDataset#warnings()}.
 */
public final class FcsReader {
    static final int HEADER_LENGTH = 58;
    /** More data sets than this in one file is a corrupt $NEXTDATA chain, not an experiment. */
    private static final int MAX_DATASETS = 10_000;
    /**
     * A TEXT segment this large is corruption: real ones are kilobytes (a spectral cytometer's, with its 64 x 64
     * spillover matrix, some hundreds). The cap also bounds the memory that keyword parsing can take.
     */
    private static final long MAX_TEXT_BYTES = 8L << 20;
    private static final Pattern VERSION = Pattern.compile("FCS\\d\\.\\d");
    private static final Set<String> KNOWN_VERSIONS = Set.of("FCS2.0", "FCS3.0", "FCS3.1", "FCS3.2");

    private FcsReader() {
    }

    /** Reads every data set, leniently, as scale values. */
    public static FcsFile read(Path path) throws FcsException {
        return read(path, ReadOptions.DEFAULT);
    }

    public static FcsFile read(Path path, ReadOptions options) throws FcsException {
        try (ByteSource src = open(path)) {
            return readAll(src, path, options, true);
        } catch (IOException | RuntimeException e) {
            throw wrap(path, e);
        }
    }

    /** Reads an FCS file held in memory (e.g. from an object store); {@code name} appears in messages. */
    public static FcsFile read(byte[] bytes, Path name, ReadOptions options) throws FcsException {
        try (ByteSource src = ByteSource.of(bytes)) {
            return readAll(src, name, options, true);
        } catch (IOException | RuntimeException e) {
            throw wrap(name, e);
        }
    }

    /**
     * The keywords of the first data set (TEXT and supplemental TEXT) without decoding DATA: a fast check of a
     * panel or of acquisition metadata.
     */
    public static Keywords readText(Path path) throws FcsException {
        try (ByteSource src = open(path)) {
            return readAll(src, path, ReadOptions.DEFAULT, false).first().keywords();
        } catch (IOException | RuntimeException e) {
            throw wrap(path, e);
        }
    }

    /** True when the file begins with an FCS HEADER ("FCS2.0", "FCS3.1", ...), whatever its extension. */
    public static boolean looksLikeFcs(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        byte[] head = new byte[6];
        try (InputStream in = Files.newInputStream(path)) {
            if (in.readNBytes(head, 0, 6) < 6) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return VERSION.matcher(new String(head, StandardCharsets.ISO_8859_1)).matches();
    }

    private static ByteSource open(Path path) throws FcsException {
        try {
            return ByteSource.open(path);
        } catch (IOException | RuntimeException e) {
            throw new FcsException(path, null, -1, "cannot open the file (" + describe(e) + ")", e);
        }
    }

    private static FcsException wrap(Path file, Exception e) {
        if (e instanceof FcsException fe) {
            return fe;
        }
        return new FcsException(file, null, -1, "unreadable FCS file (" + describe(e) + ")", e);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static FcsFile readAll(ByteSource src, Path file, ReadOptions options, boolean decode)
            throws IOException {
        List<FcsDataset> datasets = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        String version = null;
        long base = 0;
        while (true) {
            seen.add(base);
            DatasetReader r = new DatasetReader(src, file, base, options, datasets.size());
            FcsDataset ds = r.read(decode);
            if (version == null) {
                version = r.version();
            }
            datasets.add(ds);
            long next = r.nextData();
            if (next == 0 || !decode) {
                break;
            }
            long nextBase;
            try {
                nextBase = Math.addExact(base, next);
            } catch (ArithmeticException e) {
                throw new FcsException(file, "$NEXTDATA", base, "offset " + next + " overflows");
            }
            if (next < 0 || seen.contains(nextBase) || nextBase <= base) {
                throw new FcsException(file, "$NEXTDATA", base, "points back to byte " + nextBase
                        + " (data sets must follow one another; the chain would loop)");
            }
            if (nextBase + HEADER_LENGTH > src.size()) {
                if (options.strict()) {
                    throw new FcsException(file, "$NEXTDATA", base, "points to byte " + nextBase
                            + ", past the end of the " + src.size() + "-byte file");
                }
                List<String> w = new ArrayList<>(ds.warnings());
                w.add("$NEXTDATA points to byte " + nextBase + ", past the end of the file; no further data sets read");
                datasets.set(datasets.size() - 1, new FcsDataset(ds.keywords(), ds.events(), ds.spillover(), w, ds.rows()));
                break;
            }
            if (datasets.size() >= MAX_DATASETS) {
                throw new FcsException(file, "$NEXTDATA", base, "more than " + MAX_DATASETS + " data sets");
            }
            base = nextBase;
        }
        return new FcsFile(file, version, datasets);
    }

    static long maxTextBytes() {
        return MAX_TEXT_BYTES;
    }

    static boolean knownVersion(String v) {
        return KNOWN_VERSIONS.contains(v);
    }

    static boolean versionSyntax(String v) {
        return VERSION.matcher(v).matches();
    }

    /** A data set without events, for {@link #readText}. */
    static FcsDataset textOnly(Keywords kw, List<Channel> channels, SpilloverMatrix spill, List<String> warnings) {
        float[][] cols = new float[channels.size()][0];
        return new FcsDataset(kw, new EventTable(channels, cols, 0), spill, warnings, null);
    }

    static ByteBuffer slice(ByteSource src, Path file, String segment, long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > src.size()) {
            throw new FcsException(file, segment, offset, "segment of " + length + " bytes runs past the end of the "
                    + src.size() + "-byte file");
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new FcsException(file, segment, offset, "segment of " + length
                    + " bytes is larger than this reader handles in one piece (2 GB)");
        }
        return src.slice(offset, (int) length);
    }
}
