package org.tregflow.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tables could not be written; names the folder and the file, and says why, and whether the previous tables are
 * all still there (a failure while staging, the usual one: a full disk) or some were already replaced.
 */
public final class OutputException extends IOException {
    private final transient Path folder;

    public OutputException(Path folder, String file, Throwable cause) {
        this(folder, file, cause, List.of());
    }

    /**
     * @param replaced the files this run had already put in place when it failed (a commit that failed half-way);
     *                 empty when the previous tables are all still there
     */
    public OutputException(Path folder, String file, Throwable cause, List<String> replaced) {
        super("cannot write " + (file == null ? "the result tables" : file) + " in " + folder + ": "
                + reason(cause) + (replaced.isEmpty() ? " (the previous tables there, if any, are unchanged)"
                : " (already replaced by this run: " + String.join(", ", replaced) + "; the other files there are"
                + " the previous run's: run again once this is mended)"), cause);
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
