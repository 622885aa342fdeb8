package mcsweep.executors;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The part every executor shares, written once: the consumer loop on the calling thread, the halt policies,
 * the per-task timeout, cancellation, and the guarantee that no worker outlives {@link #execute}. A
 * subclass only decides how tasks reach its workers ({@link #start}): threads, a ForkJoinPool, virtual
 * threads, the calling thread itself ({@code sequential}), or driver threads of worker processes.
 *
 * <p>How a sweep runs: {@link #start} launches workers that run tasks through {@link SweepRun} (or report
 * them by themselves to it); the calling thread drains outcomes in batches into the listener and, when
 * there are none, lets the workers {@linkplain Workers#help() use it} or parks (for at most
 * {@link ResultPipeline#MAX_PARK_NANOS}). A failure under {@link HaltPolicy#SOON} or {@link HaltPolicy#NOW}
 * makes the run stop at once ({@link SweepRun#failed}), so workers skip what they have not started; under
 * {@code NOW}, and when the calling thread is interrupted, the loop also calls {@link Workers#cancel()},
 * whose interrupts make kernels stop at their next block boundary ({@link TaskRunner} then deletes the
 * partial file) or whose kills end worker processes. With {@link ExecutionOptions#timeout()}, a
 * {@link Watchdog} interrupts (or kills) a task that runs too long, and it is reported as timed out. The
 * loop returns once every task has been reported or skipped and {@link Workers#awaitTermination()} has
 * returned.
 */
public abstract class ParallelExecutor implements SweepExecutor {

    /** The workers of one sweep, as {@link #start} launched them. */
    public interface Workers {

        /** Workers that need nothing: every task was accounted for by {@link #start} itself. */
        Workers NONE = new Workers() {
            @Override
            public void cancel() {
            }

            @Override
            public void awaitTermination() {
            }
        };

        /**
         * Interrupts running tasks (halt now, or the sweep was cancelled). The run is already stopping when
         * this is called, so an interrupted worker skips the rest of its tasks. May be called more than once.
         * Called on the consumer thread.
         */
        void cancel();

        /**
         * Shuts the workers down and waits until every thread (or process) of theirs has ended. Called once,
         * when every task has been accounted for, or after an error with the run stopping and cancelled.
         *
         * @throws InterruptedException if interrupted while waiting; the caller cancels and calls again
         */
        void awaitTermination() throws InterruptedException;

        /**
         * Does a piece of the sweep's work on the consumer thread, instead of parking it while no outcome is
         * waiting: runs one task (and reports it, as any worker does). Returns {@code false} when there is
         * nothing to do this way (the default: the consumer parks).
         */
        default boolean help() {
            return false;
        }

        /**
         * Workers that are the threads of {@code pool}: cancelled by interrupting them, ended by shutting
         * the pool down and joining every thread it made.
         */
        static Workers of(ExecutorService pool, WorkerThreads threads) {
            return new Workers() {
                @Override
                public void cancel() {
                    threads.interruptAll();
                }

                @Override
                public void awaitTermination() throws InterruptedException {
                    pool.shutdown();
                    while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                        // a task is finishing its block; keep waiting (interrupts reach us, not it)
                    }
                    threads.join(); // a pool reports termination a moment before its threads have died
                }
            };
        }
    }

    /**
     * Launches the workers for {@code run} and returns at once. Every task of the run must end up reported
     * exactly once: by {@link SweepRun#runRange}, or directly through {@link SweepRun}'s report methods, or
     * {@link SweepRun#skip skipped} once {@link SweepRun#stopping()}; a task lost here would make
     * {@link #execute} wait forever. If this method throws, it must have released whatever it started.
     * Called on the calling thread; if that thread is interrupted meanwhile, the sweep is cancelled.
     *
     * @param workers how many tasks may run at once: {@code options.workers()}, at most the number of tasks
     */
    protected abstract Workers start(SweepRun run, int workers);

    @Override
    public final SweepOutcome execute(List<Task> tasks, ExecutionOptions options, SweepListener listener) {
        List<Task> list = List.copyOf(tasks);
        if (Thread.currentThread().isInterrupted()) {
            return new SweepOutcome(0, 0, list.size(), true);
        }
        if (list.isEmpty()) {
            return new SweepOutcome(0, 0, 0, false);
        }
        ResultPipeline pipeline = new ResultPipeline(list.size());
        Watchdog watchdog = options.timeout() == null ? null : new Watchdog(options.timeout());
        SweepRun run = new SweepRun(list, options, pipeline, watchdog);
        Workers workers;
        try {
            workers = start(run, Math.min(options.workers(), list.size()));
        } catch (RuntimeException | Error e) {
            run.stop(); // whatever did start skips its tasks and ends
            if (watchdog != null) {
                watchdog.close();
            }
            throw e;
        }
        boolean interrupted = false;
        boolean cancelled = false;
        boolean drained = false;
        try {
            while (true) {
                pipeline.drainTo(listener);
                if (Thread.interrupted()) { // cleared, so that await() can park again until the end
                    interrupted = true;
                }
                if (pipeline.isComplete()) {
                    break;
                }
                boolean halt = pipeline.failed() > 0 && options.halt() != HaltPolicy.NEVER;
                if (interrupted || halt) {
                    run.stop();
                    if (!cancelled && (interrupted || options.halt() == HaltPolicy.NOW)) {
                        cancelled = true;
                        workers.cancel();
                    }
                }
                if (!workers.help()) {
                    pipeline.await();
                }
            }
            drained = true;
        } finally {
            if (!drained) { // the listener threw: stop everything before the exception leaves
                run.stop();
                workers.cancel();
            }
            interrupted |= Uninterruptibly.await(workers::awaitTermination, () -> {
                run.stop();
                workers.cancel();
            });
            if (watchdog != null) {
                watchdog.close();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return new SweepOutcome(pipeline.completed(), pipeline.failed(), pipeline.notStarted(), interrupted,
                pipeline.cancelled());
    }
}
