package mcsweep.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepExecutors;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;

/**
 * Wall time per task when an executor runs a batch of {@value #TASKS} tasks of {@code steps} Metropolis
 * steps (no trace) with {@code workers} workers. At {@code steps=0} this is the executor's own cost per
 * task (for {@code process}, a JVM start; for {@code pool}, the worker start-ups spread over the batch
 * plus a round trip); the longer tasks show how that cost compares with real work, and whether the
 * kernel in a fresh worker JVM runs as fast as a warmed-up one.
 *
 * <p>{@code executor} and {@code workers} are filled in at run time by {@link BenchMain} with every
 * executor plugin on the class path ({@link SweepExecutors#names()}) and 1 and the number of cores; the
 * values below are only the fallback for running this class without {@link BenchMain}.
 *
 * <p>Not fooled by dead-code elimination: every task's summary crosses a thread or process boundary to
 * the listener, which folds one value of each into the returned sum; a batch that did not finish whole
 * fails the benchmark instead of timing the failure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class ExecutorTaskBenchmark {

    /** Tasks per batch: enough for 2 workers to overlap, few enough that 16 JVM starts fit an iteration. */
    static final int TASKS = 16;

    @Param("sequential")
    String executor;

    @Param("1")
    int workers;

    @Param({"0", "100", "10000", "1000000"})
    long steps;

    private SweepExecutor sweepExecutor;
    private List<Task> tasks;
    private ExecutionOptions options;

    @Setup
    public void setup() {
        sweepExecutor = SweepExecutors.byName(executor);
        tasks = Workloads.tasks(TASKS, steps);
        options = ExecutionOptions.defaults().withWorkers(workers);
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public double run() {
        Workloads.Collector collector = new Workloads.Collector();
        SweepOutcome outcome = sweepExecutor.execute(tasks, options, collector);
        return collector.check(executor, outcome, TASKS);
    }
}
