package org.tregflow.fcs;

/**
 * Where the reader, and the stages after it, get their event columns. A batch hands each worker one that lends
 * the previous file's arrays again (see {@code pipeline.ColumnPool}), so a night of files does not allocate, and
 * the collector does not copy, a few hundred megabytes of columns per file.
 */
@FunctionalInterface
public interface ColumnAllocator {
    /** Fresh arrays: what a single read or a test wants. */
    ColumnAllocator NEW = float[]::new;

    /**
     * An array of at least {@code events} floats. Its contents are unspecified and it may be longer: the caller
     * writes the first {@code events} values before reading them and never looks past them.
     */
    float[] column(int events);
}
