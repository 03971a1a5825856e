package org.tregflow.fcs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The reader's one typed error: names the file, the segment or keyword at fault, the byte offset, and what was
 * expected. Anything the reader cannot read ends as this exception, never as another kind.
 */
public final class FcsException extends IOException {
    private final transient Path file;
    private final String where;
    private final long offset;

    public FcsException(Path file, String where, long offset, String message) {
        super(format(file, where, offset, message));
        this.file = file;
        this.where = where;
        this.offset = offset;
    }

    public FcsException(Path file, String where, long offset, String message, Throwable cause) {
        this(file, where, offset, message);
        initCause(cause);
    }

    private static String format(Path file, String where, long offset, String message) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<stream>" : file.toString());
        if (where != null) {
            sb.append(": ").append(where);
        }
        if (offset >= 0) {
            sb.append(" at byte ").append(offset);
        }
        return sb.append(": ").append(message).toString();
    }

    public Path file() {
        return file;
    }

    /** The segment (HEADER, TEXT, DATA, …) or keyword at fault. */
    public String where() {
        return where;
    }

    /** The byte offset in the file, or -1 when not tied to one. */
    public long offset() {
        return offset;
    }
}
