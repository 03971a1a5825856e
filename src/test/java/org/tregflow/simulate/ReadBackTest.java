package org.tregflow.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A written file holds what was simulated, read back by an independent, minimal FCS 3.1 parse (HEADER offsets,
 * '|'-delimited TEXT, little-endian floats) written here from the standard, not from the writer's code.
 */
class ReadBackTest {
    @TempDir
    Path tmp;

    @Test
    void fileHoldsTheEventsChannelsStainsAndSpillover() throws IOException {
        CohortConfig cfg = CohortConfig.defaults().withPatients(2).withEvents(2_500).withSeed(3)
                .withOnly(List.of("P02_C1"));
        new CohortSimulator(cfg).write(tmp);
        SimulatedSample s = new CohortSimulator(cfg).simulate(1, Visit.AFTER_CYCLE_1);

        byte[] file = Files.readAllBytes(tmp.resolve("P02_C1.fcs"));
        String header = new String(file, 0, 58, StandardCharsets.US_ASCII);
        assertEquals("FCS3.1", header.substring(0, 6));
        int textStart = Integer.parseInt(header.substring(10, 18).trim());
        int textEnd = Integer.parseInt(header.substring(18, 26).trim());
        String text = new String(file, textStart, textEnd - textStart + 1, StandardCharsets.UTF_8);
        Map<String, String> kw = parseText(text);
        assertEquals("13", kw.get("$PAR"));
        assertEquals("2500", kw.get("$TOT"));
        assertEquals("1,2,3,4", kw.get("$BYTEORD"));
        assertEquals("F", kw.get("$DATATYPE"));
        assertEquals("0.01", kw.get("$TIMESTEP"));
        assertEquals("P02", kw.get("TREGFLOW_PATIENT"));
        assertEquals("C1", kw.get("TREGFLOW_VISIT"));
        assertEquals("14-JAN-2025", kw.get("$DATE"), "study start 06-JAN-2025 + day 8");
        assertEquals("FSC-A", kw.get("$P1N"));
        assertEquals("CD25 PE", kw.get("$P5S"));
        assertEquals("BV510-A", kw.get("$P11N"));
        assertEquals("CD3 BV510", kw.get("$P11S"));
        assertEquals("Time", kw.get("$P13N"));
        assertEquals("262144", kw.get("$P4R"));

        String[] spill = kw.get("$SPILLOVER").split(",");
        assertEquals("9", spill[0]);
        assertEquals(Panel.DETECTORS, List.of(spill).subList(1, 10));
        double[][] expected = Panel.spillover().values();
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                assertEquals(expected[i][j], Double.parseDouble(spill[10 + i * 9 + j]), 0.0, "S[" + i + "][" + j + "]");
            }
        }
        // Spot-check against hand-written designs: FITC into PE 22%, BV421 into BV510 15%.
        assertEquals(0.22, Double.parseDouble(spill[10 + 0 * 9 + 1]));
        assertEquals(0.15, Double.parseDouble(spill[10 + 6 * 9 + 7]));

        int dataStart = Integer.parseInt(kw.get("$BEGINDATA"));
        int dataEnd = Integer.parseInt(kw.get("$ENDDATA"));
        assertEquals(2_500 * 13 * 4, dataEnd - dataStart + 1);
        ByteBuffer data = ByteBuffer.wrap(file, dataStart, dataEnd - dataStart + 1).order(ByteOrder.LITTLE_ENDIAN);
        float[][] cols = new float[13][2_500];
        for (int e = 0; e < 2_500; e++) {
            for (int c = 0; c < 13; c++) {
                cols[c][e] = data.getFloat();
            }
        }
        for (int c = 0; c < 13; c++) {
            assertArrayEquals(s.events().column(c), cols[c], kw.get("$P" + (c + 1) + "N"));
        }
    }

    private static Map<String, String> parseText(String text) {
        char delim = text.charAt(0);
        Map<String, String> kw = new HashMap<>();
        StringBuilder cur = new StringBuilder();
        String key = null;
        for (int i = 1; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == delim && i + 1 < text.length() && text.charAt(i + 1) == delim) {
                cur.append(delim); // an escaped delimiter
                i++;
            } else if (ch == delim) {
                if (key == null) {
                    key = cur.toString().toUpperCase(java.util.Locale.ROOT);
                } else {
                    kw.put(key, cur.toString());
                    key = null;
                }
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        return kw;
    }
}
