package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.stats.GateRecord;
import org.tregflow.stats.PopulationStats;

class ResultStoreTest {
    @TempDir
    Path out;

    static final String SHA = "ab".repeat(32);
    static final String ID = "site A/P01_V0.fcs";

    static ResultStore.Stored sample(String runKey) {
        Map<String, Double> medians = new LinkedHashMap<>();
        medians.put("CD25", 1234.5678901234567);
        medians.put("FOXP3", Double.NaN); // an empty population's median
        medians.put("CD127", -0.1 + 0.2); // not exactly representable in decimal: must come back bit for bit
        return new ResultStore.Stored(ResultStore.FORMAT, SHA, ID, runKey, "FCS3.1", "LSRFortessa", 123_456L,
                List.of(new PopulationStats("Lymphocytes", "/Lymphocytes", null, 100_000, 123_456, 123_456, medians),
                        new PopulationStats("Treg", "/Lymphocytes/Treg", "Lymphocytes", 0, 100_000, 123_456, Map.of())),
                List.of(new GateRecord("Treg", "density_valley", "CD25", "min_peak_height=0.01", "min=0.412")),
                List.of("HEADER and TEXT disagree on the DATA offset; TEXT used (lenient)"), true, "P01 · V0 · IL-2 arm");
    }

    @Test
    void aStoredResultComesBackExactly() throws Exception {
        ResultStore store = new ResultStore(out, "k1");
        ResultStore.Stored s = sample("k1");
        store.save(s);
        ResultStore.Stored back = store.load(SHA, ID).orElseThrow();
        assertEquals(s.populations().get(0).medians().get("CD127"), back.populations().get(0).medians().get("CD127"));
        assertTrue(Double.isNaN(back.populations().get(0).medians().get("FOXP3")));
        // records compare doubles with Double.compare semantics for NaN via boxed equals
        assertEquals(s, back);
        try (Stream<Path> files = Files.list(store.folder())) {
            assertEquals(List.of(SHA + "-k1-" + ResultStore.sampleKey(ID) + ".json"),
                    files.map(p -> p.getFileName().toString()).toList(),
                    "one file, no temporary left");
        }
    }

    @Test
    void anotherPipelineContentOrSampleFindsNothing() throws Exception {
        new ResultStore(out, "k1").save(sample("k1"));
        assertTrue(new ResultStore(out, "k1").load(SHA, ID).isPresent());
        assertTrue(new ResultStore(out, "k2").load(SHA, ID).isEmpty());
        assertTrue(new ResultStore(out, "k1").load("cd".repeat(32), ID).isEmpty());
        assertTrue(new ResultStore(out, "k1").load(SHA, "site A/P01_C1.fcs").isEmpty(), "the same file under another name");
    }

    @Test
    void aDamagedOrMislabelledEntryIsIgnored() throws Exception {
        ResultStore store = new ResultStore(out, "k1");
        store.save(sample("k1"));
        Path entry = store.folder().resolve(SHA + "-k1-" + ResultStore.sampleKey(ID) + ".json");
        String json = Files.readString(entry);
        Files.writeString(entry, json.substring(0, json.length() / 2));
        assertTrue(store.load(SHA, ID).isEmpty(), "half a file");
        Files.writeString(entry, json.replace("\"runKey\":\"k1\"", "\"runKey\":\"k0\""));
        assertTrue(store.load(SHA, ID).isEmpty(), "keys inside disagree with the name");
    }

    @Test
    void theRunKeyFollowsThePipelineBytes(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("p.yaml");
        Files.copy(Path.of("pipelines", "ld-il2-treg-nk.yaml"), p);
        CompiledPipeline c = CompiledPipeline.load(p);
        String k1 = ResultStore.runKey(c, p);
        assertEquals(k1, ResultStore.runKey(c, p));
        assertEquals(64, k1.length());
        Files.writeString(p, Files.readString(p) + "\n# a comment is a change: results are not reused\n");
        assertNotEquals(k1, ResultStore.runKey(CompiledPipeline.load(p), p));
    }
}
