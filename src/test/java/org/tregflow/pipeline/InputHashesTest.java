package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.output.Hashing;

/** When a recorded input hash may stand for reading the file, and when it must not. */
class InputHashesTest {
    @TempDir
    Path tmp;

    private Path out;
    private Path file;
    private final AtomicInteger reads = new AtomicInteger();

    /** Hashes as the pipeline does, counting the files it reads. */
    private String count(Path f) throws IOException {
        reads.incrementAndGet();
        return Hashing.sha256(f);
    }

    /** Records at once: the racy window is the subject of its own test. */
    private InputHashes hashes() {
        return InputHashes.load(out, this::count, 0);
    }

    @BeforeEach
    void files() throws IOException {
        out = tmp.resolve("out");
        file = tmp.resolve("in").resolve("P01_V0.fcs");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "FCS3.1    content one");
    }

    @Test
    void anUnchangedFileIsNotReadAgainByALaterResumedRun() throws IOException {
        InputHashes first = hashes();
        String sha = first.sha256(file, false);
        assertEquals(Hashing.sha256(file), sha);
        first.save();
        assertTrue(Files.isRegularFile(out.resolve(".tregflow").resolve(InputHashes.FILE)));

        reads.set(0);
        InputHashes resumed = hashes();
        assertEquals(sha, resumed.sha256(file, true));
        assertEquals(0, reads.get(), "an unchanged file is not read");
        assertTrue(resumed.fromRecord(file));
        // Without --resume a run reads and hashes every file, whatever is recorded.
        assertEquals(sha, resumed.sha256(file, false));
        assertEquals(1, reads.get());
    }

    @Test
    void aFileRewrittenInPlaceWithItsSizeAndModificationTimeKeptIsHashedAgain() throws Exception {
        InputHashes first = hashes();
        String old = first.sha256(file, false);
        first.save();
        FileTime modified = Files.getLastModifiedTime(file);
        // The change time moves with the kernel's clock tick (a few ms): let one pass before the rewrite.
        Thread.sleep(50);
        Files.writeString(file, "FCS3.1    content two");
        Files.setLastModifiedTime(file, modified);
        assertEquals(Files.size(file), "FCS3.1    content one".length(), "same size");

        reads.set(0);
        InputHashes resumed = hashes();
        String now = resumed.sha256(file, true);
        assertEquals(1, reads.get(), "the change time gives the rewrite away");
        assertEquals(Hashing.sha256(file), now);
        assertNotEquals(old, now);
    }

    @Test
    void aFileReplacedByAnotherOfTheSameSizeIsHashedAgain() throws IOException {
        InputHashes first = hashes();
        String old = first.sha256(file, false);
        first.save();
        Path other = tmp.resolve("in").resolve("incoming.tmp");
        Files.writeString(other, "FCS3.1    content two");
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(file));
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        reads.set(0);
        String now = hashes().sha256(file, true);
        assertEquals(1, reads.get(), "another inode");
        assertNotEquals(old, now);
    }

    @Test
    void aFileThatChangedRecentlyOrWhileHashedIsNotRecorded() throws IOException {
        // Just written: within the racy window of the real pipeline, so a later write in the same tick could go
        // unseen.
        InputHashes careful = InputHashes.load(out, this::count, TimeUnit.SECONDS.toNanos(InputHashes.RACY_SECONDS));
        careful.sha256(file, false);
        assertTrue(careful.recorded(file).isEmpty(), "too recent to record");

        // A file still being written while it is hashed (an export in progress): its identity moves.
        InputHashes growing = InputHashes.load(out, f -> {
            String sha = count(f);
            Files.writeString(f, " more events", java.nio.file.StandardOpenOption.APPEND);
            return sha;
        }, 0);
        growing.sha256(file, false);
        assertTrue(growing.recorded(file).isEmpty(), "changed while hashed");
    }

    @Test
    void theRecordOfAnOlderContentGoesWhenTheNewOneCannotBeRecordedYet() throws Exception {
        InputHashes first = hashes();
        first.sha256(file, false);
        first.save();
        Thread.sleep(50);
        Files.writeString(file, "FCS3.1    content two, longer");
        InputHashes careful = InputHashes.load(out, this::count, TimeUnit.SECONDS.toNanos(InputHashes.RACY_SECONDS));
        assertTrue(careful.recorded(file).isPresent(), "the earlier run's record");
        String sha = careful.sha256(file, true);
        assertEquals(Hashing.sha256(file), sha);
        assertTrue(careful.recorded(file).isEmpty(), "neither the old hash nor a too recent new one is kept");
    }

    @Test
    void anUnreadableRecordOnlyCostsAReadAndRecordsOfGoneFilesAreDropped() throws IOException {
        Path record = out.resolve(".tregflow").resolve(InputHashes.FILE);
        Files.createDirectories(record.getParent());
        Files.writeString(record, "{\"format\":1,\"files\":[{\"path\":");
        InputHashes h = hashes();
        assertEquals(Hashing.sha256(file), h.sha256(file, true));
        assertFalse(h.fromRecord(file));
        assertEquals(1, reads.get());

        Path gone = tmp.resolve("in").resolve("P01_C1.fcs");
        Files.writeString(gone, "FCS3.1    removed later");
        h.sha256(gone, false);
        Files.delete(gone);
        h.save();
        InputHashes reloaded = hashes();
        assertTrue(reloaded.recorded(file).isPresent());
        assertTrue(reloaded.recorded(gone).isEmpty(), "the record keeps only files that exist");
    }

    @Test
    void duringARunTheRecordIsWrittenNowAndThenSoThatAKilledRunKeepsIt() throws IOException {
        long period = TimeUnit.SECONDS.toNanos(InputHashes.SAVE_EVERY_SECONDS);
        InputHashes run = hashes();
        assertFalse(run.saveIfDue(System.nanoTime() + period), "nothing hashed yet");
        run.sha256(file, false);
        assertFalse(run.saveIfDue(System.nanoTime()), "not due yet");
        assertTrue(hashes().recorded(file).isEmpty());
        assertTrue(run.saveIfDue(System.nanoTime() + period));
        assertTrue(hashes().recorded(file).isPresent(), "a resume after a kill now finds it");
        assertFalse(run.saveIfDue(System.nanoTime() + 2 * period), "nothing changed since");
        // The next plain run hashes the unchanged file again: the same entry, nothing to write.
        InputHashes next = hashes();
        next.sha256(file, false);
        assertFalse(next.saveIfDue(System.nanoTime() + period), "the same hash of the same file");
        Files.writeString(file, "FCS3.1    content two");
        next.sha256(file, false);
        assertTrue(next.saveIfDue(System.nanoTime() + period), "a new content is a change");
    }

    /**
     * The saves during a run write what is known without looking up every recorded file (on network storage,
     * thousands of round trips every few seconds); the save at the end drops the files gone.
     */
    @Test
    void onlyTheSaveAtTheEndOfARunDropsTheFilesGone() throws IOException {
        long period = TimeUnit.SECONDS.toNanos(InputHashes.SAVE_EVERY_SECONDS);
        Path gone = tmp.resolve("in").resolve("P01_C1.fcs");
        Files.writeString(gone, "FCS3.1    removed later");
        InputHashes run = hashes();
        run.sha256(gone, false);
        Files.delete(gone);
        run.sha256(file, false);
        assertTrue(run.saveIfDue(System.nanoTime() + period));
        assertTrue(hashes().recorded(gone).isPresent(), "not looked up during the run");
        assertTrue(hashes().recorded(file).isPresent());
        run.save();
        assertTrue(hashes().recorded(gone).isEmpty(), "dropped at its end");
        assertTrue(hashes().recorded(file).isPresent());
    }
}
