package mcsweep.executors.process;

import java.io.IOException;

import mcsweep.executors.Task;
import mcsweep.executors.TaskResult;

/**
 * Runs tasks in worker processes for one driver thread: a fresh JVM per attempt ({@code process}) or one
 * long-lived JVM, replaced when lost ({@code pool}). Used by its driver thread only.
 */
interface Slot extends AutoCloseable {

    /**
     * One attempt at {@code task}. Renames the task's trace into place only when it returns a result. Must
     * not throw for a process that died: that is {@link Attempt#lost}.
     */
    Attempt attempt(Task task) throws IOException, WorkerProcesses.Cancelled;

    /**
     * A task this slot has already taken (and maybe sent to its process ahead of time), which the driver
     * must run next, or {@code null}.
     */
    default Task handedOver() {
        return null;
    }

    /** Ends this slot's processes and waits until they have exited. */
    @Override
    void close();

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
}
