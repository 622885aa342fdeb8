/**
 * Where tasks run: the executor SPI ({@link mcsweep.executors.SweepExecutor}, found with
 * {@link java.util.ServiceLoader}), what a task is ({@link mcsweep.executors.Task}), and the machinery every
 * executor shares, written once: {@link mcsweep.executors.ParallelExecutor}'s consumer loop (halt policies,
 * cancellation, the per-task {@link mcsweep.executors.Watchdog timeout}), the lock-free
 * {@link mcsweep.executors.ResultPipeline} that carries outcomes to it, and
 * {@link mcsweep.executors.TaskRunner}, the one place a task's kernel runs and its trace is written.
 *
 * <p><b>Threading.</b> {@code execute} is called on one thread, the <em>consumer</em>; the listener is
 * called only on it, one outcome at a time. Workers (threads of a pool, virtual threads, driver threads of
 * worker processes) report through {@link mcsweep.executors.SweepRun}, which is thread-safe; each task is
 * reported exactly once. Only the consumer interrupts workers, and only after marking the run stopping; the
 * watchdog interrupts a worker only for the task whose deadline it owns, and the worker clears that interrupt
 * before its next task ({@link mcsweep.executors.Watchdog.Deadline#disarm()}). No thread or process of a sweep
 * outlives {@code execute}.
 */
package mcsweep.executors;
