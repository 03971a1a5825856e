package org.tregflow.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.tregflow.io.Parallel;

/**
 * Writes a set of output files so that a run killed at any moment leaves every file whole: each is written to a
 * hidden temporary file in the target folder (same file system, so the rename is atomic); only after all are
 * staged are they flushed to disk and renamed over the targets, in staging order. Until {@link #commit()} the
 * previous outputs are untouched; {@link #close()} removes whatever was staged but not committed.
 */
final class StagedFiles implements AutoCloseable {
    /** Writes one file's content; must not close the stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Puts a staged file in its target's place (the tests make one fail half-way through a commit). */
    interface Mover {
        void move(Path temp, Path target) throws IOException;
    }

    /** A commit that failed after replacing some targets: their names, in order. */
    static final class PartlyCommitted extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient List<String> replaced;

        PartlyCommitted(List<String> replaced, IOException cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
            this.replaced = List.copyOf(replaced);
        }

        List<String> replaced() {
            return replaced;
        }
    }

    private final Path dir;
    private final Mover mover;
    private final Map<Path, Path> staged = new LinkedHashMap<>(); // target -> temp

    StagedFiles(Path dir) throws IOException {
        this(dir, (temp, target) -> Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING));
    }

    StagedFiles(Path dir, Mover mover) throws IOException {
        this.dir = dir;
        this.mover = mover;
        Files.createDirectories(dir);
    }

    /** A staged file: its name in the folder, size in bytes and SHA-256 (hex) of its content. */
    record Written(String name, long size, String sha256) {
    }

    Written stage(String fileName, Content content) throws IOException {
        Path target = dir.resolve(fileName);
        // Not Files.createTempFile: it makes the file owner-only (rw-------), and the renamed table would keep
        // that, unreadable by the rest of the lab. CREATE_NEW gives the folder's usual permissions (umask).
        String unique = Long.toHexString(ThreadLocalRandom.current().nextLong());
        Path temp = dir.resolve("." + fileName + "." + unique + ".tmp");
        staged.put(target, temp);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE_NEW)) {
            OutputStream out = new FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len); // FilterOutputStream's default writes byte by byte
                }

                @Override
                public void close() throws IOException {
                    flush(); // the channel is closed below, after force()
                }
            };
            DigestOutputStream digesting = new DigestOutputStream(out, Hashing.sha256());
            content.writeTo(digesting);
            digesting.flush();
            return new Written(fileName, channel.size(), Hashing.hex(digesting.getMessageDigest().digest()));
        }
    }

    /**
     * Flushes every staged file to disk, then renames each over its target in staging order; returns the targets.
     * The flushes run in parallel: the file system commits concurrent fsyncs together, so thirteen files take
     * about the time of three (13 small files: 21-43 ms one after another, 8-16 ms at once, on this machine).
     * A target that is a folder fails the commit before anything is replaced; a rename that fails after others
     * succeeded throws {@link PartlyCommitted}, which names the files already replaced.
     */
    List<Path> commit() throws IOException {
        for (Path target : staged.keySet()) {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(target.getFileName() + " is a folder, in the way of the table of that name");
            }
        }
        forceAll(staged.values());
        List<Path> done = new ArrayList<>(staged.size());
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            try {
                mover.move(e.getValue(), e.getKey());
            } catch (IOException failed) {
                if (done.isEmpty()) {
                    throw failed;
                }
                throw new PartlyCommitted(done.stream().map(p -> p.getFileName().toString()).toList(), failed);
            }
            done.add(e.getKey());
        }
        staged.clear();
        return done;
    }

    private static void forceAll(Collection<Path> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        try {
            Parallel.map(List.copyOf(files), 8, "tregflow-fsync", f -> {
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                return f;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while flushing the tables to disk", e);
        }
    }

    @Override
    public void close() {
        for (Path temp : staged.values()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: a leftover hidden .tmp file never replaces a table
            }
        }
        staged.clear();
    }
}
