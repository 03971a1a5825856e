package org.tregflow.pipeline;

import java.nio.file.Path;

/** Another run holds the output folder's lock: this run is refused before it writes anything. */
public final class RunLockedException extends Exception {
    private final transient RunLock.Holder holder;

    RunLockedException(Path outDir, Path lockFile, RunLock.Holder holder) {
        super("the output folder " + outDir + " is in use by another tregflow run ("
                + (holder == null ? "its lock file cannot be read" : holder.describe())
                + "); wait for it to finish, or if no run is active (e.g. it ran on another machine and died), "
                + "delete " + lockFile);
        this.holder = holder;
    }

    /** The recorded holder, or null when the lock file was unreadable. */
    public RunLock.Holder holder() {
        return holder;
    }
}
