package org.tregflow.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work over a list on a few threads of its own (the files of a batch, their TEXT, the tables to flush), with the
 * results in the list's order whatever order the work finishes in.
 */
public final class Parallel {
    /** One item's work. */
    @FunctionalInterface
    public interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    private Parallel() {
    }

    /**
     * {@code work} of every item, on at most {@code threads} daemon threads named {@code name} (never more than
     * there are items), in the items' order. What the work threw comes out as itself when it is an IOException, a
     * RuntimeException or an Error, otherwise wrapped in an IOException; the rest of the work is then cancelled.
     *
     * @throws InterruptedException the calling thread was interrupted while waiting (the work is cancelled)
     */
    public static <T, R> List<R> map(List<T> items, int threads, String name, Work<T, R> work)
            throws IOException, InterruptedException {
        List<R> out = new ArrayList<>(items.size());
        if (items.isEmpty()) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> pending = new ArrayList<>(items.size());
            for (T item : items) {
                pending.add(pool.submit(() -> work.apply(item)));
            }
            for (Future<R> f : pending) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw thrown(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What a task threw, to be thrown by the caller: itself when it is an IOException, a RuntimeException or an
     * Error (thrown from here), otherwise wrapped in an IOException (returned).
     */
    static IOException thrown(ExecutionException e) throws IOException {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IOException(cause);
    }
}
