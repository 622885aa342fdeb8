package mcsweep.executors.threads;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import mcsweep.executors.ParallelExecutor;
import mcsweep.executors.SweepRun;
import mcsweep.executors.WorkerThreads;

/**
 * A fixed pool of N platform threads. Each thread claims the next {@code chunk} tasks (default 1) from a
 * shared cursor, in task order, until none is left: one atomic add per claim instead of a queued
 * submission per task, and long tasks still balance across the threads.
 */
public final class ThreadsExecutor extends ParallelExecutor {

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public String description() {
        return "a fixed pool of N platform threads taking tasks in order (--chunk K: K at a time, default 1)";
    }

    @Override
    protected Workers start(SweepRun run, int workers) {
        int n = run.size();
        int chunk = run.options().chunkOr(1);
        WorkerThreads threads = new WorkerThreads(name());
        ExecutorService pool = Executors.newFixedThreadPool(workers, threads);
        AtomicLong cursor = new AtomicLong(); // long: n + workers * chunk may not fit in an int
        Runnable worker = () -> {
            long from;
            while ((from = cursor.getAndAdd(chunk)) < n) {
                run.runRange((int) from, (int) Math.min(n, from + chunk));
            }
        };
        try {
            for (int i = 0; i < workers; i++) {
                pool.execute(worker);
            }
        } catch (RuntimeException | Error e) {
            pool.shutdownNow();
            throw e;
        }
        return Workers.of(pool, threads);
    }
}
