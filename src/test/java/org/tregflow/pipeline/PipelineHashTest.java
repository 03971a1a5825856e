package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.stats.SampleResult;

/**
 * The SHA-256 of each input, now computed beside the analysis when not resuming: it is the file's, for files that
 * pass and for files that fail while their DATA is read, and the sheets and tables are written as before.
 */
class PipelineHashTest {
    private static final Path PIPELINE = Path.of("pipelines", "ld-il2-treg-nk.yaml");

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void everyRowCarriesItsFilesHashWhetherAnalysedOrFailedInData(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        byte[] good = Files.readAllBytes(Path.of("sample-data", "P01_V0.fcs"));
        Files.write(in.resolve("P01_V0.fcs"), good);
        // TEXT intact (the panel check passes), DATA cut short: the file fails only once its events are read.
        byte[] cut = java.util.Arrays.copyOf(good, good.length * 3 / 4);
        Files.write(in.resolve("P01_C4.fcs"), cut);
        Path out = tmp.resolve("out");
        RunResult r = Pipeline.run(new RunRequest(PIPELINE, List.of(in), null, null, null, out, 2, null));
        SampleResult ok = r.samples().stream().filter(s -> s.sampleId().equals("P01_V0.fcs")).findFirst().orElseThrow();
        SampleResult bad = r.samples().stream().filter(s -> s.sampleId().equals("P01_C4.fcs")).findFirst().orElseThrow();
        assertTrue(ok.ok(), ok.error());
        assertFalse(bad.ok());
        assertTrue(bad.error().contains("DATA") && bad.error().contains("truncated"), "failed reading DATA, after "
                + "the TEXT-only panel check: " + bad.error());
        assertEquals(sha256(good), ok.sha256());
        assertEquals(sha256(cut), bad.sha256(), "a failed file is still identified by its content");
        String samples = Files.readString(out.resolve("samples.csv"));
        assertTrue(samples.contains(sha256(good)) && samples.contains(sha256(cut)), samples);
        assertTrue(Files.size(out.resolve("sheets").resolve("P01_V0.svg")) > 0);
        assertTrue(Files.size(out.resolve("sheets").resolve("P01_V0.png")) > 0);
    }
}
