package org.tregflow.report;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportPreviewTest {
    @Test
    void preview() throws Exception {
        OutputFolder f = OutputFolder.build(Path.of("/tmp/reportpreview"), 6, 20_000);
        System.out.println(CohortReport.write(f.dir));
    }
}
