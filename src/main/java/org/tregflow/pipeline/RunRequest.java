package org.tregflow.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.tregflow.report.SheetFormat;

/**
 * One batch run.
 *
 * @param pipeline       the pipeline file
 * @param inputs         FCS files and folders (searched recursively)
 * @param sampleSheet    the sample sheet, or null for the pipeline's {@code samples.sheet} next to the first input
 *                       folder (when present), then its filename pattern or FCS keywords
 * @param baselineVisit  overrides the pipeline's endpoint baseline visit, or null
 * @param endpointVisit  overrides the pipeline's endpoint visit, or null
 * @param outDir         where the tables go, or null to write nothing (library use)
 * @param threads        files analysed at once, at most (fewer when the heap cannot hold that many of the largest
 *                       file: {@code FilesInFlight})
 * @param progress       receives one line per file as it finishes (may be null)
 * @param resume         reuse the per-file results stored in {@code outDir} by earlier runs for files whose
 *                       content and pipeline are unchanged ({@link ResultStore})
 * @param listener       hears the run's progress (may be null)
 * @param sheets         the files each sample's gating sheet is written as in {@code outDir}/sheets (null: SVG
 *                       and PNG; empty: no sheets drawn); a sample's sheet files of other formats are removed
 *                       there, so each sample of the run has only this run's sheets
 */
public record RunRequest(Path pipeline, List<Path> inputs, Path sampleSheet, String baselineVisit,
                         String endpointVisit, Path outDir, int threads, Consumer<String> progress, boolean resume,
                         RunListener listener, Set<SheetFormat> sheets) {
    public RunRequest {
        inputs = List.copyOf(inputs);
        sheets = sheets == null ? Set.of(SheetFormat.values()) : Set.copyOf(sheets);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (progress == null) {
            progress = line -> { };
        }
        if (listener == null) {
            listener = RunListener.NONE;
        }
    }

    /** A run whose gating sheets are written as SVG and PNG. */
    public RunRequest(Path pipeline, List<Path> inputs, Path sampleSheet, String baselineVisit, String endpointVisit,
                      Path outDir, int threads, Consumer<String> progress, boolean resume, RunListener listener) {
        this(pipeline, inputs, sampleSheet, baselineVisit, endpointVisit, outDir, threads, progress, resume, listener,
                null);
    }

    /** A full run (no reuse of stored results), progress as lines, gating sheets as SVG and PNG. */
    public RunRequest(Path pipeline, List<Path> inputs, Path sampleSheet, String baselineVisit, String endpointVisit,
                      Path outDir, int threads, Consumer<String> progress) {
        this(pipeline, inputs, sampleSheet, baselineVisit, endpointVisit, outDir, threads, progress, false, null);
    }
}
