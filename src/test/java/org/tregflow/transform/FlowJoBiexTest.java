package org.tregflow.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** FlowJo's own exported biex lookup table (FlowKit data/flowjo_xforms), reproduced point by point. */
class FlowJoBiexTest {
    private static final Path TABLE = Path.of("../shared/data/flowkit/flowjo_xforms/"
            + "tr_biex_l256_w-7.943282_n1.000000_m4.418540_r262144.000029.csv");

    @Test
    void reproducesFlowJosLookupTable() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(TABLE), "FlowJo biex table not found at " + TABLE + "; skipping");
        List<String> lines = Files.readAllLines(TABLE);
        assertEquals("i,lookup[i]", lines.get(0));
        // parameters from the file name: width basis w, negative n, positive m, top of scale r
        FlowJoBiex biex = new FlowJoBiex(1.0, -7.943282, 4.418540, 262144.000029);
        for (int k = 0; k < lines.size() - 1; k++) {
            String[] cells = lines.get(k + 1).split(",");
            assertEquals(k, Integer.parseInt(cells[0]));
            double expected = Double.parseDouble(cells[1]);
            // FlowJo wrote 6 significant digits
            assertEquals(expected, biex.tableValue(k), 5e-6 * Math.abs(expected) + 5e-4, "channel " + k);
        }
        assertEquals(0.0, biex.tableValue(1096), 0, "zero sits on channel 1096 as in FlowJo's table");
    }

    @Test
    void interpolatesAndClampsLikeFlowJo() {
        FlowJoBiex biex = new FlowJoBiex(0, -10, 4.418540, 262144.000029);
        assertEquals(0.0, biex.apply(-1e9), 0);
        assertEquals(4096.0, biex.apply(1e9), 0);
        for (double y : new double[] {0.5, 100.25, 1000, 2047.5, 4095.9}) {
            assertEquals(y, biex.apply(biex.inverse(y)), 1e-9);
        }
        double mid = (biex.tableValue(3000) + biex.tableValue(3001)) / 2;
        assertEquals(3000.5, biex.apply(mid), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new FlowJoBiex(0, 10, 4.4, 262144));
    }
}
