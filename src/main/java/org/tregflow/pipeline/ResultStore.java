package org.tregflow.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tregflow.cli.Main;
import org.tregflow.io.AtomicFile;
import org.tregflow.output.Hashing;
import org.tregflow.stats.GateRecord;
import org.tregflow.stats.PopulationStats;

/**
 * Per-file results kept between runs, {@code OUT/.tregflow/results/<file sha256>-<run key>-<sample key>.json}, so a
 * run killed mid-way keeps what it finished and {@code --resume} reprocesses only what changed.
 *
 * <p>A stored result is keyed by the file's content, by the {@linkplain #runKey run key} (the tool version, the
 * pipeline file's bytes and the compensation matrix it names) and by the sample id: a change to any of them is a
 * new key and the file is analysed again. The sample id is part of it because a result also records which sheet
 * was drawn for that sample: one file under two names (warned about) otherwise shared one entry, drawn under one
 * name's title, and every resume analysed the other name's file again. What is stored is the analysis alone, never
 * the sample's metadata (patient, visit, arm): those come from the sample sheet of the run at hand, so a corrected
 * sheet takes effect on resume. Each file is written to a temporary name and renamed, so a kill leaves either the
 * whole result or none; an entry that does not parse, or whose recorded keys disagree with its name, is ignored
 * and the file analysed again.
 */
public final class ResultStore {
    private static final Logger LOG = LoggerFactory.getLogger(ResultStore.class);
    static final int FORMAT = 3;
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Path dir;
    private final String runKey;

    /**
     * The analysis of one file as stored: everything of a {@code SampleResult} that depends only on the file's
     * content and the pipeline, and which per-sample outputs the analysis left.
     *
     * @param sampleId   the sample whose outputs (sheet, Gating-ML) the analysis left
     * @param gatingMl   whether the applied gates were written as Gating-ML
     * @param sheetTitle the title the gating sheet was drawn with, or null when none was drawn
     */
    public record Stored(int format, String sha256, String sampleId, String runKey, String fcsVersion,
                         String instrument, long events, List<PopulationStats> populations, List<GateRecord> gates,
                         List<String> warnings, boolean gatingMl, String sheetTitle) {
        public Stored {
            populations = List.copyOf(populations);
            gates = List.copyOf(gates);
            warnings = List.copyOf(warnings);
        }
    }

    public ResultStore(Path outDir, String runKey) {
        this.dir = outDir.resolve(RunLock.DIR).resolve("results");
        this.runKey = runKey;
    }

    /** The key of a pipeline's results: SHA-256 of the tool version, the pipeline's bytes and its matrix. */
    public static String runKey(CompiledPipeline pipeline, Path pipelineFile) throws IOException {
        MessageDigest md = Hashing.sha256();
        md.update(("tregflow " + Main.version() + "\nresult format " + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
        md.update(Files.readAllBytes(pipelineFile));
        // The matrix file is named by the pipeline, not part of it: its values must count too.
        if (pipeline.matrix() != null) {
            md.update(("\nmatrix\n" + pipeline.matrix().toKeywordValue()).getBytes(StandardCharsets.UTF_8));
        }
        return Hashing.hex(md.digest());
    }

    public String runKey() {
        return runKey;
    }

    public Path folder() {
        return dir;
    }

    private Path entry(String sha256, String sampleId) {
        return dir.resolve(sha256 + "-" + runKey + "-" + sampleKey(sampleId) + ".json");
    }

    /** The sample id in an entry's name: 16 hex digits of its SHA-256 (ids are paths, of any length and alphabet). */
    static String sampleKey(String sampleId) {
        return Hashing.hex(Hashing.sha256().digest(sampleId.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    /** The stored analysis of this sample's file with this content under this pipeline, if any and intact. */
    public Optional<Stored> load(String sha256, String sampleId) {
        Path f = entry(sha256, sampleId);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            Stored s = JSON.readValue(f.toFile(), Stored.class);
            if (s.format() != FORMAT || !sha256.equals(s.sha256()) || !sampleId.equals(s.sampleId())
                    || !runKey.equals(s.runKey())) {
                LOG.warn("{}: recorded keys do not match its name; the file is analysed again", f);
                return Optional.empty();
            }
            return Optional.of(s);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: unreadable stored result ({}); the file is analysed again", f, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores a file's analysis atomically (temporary file, flushed to disk, then renamed). */
    public void save(Stored s) throws IOException {
        byte[] json = JSON.writeValueAsBytes(s);
        AtomicFile.write(entry(s.sha256(), s.sampleId()), ch -> {
            AtomicFile.writeFully(ch, ByteBuffer.wrap(json));
            // On disk before the rename: after a power cut a result is whole or absent, never empty.
            ch.force(true);
        });
    }
}
