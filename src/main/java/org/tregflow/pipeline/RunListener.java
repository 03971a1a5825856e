package org.tregflow.pipeline;

import org.tregflow.stats.SampleResult;

/**
 * Hears a batch run as it goes, for progress displays. Called from the worker threads: implementations must be
 * thread-safe. Every method has a do-nothing default, so a listener implements only what it shows.
 */
public interface RunListener {
    RunListener NONE = new RunListener() {
    };

    /** The run found its inputs and is about to process them. */
    default void started(int files) {
    }

    /** A run-level message worth showing before the files are processed (e.g. the panel check's findings). */
    default void notice(String line) {
    }

    /**
     * One file is done.
     *
     * @param reused true when its stored result was reused (--resume), false when it was analysed now
     * @param millis wall time spent on it in this run
     */
    default void fileDone(SampleResult result, boolean reused, long millis) {
    }

    /** Every file is done (the tables are written next). */
    default void finished() {
    }
}
