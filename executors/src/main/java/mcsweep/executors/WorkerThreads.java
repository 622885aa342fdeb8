package mcsweep.executors;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the platform threads of one sweep's pool, named {@code mcsweep-<executor>-1, -2, ...} (so that a
 * leak is easy to spot in a thread dump, and tests can check that none survives), and remembers them so
 * that {@link #interruptAll()} reaches exactly the sweep's own threads. Daemon threads: should one ever
 * outlive its sweep, it cannot keep the JVM alive.
 */
public final class WorkerThreads implements ThreadFactory, ForkJoinPool.ForkJoinWorkerThreadFactory {

    /** Prefix of every worker thread name of ours. */
    public static final String PREFIX = "mcsweep-";

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();

    /** @param executor the executor's name, which goes into the thread names */
    public WorkerThreads(String executor) {
        this.prefix = PREFIX + executor + "-";
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + count.incrementAndGet());
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName(prefix + count.incrementAndGet());
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    /**
     * Waits until every thread made so far has ended. A pool reports termination a moment before its last
     * threads have really died; after this, none of them is alive.
     */
    public void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    /** Interrupts every thread made so far that is still alive. */
    public void interruptAll() {
        threads.removeIf(t -> !t.isAlive());
        threads.forEach(Thread::interrupt);
    }
}
