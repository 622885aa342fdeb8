package mcsweep.executors;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enforces a sweep's per-task time limit ({@link ExecutionOptions#timeout()}): one daemon thread per sweep
 * runs each expired task's action (interrupting its thread, or killing its process). Whether a task timed
 * out is decided once, by a race that {@link Deadline#disarm()} settles: either the action never runs, or
 * the task counts as timed out, whatever it did meanwhile.
 *
 * <p>Thread-safe. {@link #close()} ends the thread; the sweep's consumer calls it after its workers ended.
 */
public final class Watchdog implements AutoCloseable {

    private final Duration timeout;
    private final ScheduledThreadPoolExecutor timer;
    private final WorkerThreads threads = new WorkerThreads("watchdog");

    /** A watchdog for tasks of at most {@code timeout}. */
    public Watchdog(Duration timeout) {
        this.timeout = timeout;
        this.timer = new ScheduledThreadPoolExecutor(1, threads);
        timer.setRemoveOnCancelPolicy(true); // a disarmed deadline must not hold its task until it expires
    }

    /** The limit, as given. */
    public Duration timeout() {
        return timeout;
    }

    /** {@code "timed out after 1.5 s"}: the error of a task that ran out of time. */
    public String message() {
        return "timed out after " + timeout.toNanos() / 1e9 + " s";
    }

    /** Runs {@code onExpiry} once the timeout has passed, unless the returned deadline is disarmed first. */
    public Deadline arm(Runnable onExpiry) {
        Deadline d = new Deadline();
        d.future = timer.schedule(() -> d.expire(onExpiry), timeout.toNanos(), TimeUnit.NANOSECONDS);
        return d;
    }

    /** Ends the timer thread and waits until it has died; pending deadlines never expire. */
    @Override
    public void close() {
        timer.shutdownNow();
        Uninterruptibly.await(() -> {
            while (!timer.awaitTermination(1, TimeUnit.SECONDS)) {
                // an expiry action is running; it is short
            }
            threads.join();
        });
    }

    /** One task's time limit. */
    public static final class Deadline {
        private static final int ARMED = 0, EXPIRING = 1, EXPIRED = 2, DISARMED = 3;
        private final AtomicInteger state = new AtomicInteger(ARMED);
        private volatile ScheduledFuture<?> future;

        private void expire(Runnable onExpiry) {
            if (state.compareAndSet(ARMED, EXPIRING)) {
                try {
                    onExpiry.run();
                } finally {
                    state.set(EXPIRED);
                }
            }
        }

        /**
         * Stops the clock. Returns {@code true} if the action has not run and never will (the task is in
         * time), {@code false} if it expired; then the action has completed when this returns, so an interrupt
         * it sent has arrived and can be cleared.
         */
        public boolean disarm() {
            if (state.compareAndSet(ARMED, DISARMED)) {
                ScheduledFuture<?> f = future;
                if (f != null) {
                    f.cancel(false);
                }
                return true;
            }
            while (state.get() == EXPIRING) {
                Thread.onSpinWait(); // the action is a kill or an interrupt: microseconds
            }
            return state.get() == DISARMED;
        }
    }
}
