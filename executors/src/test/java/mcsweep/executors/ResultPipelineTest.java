package mcsweep.executors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import mcsweep.kernel.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ResultPipelineTest {

    private static Task task(int i) {
        return new Task(i, "metropolis", new double[] {0, 1, 1}, 0, 0, 0, "L64X128MixRandom", null);
    }

    @Test
    @Timeout(60) // guards against a lost wake-up, which would park the consumer forever
    void deliversEveryOutcomeOfManyProducersToTheConsumerExactlyOnce() throws InterruptedException {
        int producers = 4;
        int perProducer = 50_000;
        int n = producers * perProducer;
        ResultPipeline pipeline = new ResultPipeline(n);
        Summary summary = new Summary(List.of("v"), new double[] {1});
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int first = p * perProducer;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = first; i < first + perProducer; i++) {
                    if (i % 1000 == 999) {
                        pipeline.notStarted(1); // a skipped task is accounted for, not reported
                    } else if (i % 7 == 0) {
                        pipeline.failure(new TaskFailure(task(i), "boom", null, 1));
                    } else {
                        pipeline.result(new TaskResult(task(i), summary, 0, "t"));
                    }
                    if (i % 5000 == 0) {
                        Thread.yield(); // let the consumer run dry and park now and then
                    }
                }
            }));
        }
        BitSet seen = new BitSet(n);
        List<String> problems = new ArrayList<>();
        Thread consumer = Thread.currentThread();
        SweepListener listener = new SweepListener() {
            @Override
            public void onResult(TaskResult r) {
                see(r.task().index());
            }

            @Override
            public void onFailure(TaskFailure f) {
                see(f.task().index());
            }

            private void see(int i) {
                if (seen.get(i) || Thread.currentThread() != consumer) {
                    problems.add("task " + i);
                }
                seen.set(i);
            }
        };
        while (!pipeline.isComplete()) {
            if (pipeline.drainTo(listener) == 0) {
                pipeline.await();
            }
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(problems).isEmpty();
        int skipped = n / 1000;
        assertThat(pipeline.notStarted()).isEqualTo(skipped);
        assertThat(pipeline.completed() + pipeline.failed()).isEqualTo(n - skipped).isEqualTo(seen.cardinality());
        assertThat(pipeline.drainTo(listener)).isZero();
    }

    @Test
    void refusesToParkAThreadThatIsNotItsConsumer() throws InterruptedException {
        ResultPipeline pipeline = new ResultPipeline(1);
        pipeline.drainTo(SweepListener.NONE); // this thread is the consumer now
        Throwable[] thrown = new Throwable[1];
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                pipeline.await();
            } catch (IllegalStateException e) {
                thrown[0] = e;
            }
        });
        other.join();
        assertThat(thrown[0]).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Timeout(10)
    void aLostWakeUpDelaysTheConsumerButNeverHangsIt() {
        ResultPipeline pipeline = new ResultPipeline(1);
        pipeline.drainTo(SweepListener.NONE);
        // No producer will ever unpark us: await() must come back by itself, again and again.
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            pipeline.await();
        }
        assertThat(pipeline.isComplete()).isFalse();
    }

    @Test
    void countsCancelledTasksApartFromFailures() {
        ResultPipeline pipeline = new ResultPipeline(3);
        pipeline.failure(new TaskFailure(task(0), "boom", null, 1));
        pipeline.failure(TaskFailure.cancelled(task(1), null, 1));
        pipeline.notStarted(1);
        List<TaskFailure> seen = new ArrayList<>();
        pipeline.drainTo(new SweepListener() {
            @Override
            public void onResult(TaskResult r) {
            }

            @Override
            public void onFailure(TaskFailure f) {
                seen.add(f);
            }
        });
        assertThat(pipeline.isComplete()).isTrue();
        assertThat(pipeline.failed()).isEqualTo(1);
        assertThat(pipeline.cancelled()).isEqualTo(1);
        assertThat(seen).extracting(TaskFailure::cancelled).containsExactly(false, true);
    }
}
