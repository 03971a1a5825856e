package org.tregflow.compensation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the compensation matrix files labs export (FlowJo, R's write.table, hand-edited CSV): parsing gives a
 * square matrix, or a {@link CompensationException} naming the file; anything else is a bug. A matrix read is also
 * inverted, as a run would, which may refuse a singular one with a CompensationException too.
 *
 * <p>A plain {@code mvn verify} replays the seeds in
 * {@code src/test/resources/org/tregflow/compensation/CompensationMatricesFuzzTestInputs/parseAnyText/}. A fuzzing
 * session, as long as the annotation's {@code maxDuration}:
 * <pre>
 *   JAZZER_FUZZ=1 mvn -B -ntp -o test -Dtest=CompensationMatricesFuzzTest
 * </pre>
 * First session (eleventh session): 516,379 executions in 121 s, no finding.
 */
class CompensationMatricesFuzzTest {
    private static final String SOURCE = "fuzz.csv";

    @FuzzTest(maxDuration = "2m")
    void parseAnyText(byte[] data) {
        try {
            SpilloverMatrix m = CompensationMatrices.parse(new String(data, StandardCharsets.UTF_8), SOURCE);
            int n = m.channels().size();
            if (n == 0) {
                throw new AssertionError("a matrix without channels");
            }
            Compensator.inverseOf(m);
        } catch (CompensationException expected) {
            String msg = expected.getMessage();
            boolean named = msg != null && msg.startsWith(SOURCE);
            boolean singular = msg != null && msg.toLowerCase(java.util.Locale.ROOT).contains("singular");
            if (!named && !singular) {
                throw new AssertionError("a CompensationException without the file's name: " + msg);
            }
        }
    }
}
