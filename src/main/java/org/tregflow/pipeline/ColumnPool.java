package org.tregflow.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.tregflow.fcs.ColumnAllocator;

/**
 * One worker's event columns, lent again file after file: a file's decoded, compensated and transformed columns
 * (about 37 arrays of 4 MB for 1M events x 16 channels) come back with {@link #release} once its analysis, sheet
 * and Gating-ML are written, and the next file takes them. Without it each file allocated ~150 MB that the
 * collector then had to copy or compact: with the small young generation that keeps the peak low, its pauses were
 * about 1 s of a steady 8-file run (roughly a third of the CPU, on two collector threads).
 *
 * <p>An array is lent to a file whose event count it can hold, so its length may exceed the count (see
 * {@link ColumnAllocator}). Files of a real batch differ in size: a pool keeps, after each file, only as many
 * arrays as that file used, so a large file's arrays serve the smaller ones after it and memory stays at what the
 * largest file in flight needed. Not thread-safe: one pool per worker thread.
 */
public final class ColumnPool implements ColumnAllocator {
    /** Arrays beyond a file's need are over-allocated by this share, so the next slightly larger file fits too. */
    private static final double HEADROOM = 1.0 / 16;

    private final List<float[]> free = new ArrayList<>();
    private final List<float[]> lent = new ArrayList<>();

    @Override
    public float[] column(int events) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int length = free.get(i).length;
            if (length >= events && (best < 0 || length < free.get(best).length)) {
                best = i;
            }
        }
        float[] a = best >= 0 ? free.remove(best) : new float[events + (int) Math.min(events * HEADROOM, 1 << 20)];
        lent.add(a);
        return a;
    }

    /**
     * Takes back every array lent since the last release; the caller must hold none of them any more. Free arrays
     * the last file did not need are dropped (a file with fewer channels or a smaller panel than the one before).
     */
    public void release() {
        int keep = lent.size();
        free.addAll(lent);
        lent.clear();
        if (free.size() > keep) {
            // Keep the largest ones: they serve any file up to their size.
            free.sort((a, b) -> Integer.compare(b.length, a.length));
            free.subList(keep, free.size()).clear();
        }
    }

    /** Arrays held (lent and free), for tests. */
    int held() {
        return free.size() + lent.size();
    }
}
