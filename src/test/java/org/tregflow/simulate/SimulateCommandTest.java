package org.tregflow.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.cli.Main;

class SimulateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheCohortAndSaysWhatItWrote() throws Exception {
        String out = run(0, "simulate", "--out", tmp.toString(), "--patients", "2", "--events", "1500", "--seed", "5");
        assertTrue(out.contains("wrote 8 FCS files"), out);
        assertTrue(out.contains("true endpoint met by 2 of 2 patients"), out);
        assertTrue(Files.size(tmp.resolve("P02_FU.fcs")) > 1500L * 13 * 4);
        assertEquals(9, Files.readAllLines(tmp.resolve("samples.csv")).size());
    }

    @Test
    void aFolderHoldingFilesOfTheCohortsNamesIsRefusedUnlessForced() throws Exception {
        // A lab's own file under a name the cohort uses, and its own sheet.
        Files.writeString(tmp.resolve("P01_V0.fcs"), "a real file");
        Files.writeString(tmp.resolve("samples.csv"), "the lab's sheet");
        String err = run(2, "simulate", "--out", tmp.toString(), "--patients", "2", "--events", "1500");
        assertTrue(err.contains("--out " + tmp + " already holds P01_V0.fcs, samples.csv, which the simulation would"
                + " replace; give a new or empty folder, or --force to replace them"), err);
        assertEquals("a real file", Files.readString(tmp.resolve("P01_V0.fcs")));
        assertEquals("the lab's sheet", Files.readString(tmp.resolve("samples.csv")));
        assertFalse(Files.exists(tmp.resolve("P01_C1.fcs")), "nothing written");
        // Other files are no obstacle; --force replaces.
        Files.delete(tmp.resolve("P01_V0.fcs"));
        Files.delete(tmp.resolve("samples.csv"));
        Files.writeString(tmp.resolve("notes.txt"), "kept");
        run(0, "simulate", "--out", tmp.toString(), "--patients", "1", "--events", "1500");
        err = run(2, "simulate", "--out", tmp.toString(), "--patients", "1", "--events", "1500");
        assertTrue(err.contains("already holds P01_V0.fcs, P01_C1.fcs, P01_C4.fcs and 4 more"), err);
        run(0, "simulate", "--out", tmp.toString(), "--patients", "1", "--events", "1500", "--force");
        assertEquals("kept", Files.readString(tmp.resolve("notes.txt")));
    }

    @Test
    void badOptionsAreUsageErrorsWithAnActionableMessage() throws Exception {
        String err = run(2, "simulate", "--out", tmp.toString(), "--channels", "14");
        assertTrue(err.contains("--channels must be 13"), err);
        err = run(2, "simulate", "--out", tmp.toString(), "--patients", "0");
        assertTrue(err.contains("at least 1"), err);
        err = run(2, "simulate", "--out", tmp.toString(), "--patients", "2", "--only", "P03_V0");
        assertTrue(err.contains("P03_V0"), err);
        assertFalse(err.contains("at org."), "no stack trace: " + err);
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        err = run(2, "simulate", "--out", file.toString(), "--patients", "1", "--events", "10");
        assertTrue(err.contains("is a file, not a folder"), err);
        run(2, "simulate");
    }

    /** Runs the CLI, checks the exit code and returns what it printed (stdout + stderr). */
    private static String run(int expectedExit, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int code;
        try {
            System.setOut(ps);
            System.setErr(ps);
            code = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, code, text);
        return text;
    }
}
