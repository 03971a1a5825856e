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
