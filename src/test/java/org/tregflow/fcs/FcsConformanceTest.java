package org.tregflow.fcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tregflow.compensation.SpilloverMatrix;

/**
 * Every FCS file of ../shared/data against an independent reader (FlowKit 1.3.2 / FlowIO 1.4.0, recorded in
 * reference/event_counts.json and first5_events.json) and FlowIO's truth arrays.
 */
class FcsConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Where the reference's channel count is wrong. 0877408774.B08 says $PAR 8, describes $P1..$P8, and its DATA
     * segment (bytes 2304..162303) is exactly $TOT 10000 x 8 parameters x 2 bytes; FlowKit reports 7.
     */
    private static final Map<String, Integer> CHANNEL_COUNT_EXCEPTIONS = Map.of("flowcore/0877408774.B08", 8);

    @Test
    void everyFcsFileMatchesTheIndependentReader() throws IOException {
        Path root = SharedData.root();
        Map<String, JsonNode> ref = new HashMap<>();
        for (JsonNode n : JSON.readTree(root.resolve("reference/event_counts.json").toFile())) {
            ref.put(n.get("file").asText(), n);
        }
        int fcs = 0;
        int read = 0;
        int withWarnings = 0;
        int cleanErrors = 0;
        int countMatches = 0;
        List<String> failures = new ArrayList<>();
        for (Path p : SharedData.allFiles()) {
            String rel = SharedData.relative(p);
            if (!FcsReader.looksLikeFcs(p)) {
                // Not FCS by its header: must not be a file the reference read as FCS.
                JsonNode r = ref.get(rel);
                if (r != null && (r.has("flowkit_event_count") || r.has("datasets"))) {
                    failures.add(rel + ": reference read it, but it has no FCS header");
                }
                continue;
            }
            fcs++;
            JsonNode r = ref.get(rel);
            FcsFile f;
            try {
                f = FcsReader.read(p);
            } catch (FcsException e) {
                cleanErrors++;
                assertTrue(e.getMessage().contains(p.getFileName().toString()), "error names the file: " + e);
                if (r != null && (r.has("flowkit_event_count") || r.has("datasets"))) {
                    failures.add(rel + ": reference read it but we failed: " + e.getMessage());
                }
                System.out.println("[conformance] clean error  " + rel + ": " + e.getMessage());
                continue;
            }
            read++;
            boolean warned = f.datasets().stream().anyMatch(d -> !d.warnings().isEmpty());
            if (warned) {
                withWarnings++;
                System.out.println("[conformance] warnings     " + rel + ": " + f.datasets().get(0).warnings());
            }
            if (r == null) {
                failures.add(rel + ": no reference entry");
                continue;
            }
            List<Long> expected = new ArrayList<>();
            if (r.has("flowkit_event_count")) {
                expected.add(r.get("flowkit_event_count").asLong());
            } else if (r.has("datasets")) {
                for (JsonNode d : r.get("datasets")) {
                    expected.add(d.get("event_count").asLong());
                }
            }
            if (expected.isEmpty()) {
                continue; // the reference failed on it; a correct reading is also acceptable
            }
            List<Long> actual = f.datasets().stream().map(d -> (long) d.events().eventCount()).toList();
            boolean match = r.has("flowkit_event_count") ? actual.get(0).equals(expected.get(0))
                    : actual.equals(expected);
            if (match) {
                countMatches++;
            } else {
                failures.add(rel + ": event counts " + actual + ", reference " + expected);
            }
            if (CHANNEL_COUNT_EXCEPTIONS.containsKey(rel)) {
                assertEquals(CHANNEL_COUNT_EXCEPTIONS.get(rel), f.first().events().channelCount(), rel);
                continue;
            }
            int channels = r.has("channels") ? r.get("channels").asInt() : r.get("datasets").get(0).get("channels").asInt();
            if (f.first().events().channelCount() != channels) {
                failures.add(rel + ": " + f.first().events().channelCount() + " channels, reference " + channels);
            }
        }
        System.out.printf("[conformance] FCS files %d: read %d (with warnings %d), clean errors %d, count matches %d%n",
                fcs, read, withWarnings, cleanErrors, countMatches);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(fcs >= 50, "expected the whole shared data set, found " + fcs + " FCS files");
    }

    @Test
    void firstEventsMatchAsStoredAndAsScaleValues() throws IOException {
        Path root = SharedData.root();
        JsonNode all = JSON.readTree(root.resolve("reference/first5_events.json").toFile());
        int matched = 0;
        for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
            String rel = it.next();
            if (rel.startsWith("_")) {
                continue;
            }
            JsonNode r = all.get(rel);
            Path p = root.resolve(rel);
            EventTable stored = FcsReader.read(p, new ReadOptions(Stringency.LENIENT, false)).first().events();
            FcsDataset scaled = FcsReader.read(p).first();
            assertEquals(r.get("event_count").asInt(), scaled.events().eventCount(), rel);
            List<String> pnn = new ArrayList<>();
            r.get("pnn").forEach(n -> pnn.add(n.asText()));
            assertEquals(pnn, scaled.events().names(), rel + " $PnN");
            for (String ch : pnn) {
                assertClose(r.get("orig_first5").get(ch), stored.column(ch), rel + " stored " + ch);
                assertClose(r.get("raw_first5").get(ch), scaled.events().column(ch), rel + " scale " + ch);
            }
            SpilloverMatrix m = scaled.spillover();
            assertNotNull(m, rel + " spillover");
            List<String> det = new ArrayList<>();
            r.get("spill_detectors").forEach(n -> det.add(n.asText()));
            assertEquals(det, m.channels(), rel + " spillover channels");
            for (int i = 0; i < det.size(); i++) {
                for (int j = 0; j < det.size(); j++) {
                    assertEquals(r.get("spill_matrix").get(i).get(j).asDouble(), m.get(i, j), 1e-12, rel);
                }
            }
            matched++;
        }
        System.out.println("[conformance] first-5 matches: " + matched + " files");
        assertEquals(4, matched);
    }

    private static void assertClose(JsonNode expected, float[] actual, String what) {
        assertNotNull(expected, what);
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i).asDouble();
            double tol = Math.max(1e-6 * Math.abs(e), 1e-6);
            if (Math.abs(e - actual[i]) > tol) {
                fail(what + " event " + i + ": expected " + e + " but read " + actual[i]);
            }
        }
    }

    @Test
    void data1ScaleValuesEqualFlowIoTruth() throws IOException {
        compareWithTruth("gatingml2-compliance/FCSFiles/data1.fcs", "flowio/truth/data1_preprocessed.npy", true);
        compareWithTruth("flowio/fcs_files/data1.fcs", "flowio/truth/data1_original_events.npy", false);
    }

    @Test
    void accuriScaleValuesEqualFlowIoTruth() throws IOException {
        compareWithTruth("flowio/fcs_files/B01 KC-A-W---91-US.fcs",
                "flowio/truth/B01 KC-A-W---91-US_preprocessed_events.npy", true);
    }

    private static void compareWithTruth(String fcs, String npy, boolean scale) throws IOException {
        EventTable t = FcsReader.read(SharedData.file(fcs), new ReadOptions(Stringency.LENIENT, scale)).first().events();
        Npy truth = Npy.read(SharedData.file(npy));
        assertEquals(truth.rows, t.eventCount(), fcs);
        assertEquals(truth.cols, t.channelCount(), fcs);
        for (int c = 0; c < truth.cols; c++) {
            float[] col = t.column(c);
            for (int e = 0; e < truth.rows; e++) {
                double x = truth.values[e][c];
                if (Math.abs(x - col[e]) > Math.max(1e-6 * Math.abs(x), 1e-6)) {
                    fail(fcs + " " + t.channel(c).name() + " event " + e + ": truth " + x + ", read " + col[e]);
                }
            }
        }
    }

    @Test
    void deliberatelyBrokenFilesGiveCleanErrors() {
        FcsException corrupt = assertThrows(FcsException.class,
                () -> FcsReader.read(SharedData.file("fcsparser/corrupted/corrupted.fcs")));
        assertTrue(corrupt.getMessage().contains("not an FCS file"), corrupt.getMessage());
        FcsException truncated = assertThrows(FcsException.class,
                () -> FcsReader.read(SharedData.file("fcsparser/cytek-nl-2000/sample_header.fcs")));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        assertEquals("DATA", truncated.where());
    }

    @Test
    void blankHeaderOffsetsTakeDataOffsetsFromText() throws IOException {
        FcsDataset fake = FcsReader.read(SharedData.file("fcsparser/fake_large_fcs/fake_large_fcs.fcs")).first();
        FcsDataset real = FcsReader.read(SharedData.file(
                "fcsparser/Fortessa/FCS_3.0_Fortessa_PBS_Specimen_001_A1_A01.fcs")).first();
        assertEquals(11585, fake.events().eventCount());
        assertEquals(real.events().names(), fake.events().names());
        for (int c = 0; c < real.events().channelCount(); c++) {
            assertArrayEquals(real.events().column(c), fake.events().column(c));
        }
        assertTrue(fake.warnings().isEmpty(), "blank HEADER offsets are standard, not a repair: " + fake.warnings());
    }

    @Test
    void strictRefusesWhatLenientRepairs() throws IOException {
        Path offByOne = SharedData.file("fcsparser/MiltenyiBiotec/FCS3.1/SG_2014-09-26_Duplicate_Names.fcs");
        FcsDataset lenient = FcsReader.read(offByOne).first();
        assertEquals(8129, lenient.events().eventCount());
        assertTrue(lenient.warnings().stream().anyMatch(w -> w.contains("off-by-one")), lenient.warnings().toString());
        assertThrows(FcsException.class, () -> FcsReader.read(offByOne, ReadOptions.DEFAULT.withStringency(Stringency.STRICT)));

        Path discrepancy = SharedData.file("flowio/fcs_files/data_start_offset_discrepancy_example.fcs");
        FcsDataset d = FcsReader.read(discrepancy).first();
        assertEquals(2, d.events().eventCount());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("HEADER says DATA")), d.warnings().toString());
        assertThrows(FcsException.class,
                () -> FcsReader.read(discrepancy, ReadOptions.DEFAULT.withStringency(Stringency.STRICT)));

        // data1.fcs has $PnE "4,0": lenient reads f2 as 1 (the truth above relies on it), strict refuses.
        Path data1 = SharedData.file("flowio/fcs_files/data1.fcs");
        assertTrue(FcsReader.read(data1).first().warnings().stream().anyMatch(w -> w.contains("f2 = 0")));
        FcsException e = assertThrows(FcsException.class,
                () -> FcsReader.read(data1, ReadOptions.DEFAULT.withStringency(Stringency.STRICT)));
        assertTrue(e.where().startsWith("$P3E"), e.where());
    }

    @Test
    void multipleDataSetsAndBeckmanCompensation() throws IOException {
        FcsFile coulter = FcsReader.read(SharedData.file("flowio/fcs_files/coulter.lmd"));
        assertEquals(2, coulter.datasets().size());
        assertEquals(18110, coulter.datasets().get(1).events().eventCount());
        SpilloverMatrix m = coulter.first().spillover();
        assertNotNull(m);
        // $DFC1TO3 = 28.40: detector FL1 spills 28.4% into FL3
        assertEquals(0.284, m.get(0, 2), 1e-12);
        assertEquals(1.0, m.get(2, 2), 0);
        assertTrue(m.channels().get(0).startsWith("FL1"), m.channels().toString());
    }

    @Test
    void bitMaskKeepsIntegersInsideTheirRange() throws IOException {
        FcsDataset d = FcsReader.read(SharedData.file("fcsparser/fake_bitmask_error/fcs1_cleaned.lmd"),
                new ReadOptions(Stringency.LENIENT, false)).first();
        assertEquals(50000, d.events().eventCount());
        for (int c = 0; c < d.events().channelCount(); c++) {
            double range = d.events().channel(c).range();
            for (float v : d.events().column(c)) {
                assertTrue(v >= 0 && v < range, d.events().channel(c).name() + " value " + v + " outside [0," + range + ")");
            }
        }
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("masked")), d.warnings().toString());
    }

    @Test
    void readTextAndLooksLikeFcs() throws IOException {
        Path p = SharedData.file("cytopipeline/Donor1.fcs");
        Keywords kw = FcsReader.readText(p);
        assertEquals("5000", kw.value("$TOT"));
        assertEquals("LSRFortessa", kw.value("$CYT"));
        assertTrue(FcsReader.looksLikeFcs(SharedData.file("flowcore/0877408774.B08")));
        assertFalse(FcsReader.looksLikeFcs(SharedData.file("flowkit/comp_complete_example.csv")));
        assertFalse(FcsReader.looksLikeFcs(SharedData.file("fcsparser/corrupted/corrupted.fcs")));
    }
}
