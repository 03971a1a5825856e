package org.tregflow.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tregflow.cli.Main;
import org.tregflow.stats.SampleResult;

/**
 * What a run records about itself in {@code manifest.json}, filled by the pipeline. The tables' files and the
 * counts are added when the manifest is written.
 *
 * @param toolVersion    tregflow's version ({@link Main#version()})
 * @param pipeline       the pipeline definition's path as given, or null
 * @param pipelineSha256 its content hash, or null
 * @param started        when the run started
 * @param finished       when the run finished (processing, before the tables are written)
 * @param inputs         one per input file, in input order
 * @param warnings       run-level warnings (per-file warnings are in the samples table)
 * @param timingsMs      per sample id, milliseconds per stage name (e.g. read, compensate, gate), when measured
 */
public record RunManifest(String toolVersion, String pipeline, String pipelineSha256, Instant started,
                          Instant finished, List<Input> inputs, List<String> warnings,
                          Map<String, Map<String, Long>> timingsMs, Batch batch) {
    public RunManifest {
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
        timingsMs = timingsMs == null ? Map.of() : Map.copyOf(timingsMs);
    }

    public RunManifest(String toolVersion, String pipeline, String pipelineSha256, Instant started, Instant finished,
                       List<Input> inputs, List<String> warnings, Map<String, Map<String, Long>> timingsMs) {
        this(toolVersion, pipeline, pipelineSha256, started, finished, inputs, warnings, timingsMs, null);
    }

    /**
     * How a batch run treated its inputs, for audit: which per-file results were reused from earlier runs.
     *
     * @param runKey the key of the stored per-file results (tool version + pipeline + matrix hash)
     * @param resume whether the run was asked to reuse stored results
     * @param reused sample ids whose stored result was reused (not analysed in this run)
     * @param hashesRecorded sample ids whose SHA-256 came from the record of input hashes: the file was the same,
     *                       unchanged file on disk as when it was hashed by an earlier run, and was not read
     * @param sheets the formats the gating sheets were asked in ({@code tregflow run --sheets}: "svg,png", "svg",
     *               "png" or "none")
     */
    public record Batch(String runKey, boolean resume, Set<String> reused, Set<String> hashesRecorded, String sheets) {
        public Batch {
            reused = Set.copyOf(reused);
            hashesRecorded = Set.copyOf(hashesRecorded);
        }
    }

    /** This manifest with the batch's record. */
    public RunManifest withBatch(Batch b) {
        return new RunManifest(toolVersion, pipeline, pipelineSha256, started, finished, inputs, warnings, timingsMs, b);
    }

    /**
     * One input file.
     *
     * @param size bytes, null when the file could not be read
     */
    public record Input(String sampleId, String path, Long size, String sha256, String status) {
    }

    /**
     * A manifest for results of a finished run: inputs from the results (size read from disk when the file is
     * there), the pipeline's hash computed from its file when it exists.
     */
    public static RunManifest of(Path pipeline, Instant started, Instant finished, List<SampleResult> results,
                                 Map<String, Map<String, Long>> timingsMs, List<String> warnings) {
        List<Input> inputs = new ArrayList<>(results.size());
        for (SampleResult r : results) {
            inputs.add(new Input(r.sampleId(), r.file(), sizeOrNull(r.file()), r.sha256(), r.status()));
        }
        String sha = null;
        if (pipeline != null && Files.isRegularFile(pipeline)) {
            try {
                sha = Hashing.sha256(pipeline);
            } catch (IOException e) {
                warnings = new ArrayList<>(warnings);
                warnings.add("cannot hash pipeline " + pipeline + ": " + e.getMessage());
            }
        }
        return new RunManifest(Main.version(), pipeline == null ? null : pipeline.toString(), sha, started,
                finished, inputs, warnings, timingsMs);
    }

    private static Long sizeOrNull(String file) {
        try {
            return file == null ? null : Files.size(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return null; // unreadable or malformed path: the samples table carries the error
        }
    }

    public long okCount() {
        return inputs.stream().filter(i -> SampleResult.OK.equals(i.status())).count();
    }

    public long failedCount() {
        return inputs.size() - okCount();
    }
}
