package mcsweep.executors;

/**
 * How a sweep ended.
 *
 * @param completed   tasks that finished
 * @param failed      tasks reported to {@link SweepListener#onFailure}
 * @param notStarted  tasks never started because the sweep halted or was cancelled
 * @param interrupted whether the sweep was cancelled (its thread interrupted) before the end
 */
public record SweepOutcome(int completed, int failed, int notStarted, boolean interrupted) {
}
