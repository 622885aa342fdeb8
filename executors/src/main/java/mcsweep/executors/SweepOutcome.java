package mcsweep.executors;

/**
 * How a sweep ended. Every task is counted exactly once: {@code completed + failed + cancelled + notStarted}
 * is the number of tasks.
 *
 * @param completed   tasks that finished
 * @param failed      tasks that failed by themselves (reported to {@link SweepListener#onFailure}, not
 *                    cancelled)
 * @param notStarted  tasks never started because the sweep halted or was cancelled
 * @param interrupted whether the sweep was cancelled (its thread interrupted) before the end
 * @param cancelled   tasks cancelled while they ran (halt now, or an interrupt); also reported to
 *                    {@link SweepListener#onFailure}, with {@link TaskFailure#cancelled()} set
 */
public record SweepOutcome(int completed, int failed, int notStarted, boolean interrupted, int cancelled) {

    /** An outcome with no cancelled task. */
    public SweepOutcome(int completed, int failed, int notStarted, boolean interrupted) {
        this(completed, failed, notStarted, interrupted, 0);
    }
}
