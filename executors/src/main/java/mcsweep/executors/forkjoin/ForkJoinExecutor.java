package mcsweep.executors.forkjoin;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.LongAdder;

import mcsweep.executors.ParallelExecutor;
import mcsweep.executors.SweepRun;
import mcsweep.executors.WorkerThreads;

/**
 * A {@link ForkJoinPool} of parallelism N with work stealing. The whole sweep is one range of task
 * indices, split by <em>lazy binary splitting</em>: a worker forks off the upper half of its range only
 * while its own deque holds no surplus work for idle thieves, then runs tasks from the bottom. Tiny tasks
 * therefore cost a handful of forks per worker (10^5 tasks are not 10^5 submissions), while long or
 * uneven tasks get split down to single tasks as soon as a worker runs dry. {@code --chunk K} sets the
 * smallest piece (default 1).
 */
public final class ForkJoinExecutor extends ParallelExecutor {

    /** Queued pieces a worker keeps for thieves before it stops splitting (a small constant, as in JDK streams). */
    private static final int SURPLUS = 2;

    /** Forks made by the last {@code execute}, for tests and curiosity. */
    private final LongAdder forks = new LongAdder();

    @Override
    public String name() {
        return "forkjoin";
    }

    @Override
    public String description() {
        return "a ForkJoinPool of N workers; work stealing over lazily split ranges of tasks (--chunk K: smallest piece)";
    }

    /** How many ranges the last sweep forked: a measure of scheduling overhead, not of correctness. */
    public long lastForkCount() {
        return forks.sum();
    }

    @Override
    protected Workers start(SweepRun run, int workers) {
        int grain = run.options().chunkOr(1);
        forks.reset();
        WorkerThreads threads = new WorkerThreads(name());
        ForkJoinPool pool = new ForkJoinPool(workers, threads, null, false);
        try {
            pool.execute(new Range(run, 0, run.size(), grain, forks));
        } catch (RuntimeException | Error e) {
            pool.shutdownNow();
            throw e;
        }
        // Cancel interrupts the running tasks rather than shutdownNow(), which would drop queued ranges
        // unreported; the queued ranges then run, see the run stopping, and skip their tasks.
        return Workers.of(pool, threads);
    }

    /** Tasks {@code lo..hi-1}. Reports every one of them, never joins: completion is the pipeline's count. */
    @SuppressWarnings("serial") // ForkJoinTask is Serializable by inheritance; these never leave the JVM
    private static final class Range extends RecursiveAction {
        private final SweepRun run;
        private final int lo;
        private final int hi;
        private final int grain;
        private final LongAdder forks;

        Range(SweepRun run, int lo, int hi, int grain, LongAdder forks) {
            this.run = run;
            this.lo = lo;
            this.hi = hi;
            this.grain = grain;
            this.forks = forks;
        }

        @Override
        protected void compute() {
            int lo = this.lo;
            int hi = this.hi;
            while (lo < hi) {
                if (run.stopping()) {
                    run.skip(hi - lo);
                    return;
                }
                // Split only while thieves would find nothing of ours: the check is cheap (two reads of our
                // own deque), and a stolen half is split again by its thief the same way.
                while (hi - lo > grain && getSurplusQueuedTaskCount() < SURPLUS) {
                    int mid = (lo + hi) >>> 1;
                    new Range(run, mid, hi, grain, forks).fork();
                    forks.increment();
                    hi = mid;
                }
                int end = Math.min(hi, lo + grain);
                run.runRange(lo, end);
                lo = end;
            }
        }
    }
}
