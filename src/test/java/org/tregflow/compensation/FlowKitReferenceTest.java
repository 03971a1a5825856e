package org.tregflow.compensation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tregflow.fcs.EventTable;
import org.tregflow.transform.Arcsinh;
import org.tregflow.transform.FastLogicle;
import org.tregflow.transform.Logicle;
import org.tregflow.transform.Transform;

/**
 * Reproduces FlowKit 1.3.2's compensated, logicle and asinh values (reference/first5_events.json) from its
 * scale values, with our Compensator and transforms, for every file in the reference.
 */
class FlowKitReferenceTest {
    private static final Logicle LOGICLE = new Logicle(262144, 0.5, 4.5, 0);
    private static final FastLogicle FAST = new FastLogicle(LOGICLE);
    private static final Arcsinh ASINH = new Arcsinh(262144, 4.5, 0);

    @Test
    void compensationLogicleAndAsinhMatchFlowKit() throws IOException {
        CompensationMatricesTest.assumeData();
        JsonNode root = new ObjectMapper().readTree(CompensationMatricesTest.DATA.resolve("reference/first5_events.json").toFile());
        int files = 0;
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().startsWith("_")) {
                continue;
            }
            compared += checkFile(entry.getKey(), entry.getValue());
            files++;
        }
        assertEquals(4, files, "files in the reference");
        assertTrue(compared > 300, "values compared: " + compared);
    }

    private static int checkFile(String file, JsonNode ref) {
        List<String> pnn = strings(ref.get("pnn"));
        float[][] columns = new float[pnn.size()][];
        for (int c = 0; c < pnn.size(); c++) {
            columns[c] = floats(ref.get("raw_first5").get(pnn.get(c)));
        }
        EventTable table = CompensatorTest.table(pnn, columns);
        List<String> detectors = strings(ref.get("spill_detectors"));
        JsonNode rows = ref.get("spill_matrix");
        double[][] values = new double[detectors.size()][detectors.size()];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values.length; j++) {
                values[i][j] = rows.get(i).get(j).asDouble();
            }
        }
        float[][] comp = Compensator.compensate(table, new SpilloverMatrix(detectors, values), detectors);
        int compared = 0;
        for (int d = 0; d < detectors.size(); d++) {
            JsonNode expected = ref.get("comp_first5").get(detectors.get(d));
            double magnitude = 1;
            for (int c = 0; c < detectors.size(); c++) {
                for (JsonNode v : ref.get("raw_first5").get(detectors.get(c))) {
                    magnitude = Math.max(magnitude, Math.abs(v.asDouble()));
                }
            }
            for (int e = 0; e < 5; e++) {
                // float inputs and output: 1e-6 of the largest input magnitude the sum draws on
                assertEquals(expected.get(e).asDouble(), comp[d][e], 1e-6 * magnitude,
                        file + " comp " + detectors.get(d) + " event " + e);
                compared++;
            }
            // end to end: our float compensation, then the fast bulk logicle, against FlowKit's logicle
            float[] display = new float[5];
            FAST.apply(comp[d], display, 5);
            JsonNode logicle = ref.get("logicle_first5").get(detectors.get(d));
            for (int e = 0; e < 5; e++) {
                assertEquals(logicle.get(e).asDouble(), display[e], 1e-6, file + " comp+logicle " + detectors.get(d));
            }
        }
        for (JsonNode index : ref.get("fluoro_indices")) {
            String channel = pnn.get(index.asInt());
            JsonNode comped = ref.get("comp_first5").get(channel);
            compared += checkTransform(file, channel, LOGICLE, comped, ref.get("logicle_first5").get(channel), 1e-9);
            compared += checkTransform(file, channel, FAST, comped, ref.get("logicle_first5").get(channel), 1e-6);
            compared += checkTransform(file, channel, ASINH, comped, ref.get("asinh_first5").get(channel), 1e-9);
        }
        return compared;
    }

    private static int checkTransform(String file, String channel, Transform t, JsonNode in, JsonNode expected,
                                      double tolerance) {
        for (int e = 0; e < 5; e++) {
            double want = expected.get(e).asDouble();
            assertEquals(want, t.apply(in.get(e).asDouble()), tolerance, file + " " + t + " " + channel + " event " + e);
        }
        return 5;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
