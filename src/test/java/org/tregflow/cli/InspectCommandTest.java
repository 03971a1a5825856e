package org.tregflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsWriter;
import org.tregflow.fcs.Keywords;

/** {@code tregflow inspect} through {@link Main#execute}, with standard output and error captured. */
class InspectCommandTest {



    private static Path sample(Path dir) throws IOException {
        float[][] cols = {{100.5f, 200f, 300f, 400f, 500f, 600f, 700f}, {-1f, -2f, -3f, -4f, -5f, -6f, -7f}};
        EventTable t = new EventTable(List.of(Channel.ofFloat(1, "FSC-A", null, 262144),
                Channel.ofFloat(2, "FL1-A", "CD25", 262144)), cols, 7);
        Keywords kw = new Keywords();
        kw.put("$CYT", "TestCyt");
        Path p = dir.resolve("sample.fcs");
        FcsWriter.write(p, t, kw, new SpilloverMatrix(List.of("FSC-A", "FL1-A"), new double[][] {{1, 0.5}, {0.25, 1}}));
        return p;
    }

    @Test
    void humanReadableReport(@TempDir Path dir) throws IOException {
        CliRun r = CliRun.run("inspect", sample(dir).toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("version:   FCS3.1"), r.out());
        assertTrue(r.out().contains("data set 1: 7 events, 2 parameters, cytometer TestCyt"), r.out());
        assertTrue(r.out().contains("CD25"), r.out());
        assertTrue(r.out().contains("spillover: 2 channels"), r.out());
        assertTrue(r.out().contains("first 5 events"), r.out());
        assertTrue(r.out().contains("100.500"), r.out());
        // The sixth event (FSC-A 600) is not shown; only the events' lines, the file's temporary path may hold "600".
        String events = r.out().substring(r.out().indexOf("first 5 events"));
        assertTrue(!events.contains("600"), "only 5 events shown: " + r.out());
    }

    @Test
    void jsonReport(@TempDir Path dir) throws IOException {
        CliRun r = CliRun.run("inspect", sample(dir).toString(), "--json", "--head", "3");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("FCS3.1", root.get("version").asText());
        assertTrue(root.get("file").asText().endsWith("sample.fcs"));
        JsonNode ds = root.get("datasets").get(0);
        assertEquals(7, ds.get("events").asInt());
        assertEquals(2, ds.get("parameters").asInt());
        assertEquals("FL1-A", ds.get("channels").get(1).get("name").asText());
        assertEquals("CD25", ds.get("channels").get(1).get("marker").asText());
        assertTrue(ds.get("channels").get(0).get("marker").isNull());
        assertEquals(262144.0, ds.get("channels").get(0).get("range").asDouble());
        assertEquals(32, ds.get("channels").get(0).get("bits").asInt());
        assertEquals("TestCyt", ds.get("keywords").get("$CYT").asText());
        assertEquals(0.5, ds.get("spillover").get("matrix").get(0).get(1).asDouble());
        assertEquals("FL1-A", ds.get("spillover").get("channels").get(1).asText());
        assertEquals(0, ds.get("warnings").size());
        JsonNode head = ds.get("head");
        assertEquals(3, head.get("FSC-A").size());
        assertEquals(100.5, head.get("FSC-A").get(0).asDouble());
        assertEquals(-3.0, head.get("FL1-A").get(2).asDouble());
    }

    @Test
    void jsonOfARealFileWithoutSpillover() throws IOException {
        Path p = Path.of("..", "shared", "data", "flowkit", "test_data_2d_01.fcs");
        assumeTrue(Files.isRegularFile(p), "skipped: shared test data not found at " + p.toAbsolutePath());
        CliRun r = CliRun.run("inspect", "--json", p.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode ds = new ObjectMapper().readTree(r.out()).get("datasets").get(0);
        assertEquals(10000, ds.get("events").asInt());
        assertTrue(ds.get("spillover").isNull());
        assertEquals(5, ds.get("head").elements().next().size());
    }

    @Test
    void unreadableFileGivesOneLineOnStandardErrorAndNothingOnStandardOutput(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.fcs");
        Files.writeString(bad, "FCS3.1    garbage that is not an FCS header at all, padded out to 58+ bytes");
        for (String[] args : List.of(new String[] {"inspect", bad.toString()},
                new String[] {"inspect", "--json", bad.toString()},
                new String[] {"inspect", dir.resolve("missing.fcs").toString()})) {
            CliRun r = CliRun.run(args);
            assertEquals(1, r.exit());
            assertEquals("", r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("tregflow: "), r.err());
            assertTrue(!r.err().contains("Exception"), "no stack trace or class name: " + r.err());
        }
    }

    @Test
    void badUsageIsExitTwo() {
        CliRun r = CliRun.run("inspect");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
    }
}
