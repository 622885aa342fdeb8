package mcsweep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepExecutors;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;

/**
 * Seconds for one of the lesson's two sweeps end to end under each executor, with one worker per core,
 * writing every task's CSV trace into a fresh folder as the lesson's program does:
 * {@code lesson} = 7 tasks x 100,000 steps, {@code scan} = 324 tasks x 10,000 steps. Compare with the
 * lesson's own timings in shared/README.md (GNU Parallel -j2: 4.6 s / 80.7 s; multiprocessing.Pool(2):
 * 3.4 s / 15.0 s).
 *
 * <p>{@link Mode#SingleShotTime}: one sweep per iteration, as a user runs it; the folder is emptied
 * between iterations so that every sweep creates its files anew.
 *
 * <p>Not fooled by dead-code elimination: the traces are files on disk, and every task's summary is
 * folded into the returned sum; an incomplete sweep fails the benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class LessonSweepBenchmark {

    @Param({"lesson", "scan"})
    String sweep;

    @Param("sequential")
    String executor;

    private SweepExecutor sweepExecutor;
    private ExecutionOptions options;
    private Path dir;
    private List<Task> tasks;

    @Setup(Level.Trial)
    public void setupTrial() {
        sweepExecutor = SweepExecutors.byName(executor);
        options = ExecutionOptions.defaults(); // workers = available processors
    }

    @Setup(Level.Iteration)
    public void setupIteration() throws IOException {
        dir = Files.createTempDirectory("mcsweep-sweep");
        tasks = switch (sweep) {
            case "lesson" -> Workloads.lessonSweep(dir);
            case "scan" -> Workloads.lessonScan(dir);
            default -> throw new IllegalArgumentException("sweep must be lesson or scan: " + sweep);
        };
    }

    @TearDown(Level.Iteration)
    public void tearDownIteration() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public double run() {
        Workloads.Collector collector = new Workloads.Collector();
        SweepOutcome outcome = sweepExecutor.execute(tasks, options, collector);
        return collector.check(executor, outcome, tasks.size());
    }
}
