package mcsweep.executors;

import java.util.List;

/**
 * Where and how tasks run: in this thread, in a pool of threads, in fresh JVMs, on a cluster. Executors
 * are plugins, found with {@link java.util.ServiceLoader} (see {@link SweepExecutors}).
 *
 * <p>An executor never changes a task's result: traces and summaries depend only on the task (see
 * {@link mcsweep.kernel.Seeds}), so every executor produces the same bytes as {@code sequential}.
 * Implementations must be reusable: {@link #execute} may be called many times, and leaves no thread or
 * process of its own running when it returns.
 */
public interface SweepExecutor {

    /** The name users type ({@code --executor NAME}). */
    String name();

    /** One line for {@code mcsweep executors}. */
    String description();

    /**
     * Runs the tasks and reports each one's outcome to {@code listener} (on the calling thread) as soon as
     * it is known, in whatever order tasks finish. Returns once every task has been reported or, after a
     * halt, once no task is running any more.
     *
     * <p>Interrupting the calling thread cancels the sweep: nothing new starts, running tasks are
     * interrupted (or their processes killed), their partial files are removed, and this method returns
     * an outcome with {@code interrupted} set and the thread's interrupt status set again.
     */
    SweepOutcome execute(List<Task> tasks, ExecutionOptions options, SweepListener listener);
}
