package org.tregflow.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.stats.SampleInfo;
import org.tregflow.stats.SampleResult;

class RunManifestTest {
    @TempDir
    Path dir;

    @Test
    void hashesThePipelineAndSizesTheInputs() throws IOException {
        Path pipeline = Files.writeString(dir.resolve("p.yaml"), "abc");
        Path fcs = Files.write(dir.resolve("a.fcs"), new byte[1234]);
        List<SampleResult> results = List.of(
                new SampleResult("a.fcs", fcs.toString(), "h", SampleResult.OK, null, 10, "3.1", null,
                        SampleInfo.UNKNOWN, List.of(), List.of(), List.of()),
                new SampleResult("gone.fcs", dir.resolve("gone.fcs").toString(), null, SampleResult.FAILED,
                        "no such file", 0, null, null, SampleInfo.UNKNOWN, List.of(), List.of(), List.of()));
        RunManifest m = RunManifest.of(pipeline, Instant.EPOCH, Instant.EPOCH, results, Map.of(), List.of());
        // FIPS 180-2 test vector for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", m.pipelineSha256());
        assertEquals(pipeline.toString(), m.pipeline());
        assertEquals(1234L, m.inputs().get(0).size());
        assertNull(m.inputs().get(1).size());
        assertEquals(1, m.okCount());
        assertEquals(1, m.failedCount());
    }

    @Test
    void noPipelineFile() {
        RunManifest m = RunManifest.of(dir.resolve("absent.yaml"), Instant.EPOCH, Instant.EPOCH, List.of(), null,
                List.of());
        assertNull(m.pipelineSha256());
        assertEquals(0, m.inputs().size());
    }
}
