package org.tregflow.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.stats.EndpointRow;
import org.tregflow.stats.SampleResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TablesTest {
    @TempDir
    Path dir;

    private Tables.Written writeSynthetic() throws IOException {
        List<SampleResult> results = SyntheticResults.build();
        RunManifest manifest = RunManifest.of(null, Instant.parse("2026-11-22T06:00:00Z"),
                Instant.parse("2026-11-22T06:01:30.500999999Z"), results,
                Map.of("P1_C0.fcs", Map.of("read", 12L, "gate", 30L)), List.of("sample sheet lists 2 absent files"));
        return Tables.writeAll(dir, results, SyntheticResults.POPULATIONS, SyntheticResults.MARKERS,
                SyntheticResults.SPEC, manifest);
    }

    /** Reads a table back with arrow-vector's file reader: column name → cell values (null for nulls). */
    private static Map<String, List<Object>> readArrow(Path file, Map<String, ArrowType> types) throws IOException {
        Map<String, List<Object>> columns = new java.util.LinkedHashMap<>();
        try (BufferAllocator allocator = new RootAllocator();
             FileChannel channel = FileChannel.open(file);
             ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            root.getSchema().getFields().forEach(f -> {
                columns.put(f.getName(), new ArrayList<>());
                types.put(f.getName(), f.getType());
            });
            while (reader.loadNextBatch()) {
                for (var vector : root.getFieldVectors()) {
                    List<Object> values = columns.get(vector.getName());
                    for (int i = 0; i < root.getRowCount(); i++) {
                        Object v = vector.getObject(i);
                        values.add(v == null ? null : v instanceof org.apache.arrow.vector.util.Text t
                                ? t.toString() : v);
                    }
                }
            }
        }
        return columns;
    }

    @Test
    void writesEveryTableAndTheManifest() throws IOException {
        Tables.Written written = writeSynthetic();
        List<String> names = new ArrayList<>();
        for (String t : Tables.NAMES) {
            names.add(t + ".arrow");
            names.add(t + ".csv");
        }
        names.add("manifest.json");
        assertEquals(names, written.files().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(names, Tables.FILES, "the list others check their files against (Pipeline.wouldOverwrite)");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(13, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void samplesTableColumnsAndTypes() throws IOException {
        writeSynthetic();
        Map<String, ArrowType> types = new java.util.LinkedHashMap<>();
        Map<String, List<Object>> samples = readArrow(dir.resolve("samples.arrow"), types);
        assertEquals(List.of("sample_id", "file", "sha256", "status", "error", "events", "fcs_version",
                "instrument", "patient", "visit", "arm", "visit_order", "warnings", "day"), List.copyOf(types.keySet()));
        assertEquals(ArrowType.Utf8.INSTANCE, types.get("file"));
        assertEquals(new ArrowType.Int(64, true), types.get("events"));
        assertEquals(ArrowType.ArrowTypeID.FloatingPoint, types.get("visit_order").getTypeID());
        int rows = SyntheticResults.build().size();
        assertEquals(rows, samples.get("file").size());
        int failed = samples.get("status").indexOf("failed");
        assertEquals("DATA segment ends at byte 81,920, but \"$ENDDATA\" says 90,000\nfile truncated?",
                samples.get("error").get(failed));
        assertNull(samples.get("sha256").get(failed));
        assertEquals(0L, samples.get("events").get(failed));
        int stray = samples.get("file").indexOf("stray.fcs");
        assertNull(samples.get("patient").get(stray));
        assertNull(samples.get("visit_order").get(stray));
        assertEquals("LSRFortessa µ", samples.get("instrument").get(stray));
        assertEquals("$TIMESTEP missing; assumed 0.01; HEADER/TEXT offsets disagree", samples.get("warnings").get(stray));
        assertTrue(samples.get("file").contains("P2_C2, repeat.fcs"));
    }

    @Test
    void populationsTableHasMediansPerMarker() throws IOException {
        writeSynthetic();
        Map<String, ArrowType> types = new java.util.LinkedHashMap<>();
        Map<String, List<Object>> pops = readArrow(dir.resolve("populations.arrow"), types);
        assertEquals(List.of("sample_id", "patient", "visit", "arm", "visit_order", "population", "path", "parent",
                "count", "parent_count", "pct_parent", "pct_total", "median_CD25", "median_FOXP3"),
                List.copyOf(types.keySet()));
        // 17 ok samples x 3 populations + the stray file's one population
        assertEquals(17 * 3 + 1, pops.get("population").size());
        assertEquals(List.of("CD4+", "Treg", "CD25hi Treg"), pops.get("population").subList(0, 3));
        assertEquals(100.0 * 20_000 / 33_000, (Double) pops.get("pct_parent").get(0), 0);
        assertEquals(1234.5678901234567, (Double) pops.get("median_CD25").get(1), 0);
        int last = pops.get("population").size() - 1;
        assertNull(pops.get("pct_parent").get(last), "empty parent: % of parent is null, not NaN");
        assertNull(pops.get("median_CD25").get(last));
        assertNull(pops.get("median_FOXP3").get(last));
    }

    @Test
    void endpointTableAndRows() throws IOException {
        Tables.Written written = writeSynthetic();
        List<EndpointRow> rows = written.endpoint();
        assertEquals(List.of("P1", "P2", "P3", "P4", "P5", "P6"), rows.stream().map(EndpointRow::patient).toList());
        assertEquals("no sample for visit C4", rows.get(2).reason());
        // P1: Treg 1037 events; CD25hi round(1037 * 0.2) = 207 at C0; at C4 round(1037 * 0.2 * 1.8) = 373 and
        // the replicate's 500 of 1040: mean of the two percentages
        EndpointRow p1 = rows.get(0);
        assertEquals(100.0 * 207 / 1037, p1.baselineValue(), 1e-12);
        assertEquals((100.0 * 373 / 1037 + 100.0 * 500 / 1040) / 2, p1.endpointValue(), 1e-12);
        assertEquals(p1.endpointValue() / p1.baselineValue(), p1.foldChange(), 1e-12);
        assertTrue(rows.get(4).reason().startsWith("file P5_C4.fcs failed: DATA segment ends"));
        Map<String, ArrowType> types = new java.util.LinkedHashMap<>();
        Map<String, List<Object>> endpoint = readArrow(dir.resolve("endpoint.arrow"), types);
        assertEquals(ArrowType.Bool.INSTANCE, types.get("met"));
        assertEquals(List.of("patient", "arm", "population", "statistic", "baseline_visit", "endpoint_visit",
                "baseline_value", "endpoint_value", "fold_change", "threshold", "met", "reason"),
                List.copyOf(types.keySet()));
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).met(), endpoint.get("met").get(i));
        }
        assertNull(endpoint.get("met").get(2));
        assertEquals(Boolean.TRUE, endpoint.get("met").get(0));
    }

    @Test
    void manifestRecordsTheRun() throws IOException {
        writeSynthetic();
        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals("2026-11-22T06:00:00Z", m.get("started").asText());
        assertEquals("2026-11-22T06:01:30.500Z", m.get("finished").asText());
        assertEquals(SyntheticResults.build().size(), m.get("counts").get("inputs").asInt());
        assertEquals(1, m.get("counts").get("failed").asInt());
        assertEquals(m.get("counts").get("inputs").asInt() - 1, m.get("counts").get("ok").asInt());
        assertEquals(12, m.get("inputs").get(0).get("timings_ms").get("read").asLong());
        assertTrue(m.get("inputs").get(0).get("size").isNull(), "file not on disk: size unknown");
        assertEquals("sample sheet lists 2 absent files", m.get("warnings").get(0).asText());
        assertEquals("CD25hi Treg", m.get("endpoint").get("population").asText());
        JsonNode outputs = m.get("outputs");
        assertEquals(12, outputs.size());
        for (JsonNode o : outputs) {
            Path f = dir.resolve(o.get("file").asText());
            assertEquals(Files.size(f), o.get("size").asLong());
            assertEquals(Hashing.sha256(f), o.get("sha256").asText());
        }
        assertFalse(m.get("tool_version").asText().isEmpty());
    }

    @Test
    void rewritingReplacesThePreviousTables() throws IOException {
        writeSynthetic();
        Files.writeString(dir.resolve("samples.csv"), "stale");
        writeSynthetic();
        assertTrue(Files.readString(dir.resolve("samples.csv")).startsWith("sample_id,file,"));
    }

    @Test
    void emptyResultSetGivesHeaderOnlyTables() throws IOException {
        Tables.Written w = Tables.writeAll(dir, List.of(), List.of("Treg"), List.of("CD25"), null, null);
        assertTrue(w.endpoint().isEmpty());
        assertEquals(12, w.files().size(), "no manifest requested");
        assertEquals("patient,arm,population,statistic,baseline_visit,endpoint_visit,baseline_value,"
                + "endpoint_value,fold_change,threshold,met,reason\r\n", Files.readString(dir.resolve("endpoint.csv")));
        Map<String, ArrowType> types = new java.util.LinkedHashMap<>();
        assertTrue(readArrow(dir.resolve("cohort.arrow"), types).get("scope").isEmpty());
        assertEquals(10, types.size());
    }

    @Test
    void unwritableFolderIsATypedError() throws IOException {
        Path notADir = Files.writeString(dir.resolve("out"), "a file where the output folder should be");
        OutputException e = assertThrows(OutputException.class, () -> Tables.writeAll(notADir, List.of(),
                List.of(), List.of(), null, null));
        assertTrue(e.getMessage().contains(notADir.toString()), e.getMessage());
    }
}
