package org.tregflow.fcs;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Fuzzes the FCS reader with raw bytes: whatever the input, the reader either returns a file or throws
 * {@link FcsException}; any other exception, an out-of-memory or a hang is a bug.
 *
 * <p>In a plain {@code mvn verify} this runs in regression mode: it replays the seeds in
 * {@code src/test/resources/org/tregflow/fcs/FcsReaderFuzzTestInputs/readAnyBytes/} (small synthetic FCS files
 * written by {@link FuzzSeedWriter}, plus any crasher found so far). A real fuzzing session (as long as the
 * annotation's {@code maxDuration}, 5 minutes; raise it for a longer session, e.g. "2h" overnight):
 * <pre>
 *   JAZZER_FUZZ=1 mvn -B -ntp -o test -Dtest=FcsReaderFuzzTest
 * </pre>
 * Jazzer keeps its growing corpus in {@code .cifuzz-corpus/} (not committed); a crasher is written to the inputs
 * folder above, so every later build replays it. Sessions so far: 977,325 and 1,131,616 executions (301 s each), and
 * with events read again ({@link EventRows}) 5,884,961, 4,915,045 and 3,880,595: no finding.
 */
class FcsReaderFuzzTest {
    private static final Path NAME = Path.of("fuzz.fcs");
    private static final ReadOptions STRICT_STORED = new ReadOptions(Stringency.STRICT, false);

    @FuzzTest(maxDuration = "5m")
    void readAnyBytes(byte[] data) {
        readExpectingOnlyFcsException(data, ReadOptions.DEFAULT);
        readExpectingOnlyFcsException(data, STRICT_STORED);
    }

    static void readExpectingOnlyFcsException(byte[] data, ReadOptions options) {
        try {
            FcsFile f = FcsReader.read(data, NAME, options);
            // Touch what callers touch, so a lazily broken result would show here.
            for (FcsDataset d : f.datasets()) {
                d.events().names();
                int n = d.events().eventCount();
                if (n > 0) {
                    d.events().column(0);
                }
                // An event read again holds its column's values, bit for bit (the first and the last event).
                if (d.rows() != null && n > 0) {
                    for (int e : new int[] {0, n - 1}) {
                        for (int c = 0; c < d.events().channelCount(); c++) {
                            if (Float.floatToRawIntBits(d.rows().value(c, e))
                                    != Float.floatToRawIntBits(d.events().column(c)[e])) {
                                throw new AssertionError("event " + e + " channel " + c + " read again differs");
                            }
                        }
                    }
                }
            }
        } catch (FcsException expected) {
            if (expected.getMessage() == null || !expected.getMessage().startsWith("fuzz.fcs")) {
                throw new AssertionError("FcsException without the file name: " + expected.getMessage());
            }
        }
    }
}
