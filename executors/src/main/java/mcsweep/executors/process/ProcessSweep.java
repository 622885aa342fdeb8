package mcsweep.executors.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.HaltPolicy;
import mcsweep.executors.SweepListener;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.executors.TaskFailure;
import mcsweep.executors.TaskResult;
import mcsweep.kernel.io.AtomicFile;

/**
 * One sweep over worker processes, shared by the {@code process} and {@code pool} executors: a driver thread
 * per slot takes tasks, runs attempts in processes and retries lost ones; the calling thread reports every
 * outcome to the listener, applies the halt policy and cancels on interrupt.
 *
 * <p>Every process goes through {@link #start}, which registers it, so that stopping (a halt, an interrupt,
 * the JVM's shutdown hook, or any exception) can kill them all; no process is started once killing began,
 * and {@link #run} returns only after every driver thread has ended and every process has exited.
 */
final class ProcessSweep {

    /** Runs tasks in processes; used by one driver thread only. */
    interface Slot extends AutoCloseable {
        /** One attempt at {@code task}. Must not throw for a process that died: that is {@link Attempt#lost}. */
        Attempt attempt(Task task) throws IOException, Cancelled;

        /**
         * A task this slot has already handed to its process ahead of time (see {@link #prefetch}), which
         * the driver must run next, or {@code null}.
         */
        default Task handedOver() {
            return null;
        }

        /** Ends this slot's processes and waits until they have exited. */
        @Override
        void close();
    }

    /**
     * What one attempt gave.
     *
     * @param result    the result, or {@code null}
     * @param error     why it failed, or {@code null}
     * @param retryable whether the process was lost (died, timed out) rather than the task failing by itself
     */
    record Attempt(TaskResult result, String error, boolean retryable) {
        static Attempt done(TaskResult r) {
            return new Attempt(r, null, false);
        }

        static Attempt failed(String error) {
            return new Attempt(null, error, false);
        }

        static Attempt lost(String error) {
            return new Attempt(null, error, true);
        }
    }

    /** Thrown by {@link #start} once the sweep is being killed. */
    static final class Cancelled extends Exception {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private record Event(TaskResult result, TaskFailure failure, boolean cancelled, boolean driverDone) {
    }

    private static final Event DRIVER_DONE = new Event(null, null, false, true);

    private final ExecutionOptions options;
    private final Queue<Task> pending;
    private final int total;
    private final AtomicInteger taken = new AtomicInteger();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Set<Process> live = new HashSet<>();
    private final ScheduledThreadPoolExecutor watchdog;
    private final Path logDir;
    private final boolean ownLogDir;
    private final boolean logDirExisted;
    private volatile boolean stopping;
    private volatile boolean killing;

    /**
     * A sweep of {@code tasks} whose workers {@code jvm} starts. Builds the JVM's start-up archive first
     * (once per class path), so that no task's clock includes it.
     */
    static ProcessSweep prepare(List<Task> tasks, ExecutionOptions options, WorkerJvm jvm) {
        try {
            if (!tasks.isEmpty()) {
                jvm.archive();
            }
            return new ProcessSweep(tasks, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessSweep(List<Task> tasks, ExecutionOptions options) throws IOException {
        this.options = options;
        this.pending = new ConcurrentLinkedQueue<>(tasks);
        this.total = tasks.size();
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mcsweep-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.setRemoveOnCancelPolicy(true);
        this.ownLogDir = options.logDir() == null;
        this.logDir = ownLogDir ? Files.createTempDirectory("mcsweep-logs") : options.logDir();
        this.logDirExisted = Files.isDirectory(logDir);
    }

    /** Where a slot keeps a task's stderr. Created on demand. */
    Path logFile(String name) throws IOException {
        Files.createDirectories(logDir);
        return logDir.resolve(name);
    }

    /** Whether logs are the user's (kept) or ours (removed at the end, so messages must carry them). */
    boolean keepsLogs() {
        return !ownLogDir;
    }

    /** Tasks in flight per worker, or 0 for the executor's choice ({@link ExecutionOptions#chunk()}). */
    int chunk() {
        return options.chunk();
    }

    Duration timeout() {
        return options.timeout();
    }

    boolean killing() {
        return killing;
    }

    /** Starts and registers a process, unless the sweep is being killed. */
    Process start(ProcessBuilder builder) throws IOException, Cancelled {
        synchronized (live) {
            if (killing) {
                throw new Cancelled();
            }
            Process p = builder.start();
            live.add(p);
            return p;
        }
    }

    /** Forgets a process that has exited. */
    void exited(Process p) {
        synchronized (live) {
            live.remove(p);
        }
    }

    /** Kills {@code p} after {@code timeout()}, unless the returned handle is cancelled first. */
    ScheduledFuture<?> killLater(Process p, Runnable before) {
        Duration t = options.timeout();
        if (t == null) {
            return null;
        }
        return watchdog.schedule(() -> {
            before.run();
            p.descendants().forEach(ProcessHandle::destroyForcibly); // a --command task's program, too
            p.destroyForcibly();
        }, t.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Takes a task to send to a worker ahead of time, so that it starts the moment the worker's current task
     * ends, without a round trip. Only when the sweep never halts: a task sent ahead cannot be called back
     * if an earlier one fails. Returns {@code null} when there is none to take.
     */
    Task prefetch() {
        if (stopping || options.halt() != HaltPolicy.NEVER) {
            return null;
        }
        Task t = pending.poll();
        if (t != null) {
            taken.incrementAndGet();
        }
        return t;
    }

    /** Returns a task sent ahead to a worker that was lost before starting it: it is not started after all. */
    void giveBack(Task t) {
        pending.add(t);
        taken.decrementAndGet();
    }

    /** Applies the halt policy after a task failed. */
    private void halt() {
        if (options.halt() == HaltPolicy.SOON) {
            stopping = true;
        } else if (options.halt() == HaltPolicy.NOW) {
            kill();
        }
    }

    /** Starts nothing new and kills every process. */
    private void kill() {
        stopping = true;
        synchronized (live) {
            killing = true;
            for (Process p : live) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /** Runs the sweep: see {@link mcsweep.executors.SweepExecutor#execute}. */
    SweepOutcome run(IntFunction<Slot> slots, SweepListener listener) {
        int n = Math.min(options.workers(), total);
        List<Thread> drivers = new ArrayList<>(n);
        Thread hook = new Thread(this::kill, "mcsweep-process-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
        int completed = 0;
        int failed = 0;
        boolean interrupted = Thread.interrupted();
        try {
            if (interrupted) {
                kill();
            }
            for (int i = 0; i < n; i++) {
                int slot = i;
                Thread t = new Thread(() -> drive(slots, slot), "mcsweep-driver-" + i);
                t.setDaemon(true);
                drivers.add(t);
                t.start();
            }
            int done = 0;
            while (done < n) {
                Event e;
                try {
                    e = events.take();
                } catch (InterruptedException ie) {
                    interrupted = true;
                    kill();
                    continue;
                }
                if (e.driverDone()) {
                    done++;
                } else if (e.result() != null) {
                    completed++;
                    listener.onResult(e.result());
                } else {
                    failed++;
                    listener.onFailure(e.failure());
                }
            }
        } finally {
            kill();
            boolean again = false;
            for (Thread t : drivers) {
                again |= joinUninterruptibly(t);
            }
            interrupted |= again;
            watchdog.shutdownNow();
            awaitUninterruptibly(watchdog);
            reapAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or ran: it only kills what we have killed already
            }
            if (ownLogDir) {
                deleteTree(logDir);
            } else if (!logDirExisted) {
                try {
                    Files.deleteIfExists(logDir); // only if empty: no task wrote to its stderr
                } catch (IOException notEmpty) {
                    // keep the logs
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return new SweepOutcome(completed, failed, total - taken.get(), interrupted);
    }

    /** Waits for {@code t} to end even if interrupted meanwhile; returns whether it was. */
    static boolean joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private static void awaitUninterruptibly(ScheduledThreadPoolExecutor pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for every registered process to exit; the drivers did it already unless something threw. */
    private void reapAll() {
        List<Process> left;
        synchronized (live) {
            left = new ArrayList<>(live);
        }
        for (Process p : left) {
            p.destroyForcibly();
            p.onExit().join();
            exited(p);
        }
    }

    private void drive(IntFunction<Slot> slots, int index) {
        try (Slot slot = slots.apply(index)) {
            while (true) {
                Task task = slot.handedOver();
                if (task == null) {
                    if (stopping || (task = pending.poll()) == null) {
                        break;
                    }
                    taken.incrementAndGet();
                }
                Event e = runWithRetries(slot, task);
                if (e.failure() != null && !e.cancelled()) {
                    // Halt here, before this driver takes another task, not when the caller gets to it.
                    halt();
                }
                events.add(e);
            }
        } catch (RuntimeException | Error e) {
            // A bug in a slot must not hang the sweep: the task it held is reported by runWithRetries;
            // the driver just ends, and the calling thread sees it done.
            System.getLogger(ProcessSweep.class.getName()).log(System.Logger.Level.ERROR, "driver failed", e);
        } finally {
            events.add(DRIVER_DONE);
        }
    }

    private Event runWithRetries(Slot slot, Task task) {
        int attempts = 0;
        while (true) {
            attempts++;
            Attempt a;
            try {
                a = slot.attempt(task);
            } catch (Cancelled c) {
                return cancelled(task, attempts);
            } catch (IOException | RuntimeException e) {
                a = Attempt.lost("cannot run a worker: " + e.getMessage());
            }
            if (a.result() != null) {
                return new Event(a.result(), null, false, false);
            }
            removePartial(task);
            if (killing) {
                return cancelled(task, attempts);
            }
            if (!a.retryable() || stopping || attempts > options.retries()) {
                String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
                return new Event(null, new TaskFailure(task, a.error() + tries, null, attempts), false, false);
            }
        }
    }

    private static Event cancelled(Task task, int attempts) {
        removePartial(task);
        return new Event(null, new TaskFailure(task, "cancelled", null, attempts), true, false);
    }

    /** A killed worker could not remove its temporary trace; its process has exited by now. */
    static void removePartial(Task task) {
        if (task.output() != null) {
            try {
                Files.deleteIfExists(AtomicFile.tempFor(task.output()));
            } catch (IOException e) {
                // left for resume's clean-up, which knows the temporary names
            }
        }
    }

    /** The last non-blank line of a log file, for error messages, or {@code ""}. */
    static String lastLine(Path file) {
        try {
            if (file == null || !Files.isRegularFile(file)) {
                return "";
            }
            long size = Files.size(file);
            byte[] tail;
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(Math.max(0, size - 4096));
                tail = in.readAllBytes();
            }
            return lastLine(new String(tail, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "";
        }
    }

    static String lastLine(String text) {
        String[] lines = text.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith(WorkerMain.END_OF_TASK_MARK.strip())) {
                return Protocol.printable(Protocol.truncate(l, 300));
            }
        }
        return "";
    }

    /** "exited with code 3", "was killed (signal 9)". */
    static String exitDescription(int code) {
        return code > 128 && code < 160 ? "was killed (signal " + (code - 128) + ")" : "exited with code " + code;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temp folder; the OS cleans it eventually
                }
            });
        } catch (IOException e) {
            // same
        }
    }
}
