package org.tregflow.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.stats.SampleResult;

/**
 * The .arrow tables read by a reader that is not ours: Apache Arrow's JavaScript implementation, through
 * {@code src/test/node/compare.mjs}, which checks them cell by cell against the .csv tables. Runs when
 * {@code node} is on the PATH and {@code npm ci --prefix src/test/node} has been run (as .ci/run does).
 */
class NodeArrowReadbackTest {
    private static final Path HARNESS = Path.of("src/test/node");

    @TempDir
    Path dir;

    @BeforeAll
    static void nodeAndApacheArrowPresent() {
        assumeTrue(Files.isDirectory(HARNESS.resolve("node_modules/apache-arrow")),
                "skipped: src/test/node/node_modules/apache-arrow is missing; run `npm ci --prefix src/test/node`");
        boolean node;
        try {
            node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            node = false;
        }
        assumeTrue(node, "skipped: `node` (Node.js 20+) is not on the PATH");
    }

    private record Run(int exit, String output) {
    }

    private Run compare() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", HARNESS.resolve("compare.mjs").toString(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        return new Run(p.exitValue(), out);
    }

    private void writeTables() throws IOException {
        List<SampleResult> results = SyntheticResults.build();
        Tables.writeAll(dir, results, SyntheticResults.POPULATIONS, SyntheticResults.MARKERS, SyntheticResults.SPEC,
                RunManifest.of(null, Instant.EPOCH, Instant.EPOCH, results, Map.of(), List.of()));
    }

    @Test
    void apacheArrowJsReadsTheSameValuesAsTheCsv() throws Exception {
        writeTables();
        Run run = compare();
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("all 6 tables agree"), run.output());
        assertTrue(run.output().contains("ok endpoint: 6 rows, 12 columns"), run.output());
        assertTrue(run.output().contains("met:Bool"), run.output());
    }

    /** The harness must be able to fail: a changed CSV cell is caught. */
    @Test
    void harnessCatchesADifference() throws Exception {
        writeTables();
        Path csv = dir.resolve("visits.csv");
        String text = Files.readString(csv);
        int firstRowEnd = text.indexOf("\r\n", text.indexOf("\r\n") + 2);
        String[] cells = text.substring(text.indexOf("\r\n") + 2, firstRowEnd).split(",");
        cells[5] = Double.toString(Double.parseDouble(cells[5]) * (1 + 1e-9)); // pct_parent, slightly off
        Files.writeString(csv, text.substring(0, text.indexOf("\r\n") + 2) + String.join(",", cells)
                + text.substring(firstRowEnd));
        Run run = compare();
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("visits row 1 column pct_parent"), run.output());
    }
}
