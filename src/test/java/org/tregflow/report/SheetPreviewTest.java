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
        for (int i = 0; i < 1; i++) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            var panels = GatingSheet.layout(s.source, s.steps);
            long t1 = System.nanoTime();
            GatingSheet.SheetFiles f = GatingSheet.write("P01_C4.fcs", "P01 · C4 (after cycle 4) · IL-2", s.source,
                    s.steps, Path.of("/tmp/sheetpreview"));
            System.out.println("layout ms " + (t1 - t0) / 1e6 + " write ms " + (System.nanoTime() - t1) / 1e6);
            assertTrue(Files.size(f.png()) > 1000);
        }
    }
}
