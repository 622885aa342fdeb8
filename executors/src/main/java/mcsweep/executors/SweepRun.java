package mcsweep.executors;

import java.io.IOException;
import java.util.List;


/**
 * One execution of a sweep as its workers see it: the tasks, the options, whether the sweep is stopping,
 * and where outcomes go. Created by {@link ParallelExecutor} for each {@code execute} call and handed to
 * {@link ParallelExecutor#start}. Thread-safe: every method may be called from any worker.
 *
 * <p>Workers report each task exactly once: {@link #runRange} does it for tasks run in this JVM; workers
 * that run tasks elsewhere (worker processes) call {@link #succeeded}, {@link #failed}, {@link #cancelled}
 * or {@link #skip}. A failure under a halt policy other than {@code never} makes the run {@link #stopping()}
 * at once, before its worker takes another task; the consumer does the rest (cancelling, under
 * {@code now}).
 */
public final class SweepRun {

    private final List<Task> tasks;
    private final ExecutionOptions options;
    private final ResultPipeline pipeline;
    private final Watchdog watchdog;
    private volatile boolean stopping;

    SweepRun(List<Task> tasks, ExecutionOptions options, ResultPipeline pipeline, Watchdog watchdog) {
        this.tasks = tasks;
        this.options = options;
        this.pipeline = pipeline;
        this.watchdog = watchdog;
    }

    /** Number of tasks, {@code n}; task indices are {@code 0..n-1} positions in the list. */
    public int size() {
        return tasks.size();
    }

    /** The task at position {@code i} of the list given to {@code execute}. */
    public Task task(int i) {
        return tasks.get(i);
    }

    public ExecutionOptions options() {
        return options;
    }

    /** The sweep's time limit per task, or {@code null} when there is none. */
    public Watchdog watchdog() {
        return watchdog;
    }

    /** Whether the sweep halted or was cancelled: start no new task, {@link #skip} it instead. */
    public boolean stopping() {
        return stopping;
    }

    /** Set by the consumer before it interrupts anything, so an interrupted worker sees why. */
    void stop() {
        stopping = true;
    }

    /** Accounts for {@code count} tasks that will never start. */
    public void skip(int count) {
        pipeline.notStarted(count);
    }

    /** A task finished. */
    public void succeeded(TaskResult result) {
        pipeline.result(result);
    }

    /** A task failed by itself (not cancelled); applies the halt policy. */
    public void failed(TaskFailure failure) {
        if (options.halt() != HaltPolicy.NEVER) {
            stopping = true; // before this worker takes another task, not when the consumer gets to it
        }
        pipeline.failure(failure);
    }

    /** A running task was cancelled by the sweep. */
    public void cancelled(Task task, Throwable cause, int attempts) {
        pipeline.failure(TaskFailure.cancelled(task, cause, attempts));
    }

    /**
     * Runs the tasks at positions {@code from..to-1} in this thread, one after another, and reports each;
     * once the sweep is stopping, the rest are skipped. Never throws for a task's failure.
     */
    public void runRange(int from, int to) {
        for (int i = from; i < to; i++) {
            if (stopping) {
                skip(to - i);
                return;
            }
            runOne(tasks.get(i));
        }
    }

    /** A timeout refused the result: the task's own error. */
    private static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message, null);
        }
    }

    private void runOne(Task task) {
        long start = System.nanoTime();
        Thread self = Thread.currentThread();
        Watchdog.Deadline deadline = watchdog == null ? null : watchdog.arm(self::interrupt);
        try {
            // The result counts only if the deadline is disarmed in time; only then is the trace renamed.
            TaskRunner.Outcome o = TaskRunner.execute(task, () -> {
                if (deadline != null && !deadline.disarm()) {
                    Thread.interrupted(); // the watchdog's interrupt, which came too late to stop the kernel
                    throw new TimedOut(watchdog.message());
                }
            });
            succeeded(new TaskResult(task, o.summary(), System.nanoTime() - start, self.getName(), o.checksum()));
        } catch (TimedOut e) {
            failed(new TaskFailure(task, e.getMessage(), null, 1));
        } catch (InterruptedException e) {
            if (deadline != null && !deadline.disarm()) {
                failed(new TaskFailure(task, watchdog.message(), null, 1));
            } else {
                // Someone else's interrupt: the consumer cancelling the sweep (it stopped the run first), or,
                // for a task run on the calling thread, the caller itself; keep it, so the consumer sees it.
                self.interrupt();
                cancelled(task, e, 1);
            }
        } catch (Exception | Error e) {
            if (deadline != null && !deadline.disarm()) {
                Thread.interrupted();
            }
            // Errors too (StackOverflowError in a kernel): a task is always reported, never lost.
            failed(new TaskFailure(task, TaskRunner.describe(e), e, 1));
        }
    }
}
