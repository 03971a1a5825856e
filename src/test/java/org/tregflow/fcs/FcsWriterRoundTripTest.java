package org.tregflow.fcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.compensation.SpilloverMatrix;

/** FcsWriter then FcsReader gives back the exact floats, the keywords and the spillover matrix. */
class FcsWriterRoundTripTest {

    @Test
    void writeThenReadIsExact(@TempDir Path dir) throws IOException {
        int n = 10_000;
        SplittableRandom rnd = new SplittableRandom(42);
        List<Channel> channels = List.of(
                Channel.ofFloat(1, "FSC-A", null, 262144),
                Channel.ofFloat(2, "CD4/CD8", "BV421 - CD4|x", 262144),
                Channel.ofFloat(3, "Time", "Time", 1e6));
        float[][] cols = new float[3][n];
        for (int e = 0; e < n; e++) {
            cols[0][e] = (float) (rnd.nextDouble() * 262144);
            cols[1][e] = (float) (rnd.nextGaussian() * 1e3);          // negative values survive
            cols[2][e] = Float.intBitsToFloat(rnd.nextInt(0x7F7FFFFF)); // any finite positive bit pattern
        }
        cols[1][7] = Float.MIN_VALUE;
        cols[1][8] = -0.0f;
        EventTable table = new EventTable(channels, cols, n);
        Keywords extra = new Keywords();
        extra.put("$CYT", "Synthetic|Cytometer \u2122");
        extra.put("PATIENT", "P-007");
        extra.put("$TOT", "1"); // owned by the writer: ignored
        SpilloverMatrix spill = new SpilloverMatrix(List.of("FSC-A", "CD4/CD8"),
                new double[][] {{1.0, 0.125}, {0.0371, 1.0}});
        Path out = dir.resolve("round.fcs");
        FcsWriter.write(out, table, extra, spill);

        assertTrue(FcsReader.looksLikeFcs(out));
        FcsFile file = FcsReader.read(out, ReadOptions.DEFAULT.withStringency(Stringency.STRICT));
        assertEquals("FCS3.1", file.version());
        FcsDataset ds = file.first();
        assertTrue(ds.warnings().isEmpty(), ds.warnings().toString());
        assertEquals(n, ds.events().eventCount());
        assertEquals(List.of("FSC-A", "CD4/CD8", "Time"), ds.events().names());
        assertEquals("BV421 - CD4|x", ds.events().channel(1).marker());
        assertEquals(1e6, ds.events().channel(2).range());
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(cols[c], ds.events().column(c), "column " + c);
        }
        assertEquals("Synthetic|Cytometer \u2122", ds.keywords().value("$CYT"));
        assertEquals("P-007", ds.keywords().value("PATIENT"));
        assertEquals(Integer.toString(n), ds.keywords().value("$TOT"));
        assertEquals(spill, ds.spillover());
        // Only what was written: no temporary file left next to it.
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void emptyTableRoundTrips(@TempDir Path dir) throws IOException {
        EventTable empty = new EventTable(List.of(Channel.ofFloat(1, "X", null, 1024)), new float[1][0], 0);
        Path out = dir.resolve("empty.fcs");
        FcsWriter.write(out, empty, null, null);
        FcsDataset ds = FcsReader.read(out).first();
        assertEquals(0, ds.events().eventCount());
        assertEquals(List.of("X"), ds.events().names());
        assertTrue(ds.warnings().isEmpty(), ds.warnings().toString());
    }
}
