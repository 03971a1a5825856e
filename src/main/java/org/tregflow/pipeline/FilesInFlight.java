package org.tregflow.pipeline;

/**
 * How many files a run analyses at once: the threads asked for, fewer when the JVM's heap cannot hold that many of
 * the batch's largest file in flight. Without this, a heap that holds one file but not two made most of a batch
 * fail with OutOfMemoryError instead of running one file at a time (8 files of 1M events x 16 channels, -Xmx200m,
 * 2 threads: 1 of 8 ok; one thread: 8 of 8), and a night's batch on a workstation with large files failed the same
 * way, unattended.
 */
final class FilesInFlight {
    /**
     * Heap one file's analysis holds per byte of its decoded size ($TOT x $PAR x 4): its worker's lent columns
     * (decoded, compensated, transformed), population bit sets and its sheet. Measured on 1M x 16-channel files
     * (64 MB decoded): one worker ran in a 130 MB heap but not in 100, two in 230 but not in 200, so about 100 MB
     * each; 1.8 keeps a margin for the collector (two workers in a 270-280 MB heap took 13-20% more CPU than in
     * 1 GB).
     */
    static final double HEAP_PER_DECODED_BYTE = 1.8;
    /** Heap a run holds besides its files in flight: results for the tables, caches, Arrow's allocator. */
    static final long RESERVE = 48L << 20;

    private FilesInFlight() {
    }

    /**
     * @param threads        files asked to be analysed at once
     * @param files          files of the run
     * @param largestDecoded the largest decoded size among them, bytes (0 when unknown)
     * @param maxHeap        the JVM's maximum heap ({@link Runtime#maxMemory()})
     */
    static int workers(int threads, int files, long largestDecoded, long maxHeap) {
        int asked = Math.max(1, Math.min(threads, files));
        if (largestDecoded <= 0 || maxHeap == Long.MAX_VALUE) {
            return asked;
        }
        long fit = (maxHeap - RESERVE) / heapFor(largestDecoded);
        return (int) Math.max(1, Math.min(asked, fit));
    }

    /** Heap a file of this decoded size is expected to hold while analysed, bytes. */
    static long heapFor(long decoded) {
        return (long) (decoded * HEAP_PER_DECODED_BYTE);
    }
}
