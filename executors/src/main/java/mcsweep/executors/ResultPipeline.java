package mcsweep.executors;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;

/**
 * Carries task outcomes from any number of producer threads to the one consumer thread that called
 * {@link SweepExecutor#execute}, which hands them to the {@link SweepListener} (the SPI requires the
 * listener to be called on that thread, one call at a time). Lock-free: producers offer into a JCTools
 * multi-producer single-consumer queue; the consumer drains it in batches and parks when it is empty.
 *
 * <p>Every task of the sweep must be accounted for exactly once, by {@link #result}, {@link #failure} or
 * {@link #notStarted}; {@link #isComplete()} says when all of them have been drained. That makes the
 * pipeline the single source of truth for the {@link SweepOutcome} counts, whichever executor feeds it:
 * {@link ParallelExecutor} is the only consumer, and its producers are the threads of every executor (pool
 * threads, a ForkJoinPool's workers, virtual threads, the calling thread itself for {@code sequential}, and
 * the driver threads of {@code process} and {@code pool}, one per worker process).
 *
 * <p>Producer methods may be called from any thread; consumer methods ({@link #drainTo}, {@link #await},
 * the counts) only from the consumer: the first thread that calls one of them.
 *
 * <p>{@link #await()} never parks for longer than {@link #MAX_PARK_NANOS}: a lost wake-up (a bug here, or in
 * a JDK) costs at most that much latency, never a hung sweep; the wake-up itself is normally immediate.
 */
public final class ResultPipeline {

    /** Outcomes handed to the listener per {@link #drainTo} call, so the consumer regularly looks up. */
    public static final int BATCH = 1024;

    /** The longest a consumer parks before it looks at the queue again, whether woken or not. */
    public static final long MAX_PARK_NANOS = 1_000_000;

    private static final int SPINS = 64;
    private static final VarHandle PARKED;

    static {
        try {
            PARKED = MethodHandles.lookup().findVarHandle(ResultPipeline.class, "parked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Tasks the pipeline skipped: a count, so that halting a sweep of 10^6 tasks is one message. */
    private record Skipped(int count) {
    }

    // The atomic (AtomicReferenceArray) flavour: no sun.misc.Unsafe, which JDK 24+ warns about on stderr;
    // it measured as fast as the Unsafe one (ResultQueueOfferBenchmark). Chunks of 1024 grow on demand,
    // so a sweep of any size costs memory only for its backlog.
    private final MessagePassingQueue<Object> queue = new MpscUnboundedAtomicArrayQueue<>(1024);
    private Thread consumer; // the first thread to call a consumer method; read by producers through PARKED
    private final int tasks;
    @SuppressWarnings("unused") // accessed through PARKED
    private volatile boolean parked;

    // Consumer-side counts: written and read by the consumer thread only.
    private int completed;
    private int failed;
    private int cancelled;
    private int notStarted;

    /**
     * A pipeline for a sweep of {@code tasks} tasks.
     *
     * @param tasks how many outcomes (or skipped tasks) make the sweep complete
     */
    public ResultPipeline(int tasks) {
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks must be >= 0: " + tasks);
        }
        this.tasks = tasks;
    }

    /** A task finished. Any thread. */
    public void result(TaskResult result) {
        offer(result);
    }

    /** A task failed or was cancelled. Any thread. */
    public void failure(TaskFailure failure) {
        offer(failure);
    }

    /** {@code count} tasks will never start (halt or cancellation). Any thread. */
    public void notStarted(int count) {
        if (count > 0) {
            offer(new Skipped(count));
        }
    }

    private void offer(Object outcome) {
        queue.offer(outcome); // unbounded: never fails
        // Dekker with await(): the offer's index update is a full fence before this volatile read, and
        // await() writes 'parked' before re-checking the queue, so one of the two sees the other. The
        // unpark syscall is paid only when the consumer is really asleep, not per outcome. 'consumer' was
        // written before the volatile write of 'parked' that we read, so it is visible here.
        if ((boolean) PARKED.getVolatile(this)) {
            LockSupport.unpark(consumer);
        }
    }

    /**
     * Hands up to {@link #BATCH} waiting outcomes to {@code listener}, in the order they were offered by
     * each producer. Consumer thread only.
     *
     * @return how many outcomes (skipped counts included as one each) were taken from the queue
     */
    public int drainTo(SweepListener listener) {
        checkConsumer();
        return queue.drain(o -> {
            if (o instanceof TaskResult r) {
                completed++;
                listener.onResult(r);
            } else if (o instanceof TaskFailure f) {
                if (f.cancelled()) {
                    cancelled++;
                } else {
                    failed++;
                }
                listener.onFailure(f);
            } else {
                notStarted += ((Skipped) o).count();
            }
        }, BATCH);
    }

    /**
     * Parks the consumer until an outcome may be waiting, the thread is interrupted, a spurious wake-up, or
     * at most {@link #MAX_PARK_NANOS}; callers re-check their conditions in a loop. Returns at once if the
     * queue is not empty. Consumer thread only.
     */
    public void await() {
        checkConsumer();
        // A short spin first: outcomes of short tasks come microseconds apart, and a park/unpark pair costs
        // two system calls; a long wait still ends in park, leaving the CPU to the workers.
        for (int i = 0; i < SPINS; i++) {
            if (!queue.isEmpty()) {
                return;
            }
            Thread.onSpinWait();
        }
        PARKED.setVolatile(this, true);
        if (queue.isEmpty()) {
            // Bounded, as Agrona's BackoffIdleStrategy parks: a lost unpark delays, never hangs.
            LockSupport.parkNanos(this, MAX_PARK_NANOS);
        }
        PARKED.setOpaque(this, false);
    }

    private void checkConsumer() {
        Thread self = Thread.currentThread();
        if (consumer == null) {
            consumer = self; // published to producers by the volatile write of 'parked' in await()
        } else if (consumer != self) {
            throw new IllegalStateException("only " + consumer + " consumes this pipeline");
        }
    }

    /** Whether every task has been accounted for and drained. Consumer thread only. */
    public boolean isComplete() {
        return completed + failed + cancelled + notStarted >= tasks;
    }

    /** Tasks reported to {@link SweepListener#onResult} so far. */
    public int completed() {
        return completed;
    }

    /** Tasks that failed by themselves, reported to {@link SweepListener#onFailure} so far. */
    public int failed() {
        return failed;
    }

    /** Tasks cancelled while running, reported to {@link SweepListener#onFailure} so far. */
    public int cancelled() {
        return cancelled;
    }

    /** Tasks that will not start, drained so far. */
    public int notStarted() {
        return notStarted;
    }

    /** How many tasks the sweep has. */
    public int tasks() {
        return tasks;
    }
}
