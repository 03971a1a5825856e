package org.tregflow.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;

/**
 * A run killed mid-way (a real {@code kill -9} of a child JVM) leaves the previous tables whole; the next run takes
 * over the dead run's lock, reuses what it finished, and gives the same tables as a full run; a resumed run over
 * unchanged inputs analyses nothing.
 */
class KillAndResumeTest {
    private static final Path PIPELINE = Path.of("pipelines", "ld-il2-treg-nk.yaml").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void aKilledRunLeavesThePreviousTablesWholeAndResumeCompletesThem() throws Exception {
        Path all = tmp.resolve("all");
        new CohortSimulator(CohortConfig.defaults().withPatients(3).withEvents(40_000).withSeed(31)).write(all);
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(all.resolve("samples.csv"), in.resolve("samples.csv"));
        List<Path> later = new ArrayList<>();
        try (Stream<Path> s = Files.list(all)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".fcs")).sorted().toList()) {
                if (f.getFileName().toString().startsWith("P01_")) {
                    Files.copy(f, in.resolve(f.getFileName()));
                } else {
                    later.add(f);
                }
            }
        }
        assertEquals(8, later.size());
        Path out = tmp.resolve("out");

        // Last night's run: 4 files.
        CliRun first = run(out, "--threads", "2", in.toString());
        assertEquals(0, first.exit(), first.err());
        Map<String, byte[]> before = tables(out);
        assertEquals(4, results(out));

        // Tonight: 8 more files; the run is killed after it stored its first new result.
        for (Path f : later) {
            Files.copy(f, in.resolve(f.getFileName()));
        }
        Path childLog = tmp.resolve("child.log");
        Process child = childRun(out, childLog, "--resume", "--threads", "1", in.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (results(out) < 5 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(child.isAlive(), "the child run ended before it could be killed: " + Files.readString(childLog));
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        int stored = results(out);
        assertTrue(stored >= 5 && stored < 12, "stored results after the kill: " + stored);
        Map<String, byte[]> afterKill = tables(out);
        for (String name : afterKill.keySet()) {
            // The killed run's finished files have their own per-sample outputs; nothing else is new.
            assertTrue(before.containsKey(name) || name.startsWith("gatingml/") || name.startsWith("sheets/"), name);
        }
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), afterKill.get(name), name + " changed by the killed run");
        }
        assertTrue(Files.exists(out.resolve(".tregflow").resolve("lock")), "the killed run left its lock");

        // What a kill during a write leaves: hidden temporaries, never read, removed by the next run.
        Path staleTable = out.resolve(".samples.csv.1234abcd.tmp");
        Path staleResult = out.resolve(".tregflow").resolve("results").resolve(".0000-half.tmp");
        Path staleHashes = out.resolve(".tregflow").resolve(".input-hashes.json.5678ef01.tmp");
        Files.writeString(staleTable, "sample_id,fi");
        Files.writeString(staleResult, "{\"format\":1,");
        Files.writeString(staleHashes, "{\"format\":1,\"fi");

        // The next run: takes over the dead run's lock, analyses only what the killed run did not finish.
        CliRun resumed = run(out, "--resume", "--threads", "2", in.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("taking over the lock of a run that is no longer alive"), resumed.err());
        assertFalse(Files.exists(staleTable) || Files.exists(staleResult) || Files.exists(staleHashes),
                "leftovers removed");
        JsonNode counts = manifest(out).get("counts");
        assertEquals(12, counts.get("inputs").asInt());
        assertEquals(stored, counts.get("reused").asInt(), counts.toString());
        assertEquals(12 - stored, counts.get("processed").asInt(), counts.toString());
        Map<String, byte[]> resumedTables = tables(out);

        // The same tables as a full run from scratch, byte for byte.
        Path fresh = tmp.resolve("fresh");
        CliRun full = run(fresh, "--threads", "2", in.toString());
        assertEquals(0, full.exit(), full.err());
        Map<String, byte[]> fullTables = tables(fresh);
        assertEquals(fullTables.keySet(), resumedTables.keySet());
        for (String name : fullTables.keySet()) {
            if (!name.equals("manifest.json")) { // the manifest records times and what was reused
                assertArrayEquals(fullTables.get(name), resumedTables.get(name), name + " differs from a full run");
            }
        }

        // Nothing changed since: nothing is analysed, and the tables stay identical.
        CliRun again = run(out, "--resume", "--quiet", in.toString());
        assertEquals(0, again.exit(), again.err());
        JsonNode c = manifest(out).get("counts");
        assertEquals(0, c.get("processed").asInt(), c.toString());
        assertEquals(12, c.get("reused").asInt(), c.toString());
        assertFalse(again.err().lines().anyMatch(l -> l.startsWith("[")), "--quiet shows no progress: " + again.err());
        assertTrue(again.err().contains("12 of 12 files ok (12 reused from earlier runs)"), again.err());
        Map<String, byte[]> againTables = tables(out);
        for (String name : resumedTables.keySet()) {
            if (!name.equals("manifest.json")) {
                assertArrayEquals(resumedTables.get(name), againTables.get(name), name + " changed on a no-op resume");
            }
        }
    }

    @Test
    void aSecondRunIntoAFolderInUseIsRefusedAndTouchesNothing() throws Exception {
        Path out = tmp.resolve("out");
        Path lock = out.resolve(".tregflow").resolve("lock");
        Files.createDirectories(lock.getParent());
        ProcessHandle self = ProcessHandle.current();
        // A live holder: this very JVM, as if a run were in progress in it.
        Files.writeString(lock, "pid=" + self.pid() + "\nhost=" + java.net.InetAddress.getLocalHost().getHostName()
                + "\nprocess_start=" + self.info().startInstant().orElseThrow() + "\nrun_start=2026-11-22T01:00:00Z\n");
        Files.writeString(out.resolve("tregflow.log"), "the running run's log\n");
        CliRun o = run(out, tmp.resolve("nothing-here").toString());
        assertEquals(RunCommand.EXIT_LOCKED, o.exit(), o.err());
        assertTrue(o.err().contains("is in use by another tregflow run (pid " + self.pid()), o.err());
        assertTrue(o.err().contains("running since 2026-11-22T01:00:00Z"), o.err());
        assertEquals("the running run's log\n", Files.readString(out.resolve("tregflow.log")));
        assertTrue(Files.exists(lock), "the holder's lock is left alone");
        assertFalse(o.err().contains("\tat "), o.err());
    }

    private static CliRun run(Path out, String... args) {
        List<String> a = new ArrayList<>(List.of("run", "--pipeline", PIPELINE.toString(), "--out", out.toString()));
        a.addAll(List.of(args));
        return CliRun.run(a.toArray(String[]::new));
    }

    private static Process childRun(Path out, Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        // The flags this JVM got for Arrow (--add-opens, netty), so the child behaves as the tests do.
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-Xmx")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--pipeline", PIPELINE.toString(), "--out", out.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Stored per-file results. */
    private static int results(Path out) throws Exception {
        Path dir = out.resolve(".tregflow").resolve("results");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        }
    }

    /**
     * Every output file (tables, manifest, report, per-sample Gating-ML and gating sheets) by relative path, except
     * the log and the hidden store; the report's line of run times is blanked (it says when, not what). Gating
     * sheets are compared byte for byte.
     */
    private static Map<String, byte[]> tables(Path out) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(p).toString().replace('\\', '/');
                if (name.startsWith(".") || name.equals("tregflow.log")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(p);
                if (name.equals("report.html")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replaceAll("run \\d{4}-[0-9T:.Z-]+ → [0-9T:.Z-]+", "run (times)")
                            .getBytes(StandardCharsets.UTF_8);
                }
                m.put(name, bytes);
            }
        }
        return m;
    }

    private static JsonNode manifest(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }
}
