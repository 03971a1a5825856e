package org.tregflow.fcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile files: each must end as one FcsException whose message says what is wrong, without hanging or
 * allocating what the file claims. (The timeout only guards against a hang; it is not a performance check.)
 */
class FcsHostileInputTest {
    private static final Path NAME = Path.of("hostile.fcs");

    private static FcsException refuse(byte[] bytes, String... expectedInMessage) {
        FcsException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(FcsException.class, () -> FcsReader.read(bytes, NAME, ReadOptions.DEFAULT)));
        for (String s : expectedInMessage) {
            assertTrue(e.getMessage().contains(s), "message should mention '" + s + "': " + e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("hostile.fcs"), "message names the file: " + e.getMessage());
        return e;
    }

    private static FcsBytes valid() {
        return FcsReaderTest.floats("FCS3.1", new float[] {1, 2, 3, 4}, "X");
    }

    @Test
    void emptyFile(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("empty.fcs");
        Files.write(p, new byte[0]);
        FcsException e = assertThrows(FcsException.class, () -> FcsReader.read(p));
        assertTrue(e.getMessage().contains("file is 0 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("empty.fcs"));
    }

    @Test
    void missingFile(@TempDir Path dir) {
        FcsException e = assertThrows(FcsException.class, () -> FcsReader.read(dir.resolve("nope.fcs")));
        assertTrue(e.getMessage().contains("cannot open"), e.getMessage());
    }

    @Test
    void notAnFcsFile() {
        refuse("file,patient,visit\na.fcs,P1,V1\n".repeat(5).getBytes(StandardCharsets.US_ASCII), "not an FCS file");
    }

    @Test
    void junkHeaderOffsets() {
        byte[] b = valid().build();
        byte[] junk = "FCS3.0    abcdefgh".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(junk, 0, b, 0, junk.length);
        FcsException e = refuse(b, "TEXT start", "expected a number");
        assertEquals("HEADER", e.where());
        assertEquals(10, e.offset());
    }

    @Test
    void smallFileClaimingTwoBillionEvents() {
        byte[] b = valid().kw("$TOT", 2_000_000_000).build();
        assertTrue(b.length < 400);
        FcsException e = refuse(b, "2000000000", "truncated");
        assertEquals("DATA", e.where());
    }

    @Test
    void absurdEventCountThatOverflows() {
        refuse(valid().kw("$TOT", "999999999999999999").build(), "$TOT");
    }

    @Test
    void offsetsPastTheEndOfTheFile() {
        byte[] b = valid().build();
        String text = String.format("%8d", 9_999_999);
        System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, b, 18, 8); // TEXT end
        refuse(b, "TEXT", "truncated");
        FcsBytes f = valid();
        f.endDataDelta = 5000; // $ENDDATA far past the end, HEADER and TEXT agreeing
        refuse(f.build(), "truncated");
    }

    @Test
    void offsetsThatOverflow() {
        FcsBytes f = valid();
        f.headerDataOffsets = false;
        f.textDataOffsets = false;
        f.kw("$BEGINDATA", "999999999999999990").kw("$ENDDATA", "999999999999999999");
        refuse(f.build(), "DATA");
        FcsBytes g = valid();
        g.textDataOffsets = false;
        g.kw("$ENDDATA", "1");
        g.kw("$BEGINDATA", "99999999999999999999999"); // more digits than a long holds
        refuse(g.build(), "$BEGINDATA", "whole number");
        FcsBytes h = valid();
        h.nextData = Long.MAX_VALUE - 10;
        refuse(h.build(), "$NEXTDATA");
    }

    @Test
    void truncatedData() {
        byte[] b = valid().build();
        refuse(Arrays.copyOf(b, b.length - 3), "truncated");
    }

    @Test
    void unknownDataType() {
        FcsException e = refuse(valid().kw("$DATATYPE", "Q").build(), "expected I (integer)");
        assertEquals("$DATATYPE", e.where());
    }

    @Test
    void zeroOrNegativeOrHugeParameterCount() {
        assertEquals("$PAR", refuse(valid().kw("$PAR", 0).build(), "is 0").where());
        refuse(valid().kw("$PAR", -3).build(), "$PAR");
        refuse(valid().kw("$PAR", 2_000_000_000).build(), "$PAR");
        refuse(valid().kw("$PAR", "many").build(), "whole number");
    }

    @Test
    void nextDataChainThatLoopsOrGoesBackwards() {
        FcsBytes a = valid();
        FcsBytes b = valid();
        byte[] two = FcsBytes.chain(a, b);
        int firstLength = a.build().length;
        // Make the second data set point back at the first: relative offset -firstLength.
        b.nextData = -firstLength;
        byte[] looped = concat(a.build(), b.build());
        refuse(looped, "$NEXTDATA", "loop");
        // Sanity: the unbroken chain reads.
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertEquals(2, FcsReader.read(two, NAME, ReadOptions.DEFAULT).datasets().size()));
    }

    @Test
    void nextDataPastTheEndIsAWarningLenientlyAndAnErrorStrictly() throws FcsException {
        FcsBytes a = valid();
        a.nextData = 1_000_000;
        byte[] b = a.build();
        FcsFile f = FcsReader.read(b, NAME, ReadOptions.DEFAULT);
        assertEquals(1, f.datasets().size());
        assertTrue(f.first().warnings().stream().anyMatch(w -> w.contains("$NEXTDATA")));
        assertThrows(FcsException.class, () -> FcsReader.read(b, NAME, ReadOptions.DEFAULT.withStringency(Stringency.STRICT)));
    }

    @Test
    void badByteOrderAndBitWidths() {
        refuse(valid().kw("$BYTEORD", "1,1,2,3").build(), "permutation");
        refuse(valid().kw("$P1B", 16).build(), "$DATATYPE F values are 32 bits");
        refuse(valid().kw("$DATATYPE", "I").kw("$P1B", 0).build(), "expected 1 to 64 bits");
        refuse(valid().kw("$DATATYPE", "I").kw("$P1B", 4096).build(), "expected 1 to 64 bits");
    }

    @Test
    void textSegmentProblems() {
        byte[] b = valid().build();
        System.arraycopy(String.format("%8d%8d", 200, 100).getBytes(StandardCharsets.US_ASCII), 0, b, 10, 16);
        refuse(b, "before it starts");
        byte[] c = valid().build();
        System.arraycopy(String.format("%8d", 30).getBytes(StandardCharsets.US_ASCII), 0, c, 10, 8);
        refuse(c, "inside the HEADER");
    }

    @Test
    void missingRequiredKeywords() {
        FcsBytes f = valid();
        f.keywords.remove("$PAR");
        refuse(f.build(), "$PAR", "missing");
        FcsBytes g = valid();
        g.keywords.remove("$DATATYPE");
        refuse(g.build(), "$DATATYPE");
    }

    @Test
    void asciiValuesThatAreNotNumbers() {
        FcsBytes f = FcsBytes.of("FCS2.0").kw("$PAR", 1).kw("$TOT", 2).kw("$DATATYPE", "A").kw("$P1N", "A")
                .kw("$P1B", 3).kw("$P1R", 1024).data("12 x?z".getBytes(StandardCharsets.US_ASCII));
        refuse(f.build(), "not a number");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
