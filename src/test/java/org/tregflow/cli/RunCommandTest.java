package org.tregflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;

class RunCommandTest {
    @TempDir
    static Path shared;
    static Path cohort;

    @BeforeAll
    static void simulate() throws Exception {
        cohort = shared.resolve("cohort");
        new CohortSimulator(CohortConfig.defaults().withPatients(3).withEvents(20_000).withSeed(4242)).write(cohort);
    }



    /** The simulated cohort (files and sheet) copied into {@code in}, for a test that changes it. */
    private static Path copyOfCohort(Path in) throws Exception {
        Files.createDirectories(in);
        for (Path f : Files.list(cohort).toList()) {
            Files.copy(f, in.resolve(f.getFileName()));
        }
        return in;
    }

    @Test
    void anUnknownSheetFormatIsBadUsage(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        CliRun o = CliRun.run("run", "--sheets", "svg,pdf", "--out", out.toString(), cohort.toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("--sheets: unknown gating sheet format 'pdf'"), o.err());
        assertFalse(Files.exists(out.resolve("manifest.json")), "nothing is run");
    }

    @Test
    void tablesThatCannotBeWrittenAreExit5AndKeepThePreviousOnes(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        CliRun first = CliRun.run("run", "--sheets", "none", "--quiet", "--out", out.toString(), cohort.toString());
        assertEquals(0, first.exit(), first.err());
        String populations = Files.readString(out.resolve("populations.csv"));
        // A folder where the next run's table must go; that run has one file only, so its tables would differ.
        Files.delete(out.resolve("visits.arrow"));
        Files.createDirectories(out.resolve("visits.arrow").resolve("in-the-way"));
        CliRun o = CliRun.run("run", "--sheets", "none", "--quiet", "--out", out.toString(),
                cohort.resolve("P01_V0.fcs").toString());
        assertEquals(5, o.exit(), o.err());
        assertTrue(o.err().contains("tregflow run: cannot write the result tables in " + out
                + ": visits.arrow is a folder, in the way of the table of that name (the previous tables there, if"
                + " any, are unchanged)"), o.err());
        assertEquals(populations, Files.readString(out.resolve("populations.csv")), "the previous tables stay");
    }

    @Test
    void anOutputFolderThatHoldsTheSampleSheetIsRefusedAndTheSheetKept(@TempDir Path tmp) throws Exception {
        // --out given as the input folder: the samples table (samples.csv) would replace the sheet of that name.
        Path in = copyOfCohort(tmp.resolve("in"));
        byte[] sheet = Files.readAllBytes(in.resolve("samples.csv"));
        CliRun o = CliRun.run("run", "--sheets", "none", "--quiet", "--out", in.toString(), in.toString());
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("the output folder " + in + " holds the sample sheet " + in.resolve("samples.csv")
                + ", which the run would write over with its own samples.csv; give another --out"), o.err());
        assertTrue(java.util.Arrays.equals(sheet, Files.readAllBytes(in.resolve("samples.csv"))), "the sheet is kept");
        assertFalse(Files.exists(in.resolve("populations.csv")), "nothing analysed");
        // A sheet named otherwise in the same folder is no obstacle.
        Files.move(in.resolve("samples.csv"), in.resolve("sheet.csv"));
        CliRun ok = CliRun.run("run", "--sheets", "none", "--quiet", "--sample-sheet", in.resolve("sheet.csv").toString(),
                "--out", in.toString(), in.toString());
        assertEquals(0, ok.exit(), ok.err());
    }

    @Test
    void sheetsNoneWritesTheTablesWithoutSheets(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        CliRun o = CliRun.run("run", "--sheets", "none", "--quiet", "--out", out.toString(), cohort.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(Files.isRegularFile(out.resolve("populations.csv")));
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"sheets\" : \"none\""));
        assertFalse(Files.exists(out.resolve("sheets")), "no sheets folder");
    }

    @Test
    void aBrokenFileAmongGoodOnesFailsAloneWithExitCode1(@TempDir Path tmp) throws Exception {
        Path in = copyOfCohort(tmp.resolve("in"));
        // Named like an FCS file, but not one; and a sheet row for a file that is absent.
        Files.writeString(in.resolve("P09_V0.fcs"), "this is not an FCS file");
        Files.writeString(in.resolve("samples.csv"), Files.readString(in.resolve("samples.csv"))
                + "P09_V0.fcs,P09,V0,IL-2,0,0\nP10_V0.fcs,P10,V0,IL-2,0,0\n");
        Path out = tmp.resolve("out");
        CliRun o = CliRun.run("run", "--pipeline", "pipelines/ld-il2-treg-nk.yaml", "--out", out.toString(),
                "--threads", "2", in.toString());
        assertEquals(1, o.exit(), o.err());
        List<String> samples = Files.readAllLines(out.resolve("samples.csv"));
        assertEquals(1 + 13, samples.size());
        long failed = samples.stream().filter(l -> l.contains(",failed,")).count();
        long ok = samples.stream().filter(l -> l.contains(",ok,")).count();
        assertEquals(1, failed, String.join("\n", samples));
        assertEquals(12, ok);
        String bad = samples.stream().filter(l -> l.startsWith("P09_V0.fcs")).findFirst().orElseThrow();
        assertTrue(bad.contains("P09_V0.fcs") && bad.contains("HEADER"), bad);
        // The endpoint table on stdout: one line per patient after the header lines.
        assertTrue(o.out().contains("Endpoint: CD25hi Treg pct_parent, C4 vs V0, threshold 2.0-fold"), o.out());
        for (String p : List.of("P01", "P02", "P03")) {
            assertTrue(o.out().lines().anyMatch(l -> l.startsWith(p + " ")), o.out());
        }
        assertTrue(o.out().contains("Cohort: "), o.out());
        // Progress per file, the absent sheet row reported, no stack trace on the terminal.
        assertEquals(13, o.err().lines().filter(l -> l.startsWith("[")).count(), o.err());
        assertTrue(o.err().contains("P10_V0.fcs, which is not among the inputs"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
        assertTrue(Files.readString(out.resolve("tregflow.log")).contains("P09_V0.fcs"));
        for (String t : List.of("samples", "populations", "gates", "visits", "endpoint", "cohort")) {
            assertTrue(Files.size(out.resolve(t + ".arrow")) > 0, t);
            assertTrue(Files.size(out.resolve(t + ".csv")) > 0, t);
        }
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"compensate\"") && manifest.contains("\"gate\""), manifest);
    }

    @Test
    void invalidPipelineIsExit2WithTheLine(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("pipelines/ld-il2-treg-nk.yaml")).replace("    parent: Lymphocytes",
                "    parnet: Lymphocytes"));
        CliRun o = CliRun.run("run", "--pipeline", bad.toString(), "--out", tmp.resolve("out").toString(), cohort.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("unknown key 'parnet'") && o.err().contains("bad.yaml:"), o.err());

        CliRun v = CliRun.run("validate", "--pipeline", bad.toString());
        assertEquals(2, v.exit());
        assertTrue(v.err().contains("unknown key 'parnet'"), v.err());
    }

    @Test
    void validateAcceptsTheBundledPipelinesAndChecksPanels() {
        CliRun o = CliRun.run("validate", "--pipeline", "pipelines/ld-il2-treg-nk.yaml", cohort.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("12 of 12 files fit the panel"), o.out());
        assertEquals(0, CliRun.run("validate", "--pipeline", "pipelines/ld-il2-treg-nk-fixed.yaml").exit());
    }

    @Test
    void validateReportsEveryFileThatDoesNotFitThePanel(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(cohort.resolve("P01_V0.fcs"), in.resolve("good.fcs"));
        Files.writeString(in.resolve("broken.fcs"), "not FCS");
        Path p = tmp.resolve("p.yaml");
        Files.writeString(p, Files.readString(Path.of("pipelines/ld-il2-treg-nk.yaml"))
                .replace("markers: [CD3, CD4, CD8, CD25, CD127, FOXP3, CD56, CD16]",
                        "markers: [CD3, CD4, CD8, CD25, CD127, FOXP3, CD56, CD16, CD45RA]"));
        CliRun o = CliRun.run("validate", "--pipeline", p.toString(), in.toString());
        assertEquals(1, o.exit(), o.err());
        assertTrue(o.out().contains("0 of 2 files fit the panel"), o.out());
        assertTrue(o.err().contains("good.fcs: no channel for marker CD45RA"), o.err());
        assertTrue(o.err().contains("broken.fcs: ") && o.err().contains("HEADER"), o.err());
    }

    @Test
    void nothingToProcessIsExit3(@TempDir Path tmp) throws Exception {
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        CliRun o = CliRun.run("run", "--out", tmp.resolve("out").toString(), empty.toString());
        assertEquals(3, o.exit(), o.err());
        Path junk = empty.resolve("junk.fcs");
        Files.writeString(junk, "FCS3.1 but nothing else");
        assertEquals(3, CliRun.run("run", "--out", tmp.resolve("out2").toString(), empty.toString()).exit());
    }
}
