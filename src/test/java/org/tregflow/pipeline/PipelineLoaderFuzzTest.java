package org.tregflow.pipeline;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes what a person writes by hand, the pipeline file: parsing and the semantic checks either give a definition
 * (with or without problems) or a {@link PipelineException} naming the file; any other exception is a bug (the
 * CLI would show it as a crash instead of the line to fix).
 *
 * <p>A plain {@code mvn verify} replays the seeds in
 * {@code src/test/resources/org/tregflow/pipeline/PipelineLoaderFuzzTestInputs/parseAndCheck/} (the bundled
 * pipelines and a few broken ones). A fuzzing session, as long as the annotation's {@code maxDuration}:
 * <pre>
 *   JAZZER_FUZZ=1 mvn -B -ntp -o test -Dtest=PipelineLoaderFuzzTest
 * </pre>
 * First session (eleventh session): 500,577 executions in 121 s, no finding.
 */
class PipelineLoaderFuzzTest {
    private static final String SOURCE = "fuzz.yaml";

    @FuzzTest(maxDuration = "2m")
    void parseAndCheck(byte[] data) {
        String yaml = new String(data, StandardCharsets.UTF_8);
        try {
            PipelineDefinition def = PipelineLoader.parse(yaml, SOURCE);
            List<String> problems = PipelineChecks.check(def, Path.of("."));
            for (String p : problems) {
                if (p == null || p.isBlank()) {
                    throw new AssertionError("a blank problem for " + def);
                }
            }
        } catch (PipelineException expected) {
            for (String p : expected.problems()) {
                if (!p.startsWith(SOURCE)) {
                    throw new AssertionError("a problem without the file's name: " + p);
                }
            }
        }
    }
}
