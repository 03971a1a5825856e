package org.tregflow.output;

import java.io.IOException;
import java.nio.file.Path;

/** The tables could not be written; names the folder and the file, and says why. Previous tables stay whole. */
public final class OutputException extends IOException {
    private final transient Path folder;

    public OutputException(Path folder, String file, Throwable cause) {
        super("cannot write " + (file == null ? "the result tables" : file) + " in " + folder + ": "
                + reason(cause) + " (the previous tables there, if any, are unchanged)", cause);
        this.folder = folder;
    }

    private static String reason(Throwable cause) {
        String m = cause.getMessage();
        String kind = cause.getClass().getSimpleName();
        // NIO exceptions carry only the path as message: the class name says what went wrong
        return m == null ? kind : kind.endsWith("Exception") && !kind.equals("IOException") ? kind + " " + m : m;
    }

    public Path folder() {
        return folder;
    }
}
