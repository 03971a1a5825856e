package org.tregflow.gatingml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the Gating-ML reader with raw bytes: it either returns a document or throws {@link GatingMlException}
 * whose message names the source; any other exception is a bug (the CLI would show it as one).
 *
 * <p>A plain {@code mvn verify} replays the seeds in
 * {@code src/test/resources/org/tregflow/gatingml/GatingMlReaderFuzzTestInputs/readAnyBytes/}. A fuzzing session, as
 * long as the annotation's {@code maxDuration} (jazzer-junit 0.24 takes it from there only; raise it for a longer
 * one):
 * <pre>
 *   JAZZER_FUZZ=1 mvn -B -ntp -o test -Dtest=GatingMlReaderFuzzTest
 * </pre>
 * A crasher is written to the inputs folder, so every later build replays it. Sessions of the eleventh session: the
 * first found a rectangle dimension with only a blank bound (seed {@code rect-blank-max}); after the fix 889,411 and
 * 935,078 executions (121 s each) and 4,173,610 (481 s, maxDuration raised to 8m for it): no finding.
 */
class GatingMlReaderFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void readAnyBytes(byte[] data) throws IOException {
        try {
            GatingMlDocument doc = GatingMlReader.read(new ByteArrayInputStream(data), "fuzz.xml");
            // Whatever was read must also be writable and read back the same.
            String xml = GatingMlWriter.toXml(doc);
            GatingMlDocument again = GatingMlReader.read(xml);
            if (!again.gates().gates().equals(doc.gates().gates())) {
                throw new AssertionError("gates differ after export and import");
            }
        } catch (GatingMlException expected) {
            String m = expected.getMessage();
            boolean named = m != null && (m.startsWith("fuzz.xml") || m.startsWith("cannot export"));
            if (!named) {
                throw new AssertionError("GatingMlException without the source name: " + m);
            }
        }
    }
}
