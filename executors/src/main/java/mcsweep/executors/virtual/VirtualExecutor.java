package mcsweep.executors.virtual;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import mcsweep.executors.ParallelExecutor;
import mcsweep.executors.SweepRun;
import mcsweep.executors.WorkerThreads;

/**
 * One virtual thread per task ({@code --chunk K}: per K tasks), with a {@link Semaphore} letting at most N
 * of them run a kernel at a time. A launcher thread takes a permit before starting each task's thread, so
 * at most N task threads exist at once whatever the sweep's size.
 *
 * <p>Virtual threads add no CPU: they run on the JDK's carrier pool, one carrier per processor, and a
 * kernel never blocks, so N above the number of processors buys nothing. They make starting a task cheap,
 * which is what this executor measures against the pools.
 */
public final class VirtualExecutor extends ParallelExecutor {

    @Override
    public String name() {
        return "virtual";
    }

    @Override
    public String description() {
        return "a virtual thread per task, at most N running; virtual threads add no CPU (carriers = processors)";
    }

    @Override
    protected Workers start(SweepRun run, int workers) {
        int n = run.size();
        int chunk = run.options().chunkOr(1);
        // The executor's termination comes a moment before its last threads have died: keep the threads
        // started, oldest first, to join them at the end; the launcher drops the dead ones as it goes, so
        // this holds about N threads, not one per task.
        Queue<Thread> started = new ConcurrentLinkedQueue<>();
        ThreadFactory virtual = Thread.ofVirtual().name(WorkerThreads.PREFIX + name() + "-", 1).factory();
        ExecutorService threads = Executors.newThreadPerTaskExecutor(r -> {
            Thread t = virtual.newThread(r);
            started.add(t);
            return t;
        });
        Semaphore running = new Semaphore(workers);
        Runnable launcher = () -> {
            for (int from = 0; from < n; from += chunk) {
                int to = (int) Math.min(n, (long) from + chunk);
                try {
                    if (run.stopping()) {
                        run.skip(n - from);
                        return;
                    }
                    running.acquire();
                    while (!started.isEmpty() && !started.peek().isAlive()) {
                        started.poll(); // only this thread removes
                    }
                } catch (InterruptedException e) {
                    run.skip(n - from); // cancelled while waiting for a permit
                    return;
                }
                int lo = from;
                try {
                    threads.execute(() -> {
                        try {
                            run.runRange(lo, to);
                        } finally {
                            running.release();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    running.release(); // shut down (cancelled) between the check and the start
                    run.skip(n - from);
                    return;
                }
            }
        };
        // Not one of 'threads': it lives as long as the sweep's submissions, and must not block pruning.
        Thread launching = Thread.ofVirtual().name(WorkerThreads.PREFIX + name() + "-launcher").start(launcher);
        return new Workers() {
            @Override
            public void cancel() {
                // Interrupts every running task; starts are rejected from now on.
                threads.shutdownNow();
                launching.interrupt();
            }

            @Override
            public void awaitTermination() throws InterruptedException {
                launching.join();
                threads.shutdown();
                while (!threads.awaitTermination(1, TimeUnit.SECONDS)) {
                    // a task is finishing its block
                }
                for (Thread t : started) {
                    t.join();
                }
            }
        };
    }
}
