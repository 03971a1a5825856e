package org.tregflow.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.FcsException;
import org.tregflow.fcs.FcsReader;
import org.tregflow.fcs.Keywords;
import org.tregflow.io.Parallel;

/**
 * The batch's panel, checked before any DATA is decoded: every file's TEXT is read and its markers resolved, so a
 * mismatch (a tube stained with another panel, an instrument that spells a marker its own way) is reported for the
 * whole batch at once, at the start of the night rather than file by file at its end. Files whose TEXT cannot be
 * read, or whose channels lack a marker, fail here without their DATA being read; the others proceed.
 */
public final class PanelCheck {
    /**
     * Below this many events ($TOT) a file is a failed acquisition (an empty or clogged tube, a stopped run), not a
     * sample: it fails up front instead of giving percentages of a handful of cells. Small but real files (a few
     * hundred events) are analysed; their sparse gates are reported empty with a warning, and the endpoint's
     * min_parent_events decides whether they count.
     */
    public static final int MIN_EVENTS = 100;

    /**
     * @param keywords the TEXT keywords of each file that passed, when the pipeline takes sample metadata from
     *                 keywords (else empty)
     * @param failed   the files that fail, each with its message (as in the samples table)
     * @param summary  one line per marker that some files lack, naming those files; empty when all agree
     * @param decodedBytes of each file that passed, its events' size as float columns of every parameter
     *                     ($TOT x $PAR x 4 bytes): what its analysis holds in memory scales with it
     */
    public record Report(Map<Path, Keywords> keywords, Map<Path, String> failed, List<String> summary,
                         Map<Path, Long> decodedBytes) {
        public Report {
            keywords = Map.copyOf(keywords);
            failed = Map.copyOf(failed);
            summary = List.copyOf(summary);
            decodedBytes = Map.copyOf(decodedBytes);
        }
    }

    private PanelCheck() {
    }

    /**
     * Checks every file's panel against the pipeline.
     *
     * @param name how a file is named in the summary (e.g. its sample id)
     */
    public static Report check(List<Path> files, CompiledPipeline pipeline, Function<Path, String> name) {
        Map<Path, Keywords> keywords = new HashMap<>();
        Map<Path, String> failed = new LinkedHashMap<>();
        Map<Path, Long> decodedBytes = new HashMap<>();
        // marker -> files lacking it, in input order
        Map<String, List<String>> missing = new LinkedHashMap<>();
        PanelResolver resolver = pipeline.resolver();
        PipelineDefinition.Panel panel = pipeline.definition().panel();
        // TEXT can be tens of kilobytes (spillover, instrument settings): held for every file of a large batch
        // only when the pipeline takes sample metadata from keywords.
        boolean keepKeywords = !pipeline.definition().samples().keywords().isEmpty();
        List<Text> texts = readTexts(files);
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Keywords k = texts.get(i).keywords();
            if (k == null) {
                failed.put(f, texts.get(i).failure());
                continue;
            }
            long events = totalEvents(k);
            if (events >= 0 && events < MIN_EVENTS) {
                failed.put(f, "the file has only " + events + " events ($TOT); at least " + MIN_EVENTS
                        + " are needed to analyse a sample (an empty or clogged tube, or a stopped acquisition?)");
                continue;
            }
            List<Channel> channels = PanelResolver.channelsOf(k);
            try {
                resolver.resolve(channels);
                if (keepKeywords) {
                    keywords.put(f, k);
                }
                decodedBytes.put(f, decodedBytes(events, channels.size(), texts.get(i).fileSize()));
            } catch (PanelException e) {
                failed.put(f, e.getMessage());
                for (String s : panel.scatter()) {
                    lacks(missing, s, name.apply(f), () -> resolver.resolveScatter(s, channels));
                }
                for (String m : panel.markers()) {
                    lacks(missing, m, name.apply(f), () -> resolver.resolveMarker(m, channels));
                }
            }
        }
        List<String> summary = new ArrayList<>();
        int total = files.size();
        missing.forEach((marker, which) -> summary.add("panel check: " + which.size() + " of " + total
                + " files have no channel for " + marker + " (not analysed): " + String.join(", ", which)));
        return new Report(keywords, failed, summary, decodedBytes);
    }

    /**
     * events x parameters x 4 bytes; without a usable $TOT (events -1) twice the file's size, which covers 16-bit
     * integer data decoded to float. Never more than 4 times the file's size (a value takes a byte at least): a
     * damaged $TOT must not make the whole batch run one file at a time.
     */
    static long decodedBytes(long events, int parameters, long size) {
        if (events >= 0 && parameters > 0) {
            return (long) Math.min((double) events * parameters * Float.BYTES, 4.0 * size); // no overflow
        }
        return 2 * size;
    }

    /** A file's TEXT keywords and its length, or why they cannot be read. */
    private record Text(Keywords keywords, long fileSize, String failure) {
    }

    /**
     * Files whose TEXT is read at once. A TEXT is a few kilobytes at a file's head: reading it costs a round trip,
     * not bandwidth, and on network storage, where a night's batch often lies, the round trips overlap. On this
     * machine's local disk with the page cache emptied, 104 files took 230-259 ms against 280-291 read one by one
     * (3 alternations; the rest is the reader's own work in a fresh JVM, which two cores do not spread much).
     */
    static final int READERS = 8;

    /** Every file's TEXT, in the files' order. */
    private static List<Text> readTexts(List<Path> files) {
        try {
            return Parallel.map(files, READERS, "tregflow-text", PanelCheck::readText);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the files' TEXT", e);
        } catch (IOException e) {
            throw new IllegalStateException("internal error while reading a file's TEXT", e); // readText throws none
        }
    }

    /** Read here, beside the TEXT, so that the files' lengths too come in overlapping round trips. */
    private static Text readText(Path f) {
        try {
            return new Text(FcsReader.readText(f), Files.size(f), null);
        } catch (FcsException e) {
            return new Text(null, 0, e.getMessage());
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Text(null, 0, Pipeline.message(e));
        }
    }

    /**
     * $TOT, or -1 when it is absent (optional in FCS 2.0: the reader counts the events from DATA) or malformed (the
     * reader reports it with its offset).
     */
    static long totalEvents(Keywords k) {
        String tot = k.value("$TOT");
        try {
            return tot == null ? -1 : Long.parseLong(tot.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private interface Lookup {
        Channel find() throws PanelException;
    }

    private static void lacks(Map<String, List<String>> missing, String marker, String file, Lookup lookup) {
        try {
            if (lookup.find() != null) {
                return;
            }
        } catch (PanelException ambiguous) {
            // an ambiguous marker is not a missing one; its own message is in the file's row
            return;
        }
        missing.computeIfAbsent(marker, m -> new ArrayList<>()).add(file);
    }
}
