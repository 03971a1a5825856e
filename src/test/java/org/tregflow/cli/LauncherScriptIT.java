package org.tregflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher users run, on the jar the build just made: standard output is the command's own from the first run
 * (which also prepares the start-up archive, saying so on standard error) to the ones using the archive. A JVM
 * warning printed there once preceded every command's output, `inspect`'s and `--version`'s included.
 */
class LauncherScriptIT {
    private record Run(int exit, String out, String err) {
    }

    private static Run tregflow(String... args) throws IOException, InterruptedException {
        return tregflowWith(null, args);
    }

    /** Runs the launcher with TREGFLOW_JAVA_OPTS set to {@code javaOpts} (null: unset). */
    private static Run tregflowWith(String javaOpts, String... args) throws IOException, InterruptedException {
        return tregflowWith(javaOpts, null, args);
    }

    /** As above, with {@code javaBin} (a JDK's bin folder) first on the PATH when not null. */
    private static Run tregflowWith(String javaOpts, Path javaBin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/tregflow"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("tregflow-out", ".txt");
        Path err = Files.createTempFile("tregflow-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("TREGFLOW_JAVA_OPTS");
            if (javaOpts != null) {
                builder.environment().put("TREGFLOW_JAVA_OPTS", javaOpts);
            }
            if (javaBin != null) {
                builder.environment().put("PATH", javaBin + ":" + builder.environment().get("PATH"));
            }
            Process p = builder.start();
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "scripts/tregflow " + String.join(" ", args) + " hung");
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void standardOutputIsTheCommandsOwnWithAndWithoutTheArchive() throws Exception {
        assertTrue(Files.isRegularFile(Path.of("target", "tregflow.jar")), "the build's jar");
        for (int run = 0; run < 2; run++) { // the first may prepare the archive, the second uses it
            Run version = tregflow("--version");
            assertEquals(0, version.exit(), version.err());
            assertTrue(version.out().matches("tregflow \\S+\\R"), "run " + run + ": '" + version.out() + "'");
        }
        Run inspect = tregflow("inspect", "sample-data/P01_V0.fcs");
        assertEquals(0, inspect.exit(), inspect.err());
        assertTrue(inspect.out().startsWith("file:"), inspect.out());
        assertTrue(Files.list(Path.of("target", "cds")).anyMatch(f -> f.toString().matches(".*\\.(jsa|aot)")),
                "an archive was prepared in target/cds");
    }

    /**
     * A core facility's own JVM options replace the launcher's collector: naming another one (the JVM refuses two)
     * once stopped every command before it began. A heap cap alone keeps the launcher's collector.
     */
    @Test
    void aCollectorInTheUsersOptionsReplacesTheLaunchersOwn() throws Exception {
        for (String opts : List.of("-XX:+UseSerialGC", "-Xmx512m -XX:+UseG1GC", "-Xmx512m")) {
            Run version = tregflowWith(opts, "--version");
            assertEquals(0, version.exit(), opts + ": " + version.err());
            assertTrue(version.out().matches("tregflow \\S+\\R"), opts + ": '" + version.out() + "'");
        }
    }

    /**
     * From JDK 24 on the JVM warned on standard error, four lines at every run, when Arrow's Netty used
     * sun.misc.Unsafe (which it must there); the launcher allows it on those JVMs, and only on those (JVMs before
     * 23 refuse the option). Runs where a JDK 24 or later is installed in /usr/lib/jvm besides the default one.
     */
    @Test
    void aRunOnJava24OrLaterPrintsNoUnsafeWarning(@TempDir Path out) throws Exception {
        Optional<Path> jdk = jdkFrom(24);
        assumeTrue(jdk.isPresent(), "no JDK 24 or later in /usr/lib/jvm: the launcher's flag for it is not exercised");
        Run run = tregflowWith(null, jdk.get().resolve("bin"), "run", "--quiet", "--out", out.toString(),
                "sample-data/P01_V0.fcs");
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.err().contains("sun.misc.Unsafe"), run.err());
        assertTrue(Files.isRegularFile(out.resolve("populations.csv")), "the run wrote its tables");
    }

    /** A JDK in /usr/lib/jvm whose release file says major version {@code min} or later. */
    private static Optional<Path> jdkFrom(int min) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Pattern version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
        try (Stream<Path> all = Files.list(jvms)) {
            return all.filter(home -> Files.isRegularFile(home.resolve("release"))
                    && Files.isExecutable(home.resolve("bin").resolve("java"))).filter(home -> {
                        try {
                            Matcher m = version.matcher(Files.readString(home.resolve("release")));
                            return m.find() && Integer.parseInt(m.group(1)) >= min;
                        } catch (IOException e) {
                            return false;
                        }
                    }).sorted().findFirst();
        }
    }
}
