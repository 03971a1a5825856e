package org.tregflow.io;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work started on a thread of its own beside the caller's (a file's SHA-256 while it is analysed, a sheet's PNG while
 * its SVG is drawn), joined when its result is needed. If its thread has not started by then (a busy machine),
 * {@link #join} runs it in the caller: nobody waits for a core.
 */
public final class SideTask<T> {
    private final FutureTask<T> task;

    private SideTask(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    /** Starts {@code work} on a daemon thread named {@code name}. */
    public static <T> SideTask<T> start(String name, Callable<T> work) {
        SideTask<T> s = new SideTask<>(work);
        Thread t = new Thread(s.task, name);
        t.setDaemon(true);
        t.start();
        return s;
    }

    /**
     * The work's result. What it threw comes out as itself when it is an IOException, a RuntimeException or an
     * Error, otherwise wrapped in an IOException.
     */
    public T join() throws IOException, InterruptedException {
        task.run(); // nothing once started or done
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw Parallel.thrown(e);
        }
    }
}
