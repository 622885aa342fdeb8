package mcsweep.executors.sweep;

import java.util.List;

/**
 * What running a {@link Sweep} gave.
 *
 * @param tasks       one summary per task, in task order (index 0 first), whatever order they finished in
 * @param completed   tasks that finished
 * @param failed      tasks that failed (their {@link TaskSummary#error()} says why)
 * @param notStarted  tasks that never started (the halt policy stopped the sweep, or it was interrupted)
 * @param interrupted whether the running thread was interrupted before every task finished
 */
public record SweepResult(List<TaskSummary> tasks, int completed, int failed, int notStarted, boolean interrupted) {

    /** Copies {@code tasks}. */
    public SweepResult {
        tasks = List.copyOf(tasks);
    }

    /** @return whether every task finished */
    public boolean ok() {
        return completed == tasks.size();
    }
}
