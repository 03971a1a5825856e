package org.tregflow.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tregflow.simulate.Visit;

class SheetPreviewTest {
    @Test
    void writesSheet() throws Exception {
        TregSample s = new TregSample(200_000, 0, Visit.AFTER_CYCLE_4);
        long t0 = System.nanoTime();
        GatingSheet.SheetFiles f = GatingSheet.write("P01_C4.fcs", "P01 · C4 (after cycle 4) · IL-2", s.source,
                s.steps, Path.of("/tmp/sheetpreview"));
        System.out.println("sheet ms " + (System.nanoTime() - t0) / 1e6);
        assertTrue(Files.size(f.png()) > 1000);
    }
}
