package mcsweep.executors.sequential;

import java.util.List;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.HaltPolicy;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepListener;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.executors.TaskFailure;
import mcsweep.executors.TaskResult;
import mcsweep.executors.TaskRunner;
import mcsweep.kernel.Summary;

/** Runs tasks one after another in the calling thread: the reference every other executor must match. */
public final class SequentialExecutor implements SweepExecutor {

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public String description() {
        return "one task after another in the calling thread; the reference, and the baseline for overhead";
    }

    @Override
    public SweepOutcome execute(List<Task> tasks, ExecutionOptions options, SweepListener listener) {
        int completed = 0;
        int failed = 0;
        String worker = Thread.currentThread().getName();
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            if (Thread.currentThread().isInterrupted()) {
                return new SweepOutcome(completed, failed, tasks.size() - i, true);
            }
            long start = System.nanoTime();
            try {
                Summary s = TaskRunner.run(task);
                completed++;
                listener.onResult(new TaskResult(task, s, System.nanoTime() - start, worker));
            } catch (InterruptedException e) {
                failed++;
                listener.onFailure(new TaskFailure(task, "cancelled", e, 1));
                Thread.currentThread().interrupt();
                return new SweepOutcome(completed, failed, tasks.size() - i - 1, true);
            } catch (Exception | Error e) {
                failed++;
                listener.onFailure(new TaskFailure(task, TaskRunner.describe(e), e, 1));
                if (options.halt() != HaltPolicy.NEVER) {
                    return new SweepOutcome(completed, failed, tasks.size() - i - 1, false);
                }
            }
        }
        return new SweepOutcome(completed, failed, 0, false);
    }
}
