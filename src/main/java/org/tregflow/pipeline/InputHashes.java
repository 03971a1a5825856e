package org.tregflow.pipeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tregflow.io.AtomicFile;
import org.tregflow.output.Hashing;

/**
 * The SHA-256 of input files as last computed, with each file's identity on disk at that moment, kept in
 * {@code OUT/.tregflow/input-hashes.json}: {@code --resume} takes a file's hash from here while the file is the
 * same one, unchanged, and so never reads it (a night's resume over thousands of files that did not change read
 * every byte of them only to find that out).
 *
 * <p>"The same, unchanged" is what git trusts for its index: the same path, device and inode, size, modification
 * time and change time (ctime). Rewriting a file in place moves its ctime, which no user tool can set back (a copy
 * that keeps the modification time, {@code touch -d}, and a restore from backup all set it to now); a file
 * replaced by a rename has another inode. Two races are closed: a file that changed while it was hashed (its
 * identity before and after differ) is not recorded, and neither is one whose times are within
 * {@link #RACY_SECONDS} of the hashing (a write in the same timestamp tick as the recorded one would leave the
 * times unchanged; some file systems keep them to 2 s). Where the file system has no ctime or inode (the JVM gives
 * no "unix" attributes: Windows) nothing is recorded and every file is hashed, as before.
 *
 * <p>A run without {@code --resume} hashes every file it analyses and records the hashes; only a resumed run
 * reuses them. Thread-safe: the workers of a run look up and record at once.
 */
final class InputHashes {
    private static final Logger LOG = LoggerFactory.getLogger(InputHashes.class);
    static final String FILE = "input-hashes.json";
    static final int FORMAT = 1;
    /** Files changed this recently before their hashing are not recorded (see the class comment). */
    static final long RACY_SECONDS = 2;
    /**
     * During a run the record is written again at most this often ({@link #saveIfDue}): a night killed half-way
     * keeps what it hashed, so the resume after it does not read those files again.
     */
    static final long SAVE_EVERY_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** A file's identity on disk: any change of content changes one of these. */
    record Identity(long device, long inode, long size, long modifiedNanos, long changedNanos) {
    }

    /** One recorded hash; {@code path} is absolute and normalised. */
    record Entry(String path, Identity identity, String sha256) {
    }

    /** The stored form. */
    record Stored(int format, List<Entry> files) {
    }

    /** How a file's content is hashed (the tests count the reads). */
    @FunctionalInterface
    interface Hasher {
        String sha256(Path file) throws IOException;
    }

    private final Path store;
    private final Hasher hasher;
    private final long racyNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Files whose hash came from the record in this run (not read). */
    private final Set<String> fromRecord = ConcurrentHashMap.newKeySet();
    /** Whether the entries changed since the record was last written, and when that was (System.nanoTime). */
    private volatile boolean changed;
    private long savedAt = System.nanoTime();

    private InputHashes(Path store, Hasher hasher, long racyNanos) {
        this.store = store;
        this.hasher = hasher;
        this.racyNanos = racyNanos;
    }

    /** Hashes that are never stored: library runs without an output folder. */
    static InputHashes none() {
        return new InputHashes(null, Hashing::sha256, TimeUnit.SECONDS.toNanos(RACY_SECONDS));
    }

    /** The hashes recorded in {@code outDir} by earlier runs (none when absent or unreadable). */
    static InputHashes load(Path outDir) {
        return load(outDir, Hashing::sha256, TimeUnit.SECONDS.toNanos(RACY_SECONDS));
    }

    static InputHashes load(Path outDir, Hasher hasher, long racyNanos) {
        InputHashes h = new InputHashes(outDir.resolve(RunLock.DIR).resolve(FILE), hasher, racyNanos);
        if (Files.isRegularFile(h.store)) {
            try {
                Stored s = JSON.readValue(h.store.toFile(), Stored.class);
                if (s.format() == FORMAT && s.files() != null) {
                    for (Entry e : s.files()) {
                        if (e.path() != null && e.identity() != null && e.sha256() != null) {
                            h.entries.put(e.path(), e);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Only a cost: every file is hashed again, and the file is rewritten at the end of the run.
                LOG.warn("{}: unreadable ({}); input files are hashed again", h.store, e.getMessage());
            }
        }
        return h;
    }

    /**
     * The file's SHA-256: the recorded one when {@code reuse} is set and the file is the same unchanged file,
     * otherwise read and hashed now (and recorded when that is safe).
     */
    String sha256(Path file, boolean reuse) throws IOException {
        String key = key(file);
        if (reuse) {
            Entry e = entries.get(key);
            if (e != null && e.identity().equals(identity(file))) {
                fromRecord.add(key);
                return e.sha256();
            }
        }
        Identity before = identity(file);
        // In nanoseconds, as file times are: in milliseconds a file written in the same millisecond would look newer
        // than the moment it was hashed (file times come from a coarser clock that never runs ahead of this one).
        Instant now = Instant.now();
        long started = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        String sha = hasher.sha256(file);
        Identity after = identity(file);
        if (before != null && before.equals(after) && settled(before, started)) {
            // A plain run hashes every file again: the same entry once more is no change to write every 10 s.
            Entry e = new Entry(key, before, sha);
            if (!e.equals(entries.put(key, e))) {
                changed = true;
            }
        } else if (entries.remove(key) != null) { // a recorded hash of an older content must not outlive it
            changed = true;
        }
        return sha;
    }

    /** Whether this run took the file's hash from the record, not reading the file. */
    boolean fromRecord(Path file) {
        return fromRecord.contains(key(file));
    }

    /** Whether the file's times lie far enough before its hashing began (ns) for a later write to move them. */
    private boolean settled(Identity id, long started) {
        return Math.max(id.modifiedNanos(), id.changedNanos()) <= started - racyNanos;
    }

    /**
     * Writes the record (atomically) at the end of a run, keeping the entries of files that still exist: one run
     * may cover a part of the folder that another covered whole.
     */
    synchronized void save() throws IOException {
        write(true);
    }

    /**
     * @param prune drop the entries of files gone, which costs a look-up of every recorded file: thousands of
     *              round trips on network storage, so only the end of a run does it, not the saves during it
     */
    private void write(boolean prune) throws IOException {
        if (store == null) {
            return;
        }
        changed = false;
        savedAt = System.nanoTime();
        List<Entry> kept = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (!prune || Files.exists(Path.of(e.path()))) {
                kept.add(e);
            }
        }
        kept.sort((a, b) -> a.path().compareTo(b.path()));
        AtomicFile.write(store, JSON.writeValueAsBytes(new Stored(FORMAT, kept)));
    }

    /**
     * Writes the record when it changed and was last written {@link #SAVE_EVERY_SECONDS} or more before
     * {@code now} (System.nanoTime); returns whether it did. Called after each file of a run.
     */
    synchronized boolean saveIfDue(long now) throws IOException {
        if (!changed || now - savedAt < TimeUnit.SECONDS.toNanos(SAVE_EVERY_SECONDS)) {
            return false;
        }
        write(false);
        return true;
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** The file's identity (through symbolic links), or null where the JVM gives no inode and ctime. */
    static Identity identity(Path file) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
        return new Identity((Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"),
                nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")));
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    /** For the tests: what is recorded for a file, if anything. */
    Optional<Entry> recorded(Path file) {
        return Optional.ofNullable(entries.get(key(file)));
    }
}
