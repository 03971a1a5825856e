package org.tregflow.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void resultsComeInTheItemsOrderWhateverOrderTheyFinishIn() throws Exception {
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        // The first item waits until the last has finished, so the finishing order is not the items' order.
        CountDownLatch last = new CountDownLatch(1);
        List<Integer> out = Parallel.map(items, 4, "test-order", i -> {
            if (i == 0) {
                assertTrue(last.await(10, TimeUnit.SECONDS));
            }
            if (i == 39) {
                last.countDown();
            }
            return i * i;
        });
        assertEquals(items.stream().map(i -> i * i).toList(), out);
        assertEquals(List.of(), Parallel.map(List.<Integer>of(), 4, "test-none", i -> i));
    }

    @Test
    void atMostTheThreadsAskedFor() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Parallel.map(IntStream.range(0, 64).boxed().toList(), 3, "test-bound", i -> {
            threads.add(Thread.currentThread());
            Thread.sleep(1); // give every pool thread a chance to take items
            return i;
        });
        assertTrue(threads.size() <= 3 && !threads.isEmpty(), threads.toString());
        assertTrue(threads.stream().allMatch(t -> t.getName().equals("test-bound") && t.isDaemon()),
                threads.toString());
    }

    @Test
    void whatTheWorkThrowsComesOutAsItselfOrWrappedInAnIOException() {
        IOException io = new IOException("disk full");
        assertSame(io, assertThrows(IOException.class,
                () -> Parallel.map(List.of(1, 2, 3), 2, "test-io", i -> {
                    if (i == 2) {
                        throw io;
                    }
                    return i;
                })));
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, assertThrows(IllegalStateException.class,
                () -> Parallel.map(List.of(1), 2, "test-bug", i -> {
                    throw bug;
                })));
        Exception checked = new Exception("checked");
        IOException wrapped = assertThrows(IOException.class, () -> Parallel.map(List.of(1), 2, "test-checked", i -> {
            throw checked;
        }));
        assertSame(checked, wrapped.getCause());
    }
}
