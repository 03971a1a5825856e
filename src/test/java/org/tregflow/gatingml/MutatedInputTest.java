package org.tregflow.gatingml;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Damaged Gating-ML (truncated, bytes flipped, attributes dropped, numbers garbled) must fail with a
 * {@link GatingMlException} naming the problem, never another exception type (which the CLI would show as a bug).
 */
class MutatedInputTest {
    @Test
    void damagedFilesFailOnlyWithGatingMlException() throws IOException {
        Compliance.assumePresent();
        SplittableRandom rnd = new SplittableRandom(20261122);
        int failures = 0;
        StringBuilder report = new StringBuilder();
        for (int set = 1; set <= 5; set++) {
            String xml = Files.readString(Compliance.gates(set), StandardCharsets.UTF_8);
            for (int k = 0; k < 150; k++) {
                String bad = mutate(xml, rnd);
                try {
                    GatingMlReader.read(bad);
                } catch (GatingMlException expected) {
                    if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                        failures++;
                        report.append("\nempty message");
                    }
                } catch (RuntimeException other) {
                    if (failures++ < 5) {
                        report.append("\n").append(other).append(" at ").append(other.getStackTrace()[0]);
                    }
                }
            }
        }
        if (failures > 0) {
            fail(failures + " damaged inputs escaped as other exceptions:" + report);
        }
    }

    static String mutate(String xml, SplittableRandom rnd) {
        int at = rnd.nextInt(xml.length());
        switch (rnd.nextInt(6)) {
            case 0:
                return xml.substring(0, at);
            case 1: {
                char[] c = xml.toCharArray();
                c[at] = "<>\"=/ x0-.e:&".charAt(rnd.nextInt(13));
                return new String(c);
            }
            case 2: { // drop an attribute value
                int q = xml.indexOf("=\"", at);
                if (q < 0) {
                    return xml;
                }
                int end = xml.indexOf('"', q + 2);
                return xml.substring(0, q + 2) + xml.substring(end);
            }
            case 3: { // garble a number
                int q = xml.indexOf("value=\"", at);
                if (q < 0) {
                    return xml;
                }
                String[] junk = {"NaN", "-Infinity", "1e999", "", "0x10", "--1", "Infinity", "-1e308"};
                int end = xml.indexOf('"', q + 7);
                return xml.substring(0, q + 7) + junk[rnd.nextInt(junk.length)] + xml.substring(end);
            }
            case 4: { // delete an element line
                int s = xml.lastIndexOf('\n', at);
                int e = xml.indexOf('\n', at);
                return s < 0 || e < 0 ? xml : xml.substring(0, s) + xml.substring(e);
            }
            default: { // rename an id reference
                int q = xml.indexOf("ref=\"", at);
                return q < 0 ? xml : xml.substring(0, q + 5) + "zz" + xml.substring(q + 5);
            }
        }
    }
}
