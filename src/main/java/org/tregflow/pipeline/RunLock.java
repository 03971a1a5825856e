package org.tregflow.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The output folder's lock, {@code OUT/.tregflow/lock}: one run at a time writes into a folder, so two nightly
 * jobs started by mistake cannot interleave their per-file results and tables.
 *
 * <p>The lock is a file created atomically ({@code CREATE_NEW}) holding the owner's pid, host, the process's own
 * start time and the run's start time. A lock whose owner is on this host and no longer alive (a run killed by
 * the OOM killer, a power cut, {@code kill -9}) is stale: the next run takes it over with a warning, so a night's
 * crash never needs a person to delete a file. The process start time guards against pid reuse: a live process
 * with the recorded pid but another start time is not the owner. A lock from another host (a shared folder) is
 * never taken over: this host cannot tell whether that run is alive, and the message says how to remove it.
 */
public final class RunLock implements AutoCloseable {
    static final String DIR = ".tregflow";
    static final String FILE = "lock";
    /** Output folders whose lock this JVM holds, and the thread that took it (the one running the batch). */
    private static final Map<Path, Thread> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private final String token;
    private boolean released;

    private RunLock(Path file, String token) {
        this.file = file;
        this.token = token;
        HELD.put(key(file), Thread.currentThread());
    }

    private static Path key(Path lockFile) {
        return lockFile.toAbsolutePath().normalize();
    }

    /**
     * Whether the calling thread holds the lock of {@code outDir}: the command line takes the lock before it
     * starts its log, and {@link Pipeline#run} then must not take it a second time.
     */
    static boolean heldByCurrentThread(Path outDir) {
        return HELD.get(key(outDir.resolve(DIR).resolve(FILE))) == Thread.currentThread();
    }

    /** Who holds a lock, as recorded in its file. */
    public record Holder(long pid, String host, String processStart, String runStart) {
        String describe() {
            return "pid " + pid + " on " + host + ", running since " + runStart;
        }
    }

    /**
     * Takes the lock of {@code outDir} (created if needed).
     *
     * @param warn receives one line when a stale lock is taken over
     * @throws RunLockedException another live run holds it
     * @throws IOException        the lock file cannot be written (permissions, full disk)
     */
    public static RunLock acquire(Path outDir, Consumer<String> warn) throws RunLockedException, IOException {
        Path dir = outDir.resolve(DIR);
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        ProcessHandle self = ProcessHandle.current();
        // Unique to this acquisition (pid, clock, 64 random bits) and only compared on release: it needs no secrecy,
        // so no SecureRandom (UUID.randomUUID seeded one in 20-24 ms of a fresh JVM).
        String token = Long.toHexString(self.pid()) + "-" + Long.toHexString(System.nanoTime()) + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(self.pid()));
        p.setProperty("host", hostName());
        p.setProperty("process_start", self.info().startInstant().map(Instant::toString).orElse(""));
        p.setProperty("run_start", Instant.now().toString());
        p.setProperty("token", token);
        StringBuilder body = new StringBuilder();
        for (String k : new String[] {"pid", "host", "process_start", "run_start", "token"}) {
            body.append(k).append('=').append(p.getProperty(k)).append('\n');
        }
        // Two attempts: the second after removing a stale lock. If another run removes the same stale lock and
        // creates its own in between, CREATE_NEW fails for us and we report that run as the holder.
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(file, body, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new RunLock(file, token);
            } catch (FileAlreadyExistsException e) {
                Optional<Holder> holder = read(file);
                if (holder.isEmpty()) {
                    // Unreadable or half-written: a run died while creating it (the write is a few bytes).
                    if (attempt == 0 && isOld(file)) {
                        warn.accept("removing an unreadable lock " + file + " left by an interrupted run");
                        Files.deleteIfExists(file);
                        continue;
                    }
                    throw new RunLockedException(outDir, file, null);
                }
                Holder h = holder.get();
                if (attempt == 0 && isStale(h)) {
                    warn.accept("taking over the lock of a run that is no longer alive (" + h.describe()
                            + "); its finished files are reused with --resume");
                    Files.deleteIfExists(file);
                    continue;
                }
                throw new RunLockedException(outDir, file, h);
            }
        }
        throw new RunLockedException(outDir, file, read(file).orElse(null));
    }

    /** The holder recorded in a lock file, or empty when it is absent or unreadable. */
    public static Optional<Holder> read(Path lockFile) {
        try {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(lockFile, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            String pid = p.getProperty("pid");
            String host = p.getProperty("host");
            if (pid == null || host == null) {
                return Optional.empty();
            }
            return Optional.of(new Holder(Long.parseLong(pid.trim()), host, p.getProperty("process_start", ""),
                    p.getProperty("run_start", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // absent (released meanwhile), half-written or not ours
        }
    }

    /** Stale: recorded on this host, and no live process is the recorded one. */
    static boolean isStale(Holder h) {
        if (!h.host().equals(hostName())) {
            return false;
        }
        Optional<ProcessHandle> ph = ProcessHandle.of(h.pid());
        if (ph.isEmpty() || !ph.get().isAlive()) {
            return true;
        }
        if (h.processStart().isEmpty()) {
            return false;
        }
        // The pid was reused by a process started at another time; start instants are reported to the
        // millisecond or coarser, so compare at one-second resolution.
        Instant recorded;
        try {
            recorded = Instant.parse(h.processStart());
        } catch (DateTimeParseException e) {
            return false; // cannot tell: a live process with that pid is presumed to be the owner
        }
        return ph.get().info().startInstant()
                .map(s -> Math.abs(s.getEpochSecond() - recorded.getEpochSecond()) > 1)
                .orElse(false);
    }

    private static boolean isOld(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minusSeconds(10));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * This machine's name, without a name lookup where the system says it: InetAddress.getLocalHost() resolves the
     * name, which waits for DNS where the name is not in /etc/hosts (a known source of multi-second starts on
     * laptops and workstations; not measured here, where it took 6-7 ms), at the start of every run.
     */
    static String hostName() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the environment, then a lookup
        }
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String env = System.getenv(variable);
            if (env != null && !env.isBlank()) {
                return env.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    /**
     * Removes the hidden temporary files a killed run left in the output folder (staged tables), in its
     * {@code .tregflow} folder (the record of input hashes) and in the result store: only the lock's holder may,
     * since in a running run they are files being written.
     *
     * @return how many were removed
     */
    public int removeLeftovers() {
        int removed = 0;
        Path out = file.getParent().getParent();
        for (Path dir : new Path[] {out, out.resolve(DIR), out.resolve(DIR).resolve("results")}) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var s = Files.list(dir)) {
                for (Path f : s.toList()) {
                    String n = f.getFileName().toString();
                    if (n.startsWith(".") && n.endsWith(".tmp") && Files.isRegularFile(f) && Files.deleteIfExists(f)) {
                        removed++;
                    }
                }
            } catch (IOException e) {
                // best effort: a leftover hidden .tmp file is never read as a result or a table
            }
        }
        return removed;
    }

    public Path file() {
        return file;
    }

    /** Removes the lock, unless another run has (wrongly) taken it over meanwhile. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        HELD.remove(key(file));
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            if (content.contains("token=" + token)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // already gone: nothing to release
        }
    }
}
