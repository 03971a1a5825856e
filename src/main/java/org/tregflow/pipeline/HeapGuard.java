package org.tregflow.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long batch's heap near what the batch holds. The parallel collector stopped collecting its old generation
 * on its own ergonomics in JDKs 22 and 23 (JDK-8319713, JDK-8328744): it grows it instead, up to the maximum heap, a
 * quarter of the machine's memory. What outlives a young collection in each file (population bit sets, sheet
 * images, a few MB a file) then piled up: on Java 25, 456 MB -> 1.8 GB of RSS over 288 one-million-event files and
 * still growing, where Java 17 collected it (593 MB after 144). After each file, when the old generation has grown
 * since its last full collection by half of what that collection kept, and by 64 MB at least (so that a collection,
 * 37-53 ms here, frees more than it costs), the guard asks for one full collection. 64 rather than 128 MB: 48 files
 * peaked at 504-517 MB of RSS against 498-560, for the same CPU within the noise. The serial collector's old
 * generation is watched the same way (not measured).
 */
final class HeapGuard {
    private static final Logger LOG = LoggerFactory.getLogger(HeapGuard.class);
    /** Least growth of the old generation since its last collection that is worth a full one. */
    static final long MIN_GROWTH = 64L << 20;
    /** Old generations of the collectors that wait for a full heap before a full collection. */
    private static final Set<String> GUARDED_POOLS = Set.of("PS Old Gen", "Tenured Gen");
    /** For G1, ZGC and Shenandoah, whose concurrent cycles collect the old generation as it fills. */
    static final HeapGuard NONE = new HeapGuard(() -> 0, () -> 0, () -> { });

    private final LongSupplier used;
    private final LongSupplier keptAtLastCollection;
    private final Runnable collect;

    HeapGuard(LongSupplier used, LongSupplier keptAtLastCollection, Runnable collect) {
        this.used = used;
        this.keptAtLastCollection = keptAtLastCollection;
        this.collect = collect;
    }

    /** The guard for this JVM's collector: on its old generation's pool, or {@link #NONE}. */
    static HeapGuard forThisJvm() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && guards(pool.getName())) {
                return new HeapGuard(() -> pool.getUsage().getUsed(), () -> {
                    MemoryUsage kept = pool.getCollectionUsage(); // after the last full collection; 0 before one
                    return kept == null ? 0 : kept.getUsed();
                }, System::gc);
            }
        }
        return NONE;
    }

    /** Whether the old generation pool of this name is one the guard watches. */
    static boolean guards(String poolName) {
        return GUARDED_POOLS.contains(poolName);
    }

    /**
     * Called by a worker after each file. Synchronized: two workers finishing together ask for one collection, the
     * second one sees the old generation emptied.
     */
    synchronized void afterFile() {
        long kept = keptAtLastCollection.getAsLong();
        long now = used.getAsLong();
        if (now - kept > Math.max(kept / 2, MIN_GROWTH)) {
            LOG.debug("old generation at {} MB, {} MB after its last full collection: collecting", now >> 20,
                    kept >> 20);
            collect.run();
        }
    }
}
