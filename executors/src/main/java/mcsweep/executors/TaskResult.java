package mcsweep.executors;

import mcsweep.kernel.Summary;

/**
 * A task that finished.
 *
 * @param task      the task
 * @param summary   what its kernel returned
 * @param wallNanos time from start of the attempt that succeeded to its end, as seen by the worker
 * @param worker    who ran it (a thread or process name), for logs
 */
public record TaskResult(Task task, Summary summary, long wallNanos, String worker) {
}
