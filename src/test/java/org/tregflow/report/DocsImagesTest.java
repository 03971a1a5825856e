package org.tregflow.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tregflow.simulate.Visit;

class DocsImagesTest {
    @Test
    void make() throws Exception {
        Path out = Path.of("/tmp/docsrun");
        OutputFolder f = OutputFolder.build(out, 6, 30_000);
        Path report = CohortReport.write(f.dir);
        TregSample s = new TregSample(300_000, 0, Visit.AFTER_CYCLE_4);
        GatingSheet.write("P01_C4.fcs", "P01 · C4 (after cycle 4) · IL-2 arm", s.source, s.steps, Path.of("/tmp/docsheet"));
        try (HeadlessChromium b = new HeadlessChromium(HeadlessChromium.find(), 1400, 2000)) {
            b.open(report);
            Files.write(Path.of("/tmp/docs-report.png"), b.screenshot(2000));
            Files.write(Path.of("/tmp/docs-report-full.png"), b.screenshot());
        }
    }
}
