package mcsweep.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepExecutors;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;

/**
 * Wall time of one whole sweep: one {@link SweepExecutor#execute} call running {@code batch} tasks of
 * {@code steps} steps of {@code kernel} (the lesson's Metropolis kernel unless {@code --kernel}; no trace)
 * with {@code workers} workers. One operation is one sweep,
 * not one task, because a sweep's time is {@code T(M) = F + M m(s)}: a fixed cost {@code F} paid once per
 * execute call (starting and stopping a thread pool, or {@code pool}'s worker JVMs) plus a marginal cost
 * {@code m(s)} per task. Dividing one batch's time by its size, as a per-task score would, smears
 * {@code F} over however many tasks the batch happens to hold. {@link OverheadAnalysis} instead fits the
 * line through two batch sizes of zero-step tasks: its slope is the per-task overhead {@code c}, its
 * intercept {@code F}; longer tasks at one batch size then give {@code m(s) = (T - F) / batch}.
 *
 * <p>{@code executor} and {@code workers} are filled in at run time by {@link BenchMain} with every
 * executor plugin on the class path ({@link SweepExecutors#names()}) and 1 and the number of cores, and
 * {@link Profile} picks {@code batch} and {@code steps}; the values below are only the fallback for
 * running this class without {@link BenchMain}.
 *
 * <p>Not fooled by dead-code elimination: every task's summary crosses a thread or process boundary to
 * the listener, which folds one value of each into the returned sum; a batch that did not finish whole
 * fails the benchmark instead of timing the failure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Alone (java -jar bench.jar ExecutorSweepBenchmark): short sweeps need a few warm-up rounds for the JIT.
@Warmup(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class ExecutorSweepBenchmark {

    /** Tasks in the batch {@link BenchMain} times once to tell slow executors from fast ones. */
    static final int PROBE_TASKS = 16;

    @Param("sequential")
    String executor;

    @Param("1")
    int workers;

    @Param({"16", "256"})
    int batch;

    @Param({"0", "10000"})
    long steps;

    /** The kernel every task runs, and its parameter values ({@link KernelSpec#encoded()}). */
    @Param("metropolis")
    String kernel;

    @Param(LESSON_PARAMS)
    String kernelParams;

    /** {@link KernelSpec#LESSON}'s values, as an annotation needs them: a constant. */
    static final String LESSON_PARAMS = "x0=0.5;h=1.0;beta=1.0";

    private SweepExecutor sweepExecutor;
    private List<Task> tasks;
    private ExecutionOptions options;

    @Setup
    public void setup() {
        sweepExecutor = SweepExecutors.byName(executor);
        tasks = Workloads.tasks(KernelSpec.decode(kernel, kernelParams), batch, steps);
        options = ExecutionOptions.defaults().withWorkers(workers);
    }

    @Benchmark
    public double run() {
        Workloads.Collector collector = new Workloads.Collector();
        SweepOutcome outcome = sweepExecutor.execute(tasks, options, collector);
        return collector.check(executor, outcome, batch);
    }
}
