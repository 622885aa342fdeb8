package mcsweep.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The sweep's progress on stderr. On a terminal: one bar line with done/total, percentage, tasks per
 * second, elapsed time, ETA and failures, redrawn by a daemon thread at most {@value #BAR_HZ} times a
 * second (however many tasks end), with error lines printed above it. Elsewhere (a log file, a pipe, a
 * cluster job): one plain line every {@value #PLAIN_SECONDS} seconds. Off with {@code --quiet}.
 *
 * <p>Written by hand rather than with a progress-bar library: the candidates bring a terminal library
 * (JLine) whose terminal probing costs start-up time; this needs only {@code \r} and "erase line".
 */
final class Progress implements AutoCloseable {

    static final int BAR_HZ = 5;
    static final int PLAIN_SECONDS = 5;

    enum Mode { OFF, BAR, PLAIN }

    private final Mode mode;
    private final PrintStream err;
    private final int total;
    private final LongSupplier nanos;
    private final long startNanos;
    private final int width;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private Thread ticker;
    private boolean barShown;
    private long lastPlain;

    Progress(Mode mode, PrintStream err, int total, LongSupplier nanos, int width) {
        this.mode = mode;
        this.err = err;
        this.total = total;
        this.nanos = nanos;
        this.startNanos = nanos.getAsLong();
        this.lastPlain = startNanos;
        this.width = Math.max(40, width);
    }

    /** Progress for a sweep of {@code total} tasks on this process's stderr, ticking on its own thread. */
    static Progress start(int total, boolean quiet) {
        Mode mode = quiet ? Mode.OFF : Terminal.stderrIsTerminal() ? Mode.BAR : Mode.PLAIN;
        Progress p = new Progress(mode, System.err, total, System::nanoTime, columns());
        if (mode != Mode.OFF && total > 0) {
            long periodMs = mode == Mode.BAR ? 1000 / BAR_HZ : 1000;
            p.ticker = Thread.ofPlatform().daemon().name("mcsweep-progress").start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(periodMs);
                        p.tick();
                    }
                } catch (InterruptedException stop) {
                    // close() stops us
                }
            });
        }
        return p;
    }

    /** A task ended. Any thread. */
    void taskEnded(boolean ok) {
        done.incrementAndGet();
        if (!ok) {
            failed.incrementAndGet();
        }
    }

    /** Prints {@code line} on its own line (above the bar, which is redrawn below it). */
    synchronized void println(String line) {
        if (mode == Mode.BAR && barShown) {
            err.print("\r\033[K");
            err.println(line);
            drawBar();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Redraws the bar, or prints the plain line when it is due. Called by the ticker. */
    synchronized void tick() {
        switch (mode) {
            case BAR -> drawBar();
            case PLAIN -> {
                long now = nanos.getAsLong();
                if (now - lastPlain >= PLAIN_SECONDS * 1_000_000_000L) {
                    lastPlain = now;
                    err.println("mcsweep: " + status());
                    err.flush();
                }
            }
            case OFF -> {
            }
        }
    }

    /** Stops the ticker and leaves the final state: the bar on its own finished line. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.interrupt();
            ticker = null;
        }
        if (mode == Mode.BAR && total > 0) {
            drawBar();
            err.println();
            err.flush();
            barShown = false;
        }
    }

    private void drawBar() {
        String status = status();
        int barWidth = Math.max(10, width - status.length() - 4);
        int d = Math.min(done.get(), total);
        int filled = total == 0 ? barWidth : (int) ((long) barWidth * d / total);
        StringBuilder s = new StringBuilder("\r\033[K[");
        s.repeat('#', filled).repeat('.', barWidth - filled).append("] ").append(status);
        err.print(s);
        err.flush();
        barShown = true;
    }

    /** {@code 120/324 37% 45.2 tasks/s elapsed 0:02 ETA 0:04 0 failed}. */
    String status() {
        int d = done.get();
        int f = failed.get();
        double elapsed = (nanos.getAsLong() - startNanos) / 1e9;
        double rate = elapsed > 0 ? d / elapsed : 0;
        String eta = d == 0 || rate == 0 ? "?" : clock((total - d) / rate);
        return String.format(Locale.ROOT, "%d/%d %d%% %.1f tasks/s elapsed %s ETA %s %d failed", d, total,
                total == 0 ? 100 : (int) (100L * d / total), rate, clock(elapsed), eta, f);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    Mode mode() {
        return mode;
    }

    private static int columns() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 80 : Integer.parseInt(c.trim());
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
