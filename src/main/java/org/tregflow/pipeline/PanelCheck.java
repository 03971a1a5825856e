package org.tregflow.pipeline;

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

/**
 * The batch's panel, checked before any DATA is decoded: every file's TEXT is read and its markers resolved, so a
 * mismatch (a tube stained with another panel, an instrument that spells a marker its own way) is reported for the
 * whole batch at once, at the start of the night rather than file by file at its end. Files whose TEXT cannot be
 * read, or whose channels lack a marker, fail here without their DATA being read; the others proceed.
 */
public final class PanelCheck {
    /**
     * @param keywords the TEXT keywords of each file that passed (for metadata taken from keywords)
     * @param failed   the files that fail, each with its message (as in the samples table)
     * @param summary  one line per marker that some files lack, naming those files; empty when all agree
     */
    public record Report(Map<Path, Keywords> keywords, Map<Path, String> failed, List<String> summary) {
        public Report {
            keywords = Map.copyOf(keywords);
            failed = Map.copyOf(failed);
            summary = List.copyOf(summary);
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
        // marker -> files lacking it, in input order
        Map<String, List<String>> missing = new LinkedHashMap<>();
        PanelResolver resolver = pipeline.resolver();
        PipelineDefinition.Panel panel = pipeline.definition().panel();
        for (Path f : files) {
            Keywords k;
            try {
                k = FcsReader.readText(f);
            } catch (FcsException e) {
                failed.put(f, e.getMessage());
                continue;
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                failed.put(f, Pipeline.message(e));
                continue;
            }
            List<Channel> channels = PanelResolver.channelsOf(k);
            try {
                resolver.resolve(channels);
                keywords.put(f, k);
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
        return new Report(keywords, failed, summary);
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
