package org.tregflow.compensation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CompensationMatricesTest {
    static final Path DATA = Path.of("../shared/data");

    static void assumeData() {
        Assumptions.assumeTrue(Files.isDirectory(DATA),
                "shared test data not found at ../shared/data (absent outside the project's CI); skipping");
    }

    @Test
    void flowKitCsv() {
        assumeData();
        SpilloverMatrix m = CompensationMatrices.read(DATA.resolve("flowkit/comp_complete_example.csv"));
        assertEquals(14, m.size());
        assertEquals("Ax488-A", m.channels().get(0));
        assertEquals("Qdot705-A", m.channels().get(13));
        assertEquals(0.2986, m.get(0, 1), 0);
        assertEquals(0.0726, m.get(1, 3), 0);
    }

    @Test
    void flowJoCsvWithHashHeaderAndSpacesInNames() {
        assumeData();
        SpilloverMatrix m = CompensationMatrices.read(DATA.resolve("flowkit/8_color_data_set/den_comp.csv"));
        assertEquals(8, m.size());
        assertEquals("TNFa FITC FLR-A", m.channels().get(0));
        assertEquals("CD4 PE-Cy7 FLR-A", m.channels().get(7));
        assertEquals(0.014139, m.get(0, 1), 0);
        assertEquals(0.127012, m.get(1, 7), 0);
        assertEquals(7, CompensationMatrices.read(DATA.resolve("flowkit/8_color_data_set/den_comp_null_channel.csv")).size());
    }

    @Test
    void flowCoreTabSeparatedWithTitleLinesAndCarriageReturns() {
        assumeData();
        SpilloverMatrix m = CompensationMatrices.read(DATA.resolve("flowcore/compdata/compmatrix"));
        assertEquals(List.of("FL1-H", "FL2-H", "FL3-H", "FL4-H"), m.channels());
        assertEquals(0.24, m.get(0, 1), 0);
        assertEquals(1.13e-3, m.get(0, 3), 0);
        assertEquals(7.95e-4, m.get(3, 0), 0);
        assertEquals(1.0, m.get(3, 3), 0);
    }

    @Test
    void rWriteTableWithQuotedNamesAndRowLabels() {
        assumeData();
        SpilloverMatrix m = CompensationMatrices.read(DATA.resolve("flowcore/compdata/compref1"));
        assertEquals(List.of("FL1-H", "FL2-H", "FL3-H", "FL4-H"), m.channels());
        assertEquals(0.242022277630705, m.get(0, 1), 0);
        assertEquals(0.00772204774835748, m.get(1, 0), 0);
    }

    @Test
    void clearErrors() {
        assertError("A,B\n1,0.1\n", "not square");
        assertError("A,B\n1,0.1\n0.2,x\n", "row 2, column 2 (B) holds 'x'");
        assertError("A,A\n1,0.1\n0.2,1\n", "'A' appears twice");
        assertError("A,B,C\n1,0.1\n0.2,1\n0,0\n", "row 1 has 2 values");
        assertError("1,0\n0,1\n", "header row");
        assertError("just words\n", "no rows of numbers");
        // A non-finite value is named in its place (such a row used to be taken for the header: "not square").
        assertError("A,B\n1,1e400\n0,1\n", "line 2: row 1, column 2 (B) holds '1e400', not a finite number");
        assertError("A,B\nFL1,1,NaN\nFL2,0,1\n", "line 2: row 1, column 2 (B) holds 'NaN', not a finite number");
    }

    @Test
    void aMatrixFileThatIsNotUtf8IsRefusedWithItsLineAndByte(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path f = tmp.resolve("m.csv");
        Files.write(f, "FITC-A,PE-A\n1,0.1\n0.2,1 \u00b5\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CompensationException e = assertThrows(CompensationException.class, () -> CompensationMatrices.read(f));
        assertEquals(f + ":3: not UTF-8 text (byte 0xB5); a compensation matrix is a text file; save it as UTF-8",
                e.getMessage());
    }

    private static void assertError(String text, String fragment) {
        CompensationException e = assertThrows(CompensationException.class,
                () -> CompensationMatrices.parse(text, "m.csv"));
        assertTrue(e.getMessage().contains(fragment) && e.getMessage().contains("m.csv"), e.getMessage());
    }
}
