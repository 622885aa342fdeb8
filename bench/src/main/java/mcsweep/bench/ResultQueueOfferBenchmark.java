package mcsweep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;

/**
 * The queue behind {@code mcsweep.executors.ResultPipeline}: workers offer one outcome per finished task,
 * the sweep's calling thread drains them in batches. Measures that hand-off with 2 producer threads and 1
 * consumer (the shape of a sweep on this 2-core machine), for the JCTools MPSC queues against the JDK's
 * {@link LinkedBlockingQueue} (a lock per offer and per drain).
 *
 * <p>Read the {@code offer} line (ops/us of both producers together = outcomes handed over per microsecond;
 * {@code drain} counts non-empty batches, and the group's total mixes the two). The
 * queues are unbounded, as the pipeline's is, so producers could run away from the consumer and measure
 * the garbage collector instead; every 256 offers a producer yields while the backlog exceeds
 * {@link #BACKLOG}, which keeps both sides honest and costs every queue the same.
 *
 * <p>No dead code to eliminate: an offer is a store into shared memory that another thread reads, and the
 * consumer hands every element it drains to a {@link Blackhole} and returns the count.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ResultQueueOfferBenchmark {

    /** Outcomes allowed to wait in the queue before producers back off. */
    static final int BACKLOG = 1 << 14;
    /** Elements the consumer takes per drain, as the pipeline does. */
    static final int BATCH = 256;

    /** The pipeline's queue (no sun.misc.Unsafe), its Unsafe twin, and the JDK's locking queue. */
    @Param({"MpscUnboundedAtomicArrayQueue", "MpscUnboundedArrayQueue", "LinkedBlockingQueue"})
    public String queue;

    private Channel channel;

    /** One element offered over and over: the allocation of real outcomes is not what is measured. */
    private static final Object OUTCOME = new Object();

    /** What a producer and the consumer need from a queue. */
    interface Channel {
        boolean offer(Object o);

        int size();

        int drain(Blackhole bh, int limit);
    }

    static final class Jct implements Channel {
        private final MessagePassingQueue<Object> q;

        Jct(MessagePassingQueue<Object> q) {
            this.q = q;
        }

        @Override
        public boolean offer(Object o) {
            return q.relaxedOffer(o);
        }

        @Override
        public int size() {
            return q.size();
        }

        @Override
        public int drain(Blackhole bh, int limit) {
            return q.drain(bh::consume, limit);
        }
    }

    static final class Jdk implements Channel {
        private final LinkedBlockingQueue<Object> q = new LinkedBlockingQueue<>();
        private final List<Object> batch = new ArrayList<>(BATCH); // only the consumer touches it

        @Override
        public boolean offer(Object o) {
            return q.offer(o);
        }

        @Override
        public int size() {
            return q.size();
        }

        @Override
        public int drain(Blackhole bh, int limit) {
            int n = q.drainTo(batch, limit);
            for (int i = 0; i < n; i++) {
                bh.consume(batch.get(i));
            }
            batch.clear();
            return n;
        }
    }

    @Setup(Level.Iteration)
    public void setUp() {
        channel = switch (queue) {
            case "MpscUnboundedAtomicArrayQueue" -> new Jct(new MpscUnboundedAtomicArrayQueue<>(1024));
            case "MpscUnboundedArrayQueue" -> new Jct(new MpscUnboundedArrayQueue<>(1024));
            case "LinkedBlockingQueue" -> new Jdk();
            default -> throw new IllegalArgumentException(queue);
        };
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        channel = null; // a fresh, empty queue per iteration: no backlog carried over
    }

    /** Per producer thread: counts its offers to pace the back-off check. */
    @State(Scope.Thread)
    public static class Producer {
        int offers;
    }

    @Benchmark
    @Group("handOff")
    @GroupThreads(2)
    public boolean offer(Producer p, Control control) {
        Channel c = channel;
        if ((++p.offers & (BATCH - 1)) == 0) {
            // 'stopMeasurement': the consumer may already have left the iteration; do not wait for it
            while (c.size() > BACKLOG && !control.stopMeasurement) {
                Thread.yield(); // 3 threads on 2 cores: give the consumer the CPU
            }
        }
        return c.offer(OUTCOME);
    }

    @Benchmark
    @Group("handOff")
    @GroupThreads(1)
    public int drain(Blackhole bh, Control control) {
        // One op = one non-empty batch, as the pipeline's consumer wakes up for; empty polls are not counted
        int n;
        while ((n = channel.drain(bh, BATCH)) == 0 && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
        return n;
    }
}
