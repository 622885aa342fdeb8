package mcsweep.executors;

import mcsweep.kernel.Summary;

/**
 * A task that finished.
 *
 * @param task      the task
 * @param summary   what its kernel returned
 * @param wallNanos time from start of the attempt that succeeded to its end, as seen by the worker
 * @param worker    who ran it (a thread or process name), for logs
 * @param checksum  XXH64 of its trace file as {@link Xxh64#hex} spells it, computed while the file was
 *                  written; {@code null} when there is no trace or it was written elsewhere (a worker
 *                  process, an external program), and whoever needs it reads the file
 */
public record TaskResult(Task task, Summary summary, long wallNanos, String worker, String checksum) {

    /** A result without a checksum. */
    public TaskResult(Task task, Summary summary, long wallNanos, String worker) {
        this(task, summary, wallNanos, worker, null);
    }
}
