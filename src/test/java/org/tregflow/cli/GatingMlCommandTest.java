package org.tregflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatingMlCommandTest {
    static final Path SUITE = Path.of("../shared/data/gatingml2-compliance");

    @TempDir
    Path tmp;



    @Test
    void countsAndMembershipFilesMatchTheComplianceSuite() throws Exception {
        assumeTrue(Files.isDirectory(SUITE), "compliance suite absent at " + SUITE.toAbsolutePath() + ": skipping");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run("gatingml", SUITE.resolve("Gating-MLFiles/gates1.xml").toString(),
                SUITE.resolve("FCSFiles/data1.fcs").toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("Range1\\s+-\\s+440")), r.out());
        List<String> csv = Files.readAllLines(out.resolve("counts.csv"));
        assertEquals("gate_id,parent,count", csv.get(0));
        assertTrue(csv.contains("Range1,,440"), csv.toString());
        assertTrue(csv.contains("Polygon1,,1582"), csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("ParAnd2,") && !l.startsWith("ParAnd2,,")),
                "a gate with a parent lists it: " + csv);
        // Membership files are byte-comparable to the suite's expected results (one 0/1 per line).
        for (String gate : List.of("Range1", "Polygon1", "ScaleRange4", "Not1", "FL2N-FL4P")) {
            assertEquals(Files.readAllLines(SUITE.resolve("ExpectedResults/set_1/Results_" + gate + ".txt")),
                    Files.readAllLines(out.resolve("membership/" + gate + ".txt")), gate);
        }
        try (var s = Files.list(out.resolve("membership"))) {
            assertFalse(s.anyMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    void badInputIsOneLineNotAStackTrace() {
        CliRun r = CliRun.run("gatingml", tmp.resolve("missing.xml").toString(), tmp.resolve("missing.fcs").toString());
        assertEquals(1, r.exit());
        assertEquals("tregflow: " + tmp.resolve("missing.xml") + ": no such Gating-ML file", r.err().strip());
        assertFalse(r.err().contains("\tat "));
    }

    @Test
    void missingArgumentsIsUsageError() {
        CliRun r = CliRun.run("gatingml");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Missing required parameters"), r.err());
    }

    @Test
    void gateIdsBecomeSafeFileNames() {
        assertEquals("a_b_c.txt", GatingMlCommand.fileName("a/b\\c"));
        assertEquals("FL2N-FL4P.txt", GatingMlCommand.fileName("FL2N-FL4P"));
    }
}
