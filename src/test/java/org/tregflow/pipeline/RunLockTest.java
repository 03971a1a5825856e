package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path out;

    private Path lockFile() {
        return out.resolve(".tregflow").resolve("lock");
    }

    @Test
    void aHeldLockRefusesASecondRunAndIsReleasedOnClose() throws Exception {
        List<String> warnings = new ArrayList<>();
        try (RunLock lock = RunLock.acquire(out, warnings::add)) {
            RunLock.Holder h = RunLock.read(lock.file()).orElseThrow();
            assertEquals(ProcessHandle.current().pid(), h.pid());
            assertEquals(RunLock.hostName(), h.host());
            RunLockedException e = assertThrows(RunLockedException.class, () -> RunLock.acquire(out, warnings::add));
            assertEquals(h, e.holder());
            assertTrue(e.getMessage().contains("pid " + h.pid() + " on " + h.host()), e.getMessage());
        }
        assertFalse(Files.exists(lockFile()));
        assertTrue(warnings.isEmpty(), warnings.toString());
        RunLock.acquire(out, warnings::add).close(); // free again
    }

    @Test
    void theLockOfADeadProcessIsTakenOverWithAWarning() throws Exception {
        // A real process that has exited: its pid is no longer alive on this host.
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        long deadPid = p.pid();
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), "pid=" + deadPid + "\nhost=" + RunLock.hostName()
                + "\nprocess_start=2026-11-21T23:00:00Z\nrun_start=2026-11-21T23:00:01Z\n");
        List<String> warnings = new ArrayList<>();
        try (RunLock lock = RunLock.acquire(out, warnings::add)) {
            assertEquals(ProcessHandle.current().pid(), RunLock.read(lock.file()).orElseThrow().pid());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("no longer alive (pid " + deadPid), warnings.get(0));
    }

    @Test
    void aReusedPidIsNotTheOwner() throws Exception {
        // This JVM's pid, but recorded with another process start time: the pid was reused, the owner is dead.
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), "pid=" + ProcessHandle.current().pid() + "\nhost=" + RunLock.hostName()
                + "\nprocess_start=2001-01-01T00:00:00Z\nrun_start=2001-01-01T00:00:01Z\n");
        List<String> warnings = new ArrayList<>();
        RunLock.acquire(out, warnings::add).close();
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void aLockFromAnotherHostIsNeverTakenOver() throws Exception {
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), "pid=1\nhost=other-node-" + RunLock.hostName()
                + "\nprocess_start=\nrun_start=2026-11-22T01:00:00Z\n");
        RunLockedException e = assertThrows(RunLockedException.class, () -> RunLock.acquire(out, w -> { }));
        assertTrue(e.getMessage().contains("delete " + lockFile()), e.getMessage());
        assertTrue(Files.exists(lockFile()));
    }

    @Test
    void anUnreadableLockIsRemovedOnlyWhenOld() throws Exception {
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), "pi"); // a run died while writing its lock
        assertThrows(RunLockedException.class, () -> RunLock.acquire(out, w -> { }),
                "a fresh unreadable lock may be one being written right now");
        Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minusSeconds(3600)));
        List<String> warnings = new ArrayList<>();
        RunLock.acquire(out, warnings::add).close();
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void closingDoesNotRemoveALockTakenOverByAnotherRun() throws Exception {
        RunLock mine = RunLock.acquire(out, w -> { });
        String other = "pid=1\nhost=elsewhere\nprocess_start=\nrun_start=x\ntoken=someone-else\n";
        Files.writeString(lockFile(), other);
        mine.close();
        assertEquals(other, Files.readString(lockFile()));
    }

    @Test
    void theLibraryEntryPointRespectsTheLockToo() throws Exception {
        // Held by another thread of this JVM, as by a run in progress: Pipeline.run must refuse the folder.
        RunLock[] held = new RunLock[1];
        Thread t = new Thread(() -> {
            try {
                held[0] = RunLock.acquire(out, w -> { });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        t.join();
        try {
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> Pipeline.run(new RunRequest(
                    Path.of("pipelines", "ld-il2-treg-nk.yaml"), List.of(out.resolve("none")), null, null, null, out,
                    1, null)));
            assertTrue(e.getMessage().contains("is in use by another tregflow run"), e.getMessage());
            assertFalse(RunLock.heldByCurrentThread(out));
        } finally {
            held[0].close();
        }
        assertFalse(Files.exists(lockFile()));
    }
}
