package org.tregflow.fcs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of one FCS file, read by absolute offset. A file is never read whole: HEADER and TEXT are small
 * reads; DATA of whole-byte binary values is read in chunks of events straight into the columns (see
 * DatasetReader), other DATA is mapped when large.
 */
abstract sealed class ByteSource implements Closeable permits ByteSource.OfFile, ByteSource.OfArray {
    /** Segments at least this large are mapped rather than copied to the heap. */
    private static final int MAP_THRESHOLD = 1 << 20;

    abstract long size();

    /** {@code length} bytes from {@code offset}; the caller has checked both against {@link #size()}. */
    abstract ByteBuffer slice(long offset, int length) throws IOException;

    /** Fills {@code dst} (position to limit) with the bytes from {@code offset}; the caller has checked the range. */
    abstract void read(long offset, ByteBuffer dst) throws IOException;

    /**
     * A fresh source of the same bytes (the file opened again), for reading after this one is closed.
     *
     * @throws IOException when the file is gone or changed since (another size or modification time): its bytes
     *                     may no longer be the ones read before
     */
    abstract ByteSource reopen() throws IOException;

    static ByteSource open(Path path) throws IOException {
        return new OfFile(path, FileChannel.open(path, StandardOpenOption.READ));
    }

    static ByteSource of(byte[] bytes) {
        return new OfArray(bytes);
    }

    static final class OfFile extends ByteSource {
        private final Path path;
        private final FileChannel channel;
        private final long size;
        private final java.nio.file.attribute.FileTime modified;

        OfFile(Path path, FileChannel channel) throws IOException {
            this.path = path;
            this.channel = channel;
            this.size = channel.size();
            this.modified = java.nio.file.Files.getLastModifiedTime(path);
        }

        @Override
        ByteSource reopen() throws IOException {
            OfFile again = (OfFile) open(path);
            if (again.size != size || !again.modified.equals(modified)) {
                again.close();
                throw new IOException(path + " changed while it was being analysed (size " + size + " -> " + again.size
                        + " bytes, modified " + modified + " -> " + again.modified + ")");
            }
            return again;
        }

        @Override
        long size() {
            return size;
        }

        @Override
        ByteBuffer slice(long offset, int length) throws IOException {
            if (length >= MAP_THRESHOLD) {
                return channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
            }
            ByteBuffer buf = ByteBuffer.allocate(length);
            read(offset, buf);
            return buf.flip();
        }

        @Override
        void read(long offset, ByteBuffer dst) throws IOException {
            long pos = offset;
            while (dst.hasRemaining()) {
                int n = channel.read(dst, pos);
                if (n < 0) {
                    // The file shrank under us; the caller reports it as truncation.
                    throw new java.io.EOFException("file ended at byte " + pos);
                }
                pos += n;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    static final class OfArray extends ByteSource {
        private final byte[] bytes;

        OfArray(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        ByteSource reopen() {
            return this;
        }

        @Override
        long size() {
            return bytes.length;
        }

        @Override
        ByteBuffer slice(long offset, int length) {
            return ByteBuffer.wrap(bytes, (int) offset, length).slice();
        }

        @Override
        void read(long offset, ByteBuffer dst) {
            dst.put(bytes, (int) offset, dst.remaining());
        }

        @Override
        public void close() {
        }
    }
}
