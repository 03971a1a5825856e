package org.tregflow.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFilesTest {
    @TempDir
    Path dir;

    private long fileCount() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aFailureBeforeCommitLeavesThePreviousFilesWhole() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "old a");
        Files.writeString(dir.resolve("b.csv"), "old b");
        assertThrows(IOException.class, () -> {
            try (StagedFiles files = new StagedFiles(dir)) {
                files.stage("a.csv", out -> out.write("new a".getBytes(StandardCharsets.UTF_8)));
                files.stage("b.csv", out -> {
                    out.write("half of new b".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                });
                files.commit();
            }
        });
        assertEquals("old a", Files.readString(dir.resolve("a.csv")));
        assertEquals("old b", Files.readString(dir.resolve("b.csv")));
        assertEquals(2, fileCount(), "temporary files removed");
    }

    @Test
    void aFolderInTheWayFailsTheCommitBeforeAnythingIsReplaced() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "old a");
        Files.createDirectories(dir.resolve("b.csv").resolve("inside"));
        IOException e = assertThrows(IOException.class, () -> {
            try (StagedFiles files = new StagedFiles(dir)) {
                files.stage("a.csv", out -> out.write("new a".getBytes(StandardCharsets.UTF_8)));
                files.stage("b.csv", out -> out.write("new b".getBytes(StandardCharsets.UTF_8)));
                files.commit();
            }
        });
        assertEquals("b.csv is a folder, in the way of the table of that name", e.getMessage());
        assertEquals("old a", Files.readString(dir.resolve("a.csv")), "nothing replaced");
        assertEquals(2, fileCount(), "temporary files removed");
    }

    @Test
    void aCommitThatFailsHalfWayNamesWhatItReplaced() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "old a");
        Files.writeString(dir.resolve("b.csv"), "old b");
        Files.writeString(dir.resolve("c.csv"), "old c");
        StagedFiles.Mover failsOnC = (temp, target) -> {
            if (target.getFileName().toString().equals("c.csv")) {
                throw new IOException("Input/output error");
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        };
        StagedFiles.PartlyCommitted e = assertThrows(StagedFiles.PartlyCommitted.class, () -> {
            try (StagedFiles files = new StagedFiles(dir, failsOnC)) {
                for (String name : new String[] {"a.csv", "b.csv", "c.csv"}) {
                    files.stage(name, out -> out.write(("new " + name).getBytes(StandardCharsets.UTF_8)));
                }
                files.commit();
            }
        });
        assertEquals(java.util.List.of("a.csv", "b.csv"), e.replaced());
        assertEquals("new a.csv", Files.readString(dir.resolve("a.csv")));
        assertEquals("old c", Files.readString(dir.resolve("c.csv")));
        assertEquals(3, fileCount(), "temporary files removed");
        OutputException out = new OutputException(dir, null, e, e.replaced());
        assertEquals("cannot write the result tables in " + dir + ": Input/output error (already replaced by this run:"
                + " a.csv, b.csv; the other files there are the previous run's: run again once this is mended)",
                out.getMessage());
    }

    @Test
    void tablesGetTheFolderUsualPermissionsNotOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "skipped: not POSIX");
        Path plain = Files.createFile(dir.resolve("plain"));
        try (StagedFiles files = new StagedFiles(dir)) {
            files.stage("t.csv", out -> out.write('x'));
            files.commit();
        }
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("t.csv")));
    }

    @Test
    void commitReplacesAndReportsSizeAndHash() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "old a");
        try (StagedFiles files = new StagedFiles(dir)) {
            StagedFiles.Written w = files.stage("a.csv", out -> out.write("abc".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(3, w.size());
            // FIPS 180-2 test vector for "abc"
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", w.sha256());
            assertEquals("old a", Files.readString(dir.resolve("a.csv")), "not visible before commit");
            files.commit();
        }
        assertEquals("abc", Files.readString(dir.resolve("a.csv")));
        assertEquals(1, fileCount());
    }
}
