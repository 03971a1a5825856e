package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapGuardTest {
    private static final long MB = 1L << 20;

    /** An old generation that gains {@code perFile} a file and keeps {@code live} through a full collection. */
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
        // Nothing kept yet (no full collection so far): the first once 128 MB are held, 6 MB a file as measured.
        OldGeneration old = new OldGeneration(0, 400 * MB);
        HeapGuard guard = old.guard();
        assertEquals(22, filesUntilCollection(old, guard, 6 * MB), "132 MB > 128 MB");
        // Then half the 400 MB kept: 34 more files (204 MB > 200 MB).
        assertEquals(34, filesUntilCollection(old, guard, 6 * MB));
        assertEquals(34, filesUntilCollection(old, guard, 6 * MB), "the same cycle again, not a collection per file");
    }

    @Test
    void aSmallLiveSetStillGrowsBy128MegabytesBetweenCollections() {
        OldGeneration old = new OldGeneration(0, 30 * MB);
        HeapGuard guard = old.guard();
        filesUntilCollection(old, guard, 4 * MB);
        // 30 MB kept: not at 45 MB (half as much again) but at 30 + 128 MB, 33 files of 4 MB later (162 MB).
        assertEquals(33, filesUntilCollection(old, guard, 4 * MB));
    }

    @Test
    void aSmallBatchIsNeverCollected() {
        OldGeneration old = new OldGeneration(20 * MB, 20 * MB);
        HeapGuard guard = old.guard();
        for (int i = 0; i < 50; i++) {
            old.used += 2 * MB;
            guard.afterFile();
        }
        assertEquals(0, old.collections, "120 MB of growth is under the 128 MB worth a full collection");
    }

    @Test
    void watchesOnlyTheCollectorsThatWaitForAFullHeap() {
        assertTrue(HeapGuard.guards("PS Old Gen"));
        assertTrue(HeapGuard.guards("Tenured Gen"));
        assertFalse(HeapGuard.guards("G1 Old Gen"));
        assertFalse(HeapGuard.guards("ZGC Old Generation"));
    }
}
