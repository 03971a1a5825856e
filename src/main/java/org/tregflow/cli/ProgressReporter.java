package org.tregflow.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.tregflow.pipeline.RunListener;
import org.tregflow.stats.SampleResult;

/**
 * Shows a batch's progress on standard error: files done, events per second and the time left.
 *
 * <p>On a terminal, one bar redrawn in place with a carriage return (failures are printed above it, so they stay
 * on screen). Elsewhere (cron, systemd, Slurm: output goes to a log file) one plain line per file, since carriage
 * returns make such logs unreadable. Quiet shows nothing.
 */
final class ProgressReporter implements RunListener {
    enum Mode { BAR, LINES, QUIET }

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final Mode mode;
    private final LongSupplier nanoClock;
    private long startNanos;
    private int total;
    private int done;
    private int reused;
    private long events;
    private int lastWidth;

    ProgressReporter(PrintWriter err, Mode mode, LongSupplier nanoClock) {
        this.err = err;
        this.mode = mode;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** The bar on an interactive terminal, lines otherwise, nothing when quiet. */
    static ProgressReporter forTerminal(PrintWriter err, boolean quiet) {
        Mode m = quiet ? Mode.QUIET : interactive() ? Mode.BAR : Mode.LINES;
        return new ProgressReporter(err, m, System::nanoTime);
    }

    /**
     * Whether standard input and output are a terminal. From JDK 22 {@code System.console()} is non-null even
     * when redirected (cron, Slurm), and {@code Console.isTerminal()} tells; it is called reflectively since the
     * build targets Java 17, where a non-null console already means a terminal.
     */
    static boolean interactive() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Files whose stored result was reused so far. */
    synchronized int reusedCount() {
        return reused;
    }

    @Override
    public synchronized void started(int files) {
        total = files;
        startNanos = nanoClock.getAsLong();
        if (mode == Mode.BAR) {
            redraw();
        }
    }

    @Override
    public synchronized void notice(String line) {
        if (mode == Mode.QUIET) {
            return;
        }
        clearBar();
        err.println(line);
        err.flush();
    }

    @Override
    public synchronized void fileDone(SampleResult r, boolean wasReused, long millis) {
        done++;
        if (wasReused) {
            reused++;
        } else {
            // Reused files cost nothing: counting their events would inflate the rate and shrink the time left.
            events += r.events();
        }
        switch (mode) {
            case QUIET -> { }
            case LINES -> {
                String what = r.ok()
                        ? String.format(Locale.ROOT, " (%,d events, %s)", r.events(), wasReused ? "reused" : millis + " ms")
                        : ": " + r.error();
                err.println(String.format(Locale.ROOT, "[%d/%d] %s %s%s; %s", done, total, r.sampleId(), r.status(),
                        what, rateAndEta()));
                err.flush();
            }
            case BAR -> {
                if (!r.ok()) {
                    clearBar();
                    err.println("failed: " + r.sampleId() + ": " + r.error());
                }
                redraw();
            }
        }
    }

    @Override
    public synchronized void finished() {
        if (mode == Mode.BAR) {
            redraw();
            err.println();
            err.flush();
            lastWidth = 0;
        }
    }

    /** "1.2M events/s, about 3 min 10 s left" (or "reused 12" when nothing was analysed yet). */
    synchronized String rateAndEta() {
        double seconds = (nanoClock.getAsLong() - startNanos) / 1e9;
        String rate = seconds <= 0 ? "-" : human(events / seconds) + " events/s";
        int analysed = done - reused;
        String eta;
        if (done >= total) {
            eta = "done";
        } else if (analysed == 0) {
            eta = "time left unknown";
        } else {
            // Files left are assumed to cost what the analysed ones cost on average (reused ones cost ~nothing).
            double perFile = seconds / analysed;
            eta = "about " + duration(perFile * (total - done)) + " left";
        }
        return rate + ", " + eta + (reused > 0 ? ", " + reused + " reused" : "");
    }

    private void redraw() {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        String line = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + done + "/" + total + " files, " + rateAndEta();
        int pad = Math.max(0, lastWidth - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        lastWidth = line.length();
    }

    private void clearBar() {
        if (mode == Mode.BAR && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
    }

    static String human(double v) {
        if (v >= 1e9) {
            return String.format(Locale.ROOT, "%.1fG", v / 1e9);
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
