package mcsweep.executors;

import java.util.List;

import mcsweep.kernel.Summary;

/**
 * One execution of a sweep as its workers see it: the tasks, the options, whether the sweep is stopping,
 * and where outcomes go. Created by {@link ParallelExecutor} for each {@code execute} call and handed to
 * {@link ParallelExecutor#start}. Thread-safe.
 */
public final class SweepRun {

    private final List<Task> tasks;
    private final ExecutionOptions options;
    private final ResultPipeline pipeline;
    private volatile boolean stopping;

    SweepRun(List<Task> tasks, ExecutionOptions options, ResultPipeline pipeline) {
        this.tasks = tasks;
        this.options = options;
        this.pipeline = pipeline;
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

    /** Where outcomes go; for workers that report by themselves (such as worker processes' readers). */
    public ResultPipeline pipeline() {
        return pipeline;
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

    /** Runs one task in this thread (unless the sweep is stopping) and reports its outcome. */
    public void run(int index) {
        runRange(index, index + 1);
    }

    private void runOne(Task task) {
        long start = System.nanoTime();
        try {
            Summary s = TaskRunner.run(task);
            pipeline.result(new TaskResult(task, s, System.nanoTime() - start, Thread.currentThread().getName()));
        } catch (InterruptedException e) {
            // Only the consumer interrupts our workers, after stop(): the loop skips whatever is left.
            pipeline.failure(new TaskFailure(task, "cancelled", e, 1));
        } catch (Exception | Error e) {
            // Errors too (StackOverflowError in a kernel): a task is always reported, never lost.
            pipeline.failure(new TaskFailure(task, TaskRunner.describe(e), e, 1));
        }
    }
}
