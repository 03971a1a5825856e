package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapGuardTest {
    private static final long MB = 1L << 20;

    /** An old generation holding {@code start}, nothing kept yet; each full collection keeps {@code live}. */
    private static final class OldGeneration {
        long used;
        long kept;
        int collections;
        final long live;

        OldGeneration(long start, long live) {
            this.used = start;
            this.live = live;
        }

        HeapGuard guard() {
            return new HeapGuard(() -> used, () -> kept, () -> {
                collections++;
                used = live;
                kept = live;
            });
        }
    }

    /** Files of {@code perFile} growth until the guard asks for a collection. */
    private static int filesUntilCollection(OldGeneration old, HeapGuard guard, long perFile) {
        int before = old.collections;
        int files = 0;
        while (old.collections == before) {
            assertTrue(files < 1000, "no collection in 1000 files");
            old.used += perFile;
            guard.afterFile();
            files++;
        }
        return files;
    }

    @Test
    void aFullCollectionOnceTheOldGenerationHasGrownByHalfWhatItKept() {
        // Nothing kept yet (no full collection so far): the first once 64 MB are held, 6 MB a file as measured.
        OldGeneration old = new OldGeneration(0, 400 * MB);
        HeapGuard guard = old.guard();
        assertEquals(11, filesUntilCollection(old, guard, 6 * MB), "66 MB > 64 MB");
        // Then half the 400 MB kept: 34 more files (204 MB > 200 MB).
        assertEquals(34, filesUntilCollection(old, guard, 6 * MB));
        assertEquals(34, filesUntilCollection(old, guard, 6 * MB), "the same cycle again, not a collection per file");
    }

    @Test
    void aSmallLiveSetStillGrowsBy64MegabytesBetweenCollections() {
        OldGeneration old = new OldGeneration(0, 30 * MB);
        HeapGuard guard = old.guard();
        filesUntilCollection(old, guard, 4 * MB);
        // 30 MB kept: not at 45 MB (half as much again) but at 30 + 64 MB, 17 files of 4 MB later (98 MB).
        assertEquals(17, filesUntilCollection(old, guard, 4 * MB));
    }

    @Test
    void aShortBatchIsNeverCollected() {
        OldGeneration old = new OldGeneration(0, 20 * MB);
        HeapGuard guard = old.guard();
        for (int i = 0; i < 30; i++) {
            old.used += 2 * MB;
            guard.afterFile();
        }
        assertEquals(0, old.collections, "60 MB held, nothing kept yet: under the 64 MB worth a full collection");
    }

    @Test
    void watchesOnlyTheCollectorsThatWaitForAFullHeap() {
        assertTrue(HeapGuard.guards("PS Old Gen"));
        assertTrue(HeapGuard.guards("Tenured Gen"));
        assertFalse(HeapGuard.guards("G1 Old Gen"));
        assertFalse(HeapGuard.guards("ZGC Old Generation"));
    }
}
