package org.tregflow.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started without {@code --add-opens=java.base/java.nio=ALL-UNNAMED} (a notebook's or Spark's, say)
 * cannot run Arrow: the user must get a message naming the option, and no partial tables.
 */
class ArrowJvmOptionsTest {
    @TempDir
    Path dir;

    /** Run in the child JVM: writes the synthetic tables, prints the error's message, exits 1 on error. */
    public static void main(String[] args) {
        try {
            Tables.writeAll(Path.of(args[0]), SyntheticResults.build(), SyntheticResults.POPULATIONS,
                    SyntheticResults.MARKERS, SyntheticResults.SPEC, null);
        } catch (OutputException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    @Test
    void missingAddOpensGivesAnActionableMessage() throws Exception {
        String env = System.getenv().getOrDefault("JDK_JAVA_OPTIONS", "") + System.getenv()
                .getOrDefault("JAVA_TOOL_OPTIONS", "");
        assumeFalse(env.contains("java.nio"), "skipped: the environment opens java.nio for every JVM");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ArrowJvmOptionsTest.class.getName(), out.toString())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("start Java with --add-opens=java.base/java.nio=ALL-UNNAMED"), output);
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "nothing written, no temporary file left");
        }
    }
}
