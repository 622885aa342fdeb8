package mcsweep.executors;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The part every concurrent executor shares, written once: the consumer loop on the calling thread, the
 * halt policies, cancellation by interrupt, and the guarantee that no worker outlives {@link #execute}.
 * A subclass only decides how tasks reach its workers ({@link #start}).
 *
 * <p>How a sweep runs: {@link #start} launches workers that run tasks through {@link SweepRun} (or report
 * them by themselves to {@link SweepRun#pipeline()}); the calling thread drains outcomes in batches into
 * the listener and parks when there are none. On the first failure under {@link HaltPolicy#SOON} it marks
 * the run as stopping, so workers skip what they have not started; under {@link HaltPolicy#NOW}, and when
 * the calling thread is interrupted, it also calls {@link Workers#cancel()}, whose interrupts make kernels
 * stop at their next block boundary ({@link TaskRunner} then deletes the partial file). It returns once
 * every task has been reported or skipped and {@link Workers#awaitTermination()} has returned.
 */
public abstract class ParallelExecutor implements SweepExecutor {

    /** The workers of one sweep, as {@link #start} launched them. */
    protected interface Workers {

        /**
         * Interrupts running tasks (halt now, or the sweep was cancelled). The run is already stopping when
         * this is called, so an interrupted worker skips the rest of its tasks. May be called more than once.
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
     * exactly once: by {@link SweepRun#runRange}, or directly to the pipeline, or {@link SweepRun#skip
     * skipped} once {@link SweepRun#stopping()}; a task lost here would make {@link #execute} wait forever.
     * If this method throws, it must have released whatever it started.
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
        SweepRun run = new SweepRun(list, options, pipeline);
        Workers workers;
        try {
            workers = start(run, Math.min(options.workers(), list.size()));
        } catch (RuntimeException | Error e) {
            run.stop(); // whatever did start skips its tasks and ends
            throw e;
        }
        boolean interrupted = false;
        boolean cancelled = false;
        boolean drained = false;
        try {
            while (true) {
                pipeline.drainTo(listener);
                if (pipeline.isComplete()) {
                    break;
                }
                if (Thread.interrupted()) { // cleared, so that await() can park again until the end
                    interrupted = true;
                }
                boolean halt = pipeline.failed() > 0 && options.halt() != HaltPolicy.NEVER;
                if (interrupted || halt) {
                    run.stop();
                    if (!cancelled && (interrupted || options.halt() == HaltPolicy.NOW)) {
                        cancelled = true;
                        workers.cancel();
                    }
                }
                pipeline.await();
            }
            drained = true;
        } finally {
            if (!drained) { // the listener threw: stop everything before the exception leaves
                run.stop();
                workers.cancel();
            }
            interrupted |= awaitTermination(run, workers);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return new SweepOutcome(pipeline.completed(), pipeline.failed(), pipeline.notStarted(), interrupted);
    }

    /** Waits for the workers to end, even if interrupted meanwhile; returns whether it was. */
    private static boolean awaitTermination(SweepRun run, Workers workers) {
        boolean interrupted = false;
        while (true) {
            try {
                workers.awaitTermination();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
                run.stop();
                workers.cancel();
            }
        }
    }
}
