package mcsweep.concurrency;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.List;

import mcsweep.executors.ResultPipeline;
import mcsweep.executors.SweepListener;
import mcsweep.executors.Task;
import mcsweep.executors.TaskResult;
import mcsweep.kernel.Summary;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The offer/await hand-off of {@link ResultPipeline}: producers offer while the consumer drains, and parks
 * when it finds nothing. The consumer must see every outcome exactly once, whether it parked or not. The
 * second result says whether the consumer parked at all (so a run shows that both paths were taken). A lost
 * wake-up cannot hang the consumer (its park is bounded by {@link ResultPipeline#MAX_PARK_NANOS}); the unit
 * test {@code ResultPipelineTest} checks that bound.
 */
public final class ResultPipelineHandOffTest {

    private ResultPipelineHandOffTest() {
    }

    static final Summary SUMMARY = new Summary(List.of("v"), new double[] {1});

    static TaskResult result(int i) {
        return new TaskResult(new Task(i, "k", new double[0], 0, 0, 0, "L64X128MixRandom", null), SUMMARY, 0, "t");
    }

    /** Drains until complete; returns 1 if it parked on the way, else 0. */
    static int consume(ResultPipeline pipeline) {
        int parked = 0;
        while (!pipeline.isComplete()) {
            if (pipeline.drainTo(SweepListener.NONE) == 0 && !pipeline.isComplete()) {
                pipeline.await();
                parked = 1;
            }
        }
        return parked;
    }

    /** One producer, one consumer. */
    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the outcome arrived before the consumer looked")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "the consumer parked, and the outcome reached it")
    @Outcome(expect = FORBIDDEN, desc = "an outcome lost or counted twice")
    @State
    public static class OneProducer {
        final ResultPipeline pipeline = new ResultPipeline(1);

        @Actor
        public void producer() {
            pipeline.result(result(0));
        }

        @Actor
        public void consumer(II_Result r) {
            r.r2 = consume(pipeline);
            r.r1 = pipeline.completed();
        }
    }

    /**
     * Two producers, one consumer: the multi-producer side of the queue and the wake-up together. Three
     * actors need three CPUs: jcstress skips this test on a 2-CPU machine (it says so in its output).
     */
    @JCStressTest
    @Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "both outcomes arrived before the consumer looked")
    @Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "the consumer parked, and both outcomes reached it")
    @Outcome(expect = FORBIDDEN, desc = "an outcome lost or counted twice")
    @State
    public static class TwoProducers {
        final ResultPipeline pipeline = new ResultPipeline(2);

        @Actor
        public void first() {
            pipeline.result(result(0));
        }

        @Actor
        public void second() {
            pipeline.notStarted(1);
        }

        @Actor
        public void consumer(II_Result r) {
            r.r2 = consume(pipeline);
            r.r1 = pipeline.completed() + pipeline.notStarted();
        }
    }
}
