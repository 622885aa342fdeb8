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
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepExecutors;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;

/**
 * Seconds for one of the lesson's two sweeps end to end under each executor, with one worker per core,
 * writing every task's CSV trace into a fresh folder as the lesson's program does:
 * {@code lesson} = 7 tasks x 100,000 steps, {@code scan} = 324 tasks x 10,000 steps. The lesson's own
 * Python timings for the same sweeps are in results/README.md.
 *
 * <p>{@code executor=}{@value #PYTHON_PATHOS} runs the lesson's own Python program ({@code run_mc}, numpy,
 * one CSV per task; bench.jar's {@code lesson_pathos.py}) over the same sweep with a Pathos
 * {@code ProcessPool} of one node per core: the reference line, measured in the same run. {@link BenchMain}
 * adds it only when a python3 with numpy and pathos is on the PATH (see {@link Python#withPathos()}); the
 * report says why it is missing otherwise.
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
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class LessonSweepBenchmark {

    @Param({"lesson", "scan"})
    String sweep;

    @Param("sequential")
    String executor;

    /** The executor value that runs the lesson's Python program on a Pathos pool instead. */
    static final String PYTHON_PATHOS = "python-pathos";

    private SweepExecutor sweepExecutor;
    private ExecutionOptions options;
    private Path dir;
    private List<Task> tasks;
    private ProcessBuilder python;
    private Path script;

    @Setup(Level.Trial)
    public void setupTrial() throws IOException {
        options = ExecutionOptions.defaults(); // workers = available processors
        if (!executor.equals(PYTHON_PATHOS)) {
            sweepExecutor = SweepExecutors.byName(executor);
            return;
        }
        Path exe = Python.withPathos().orElseThrow(
                () -> new IllegalStateException("no python3 with numpy and pathos on the PATH"));
        script = Files.createTempFile("mcsweep-lesson", ".py");
        try (var in = LessonSweepBenchmark.class.getResourceAsStream("lesson_pathos.py")) {
            Files.write(script, in.readAllBytes());
        }
        python = new ProcessBuilder(exe.toString(), script.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() throws IOException {
        if (script != null) {
            Files.deleteIfExists(script);
        }
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
    public double run() throws IOException, InterruptedException {
        if (python != null) {
            List<String> cmd = new java.util.ArrayList<>(python.command().subList(0, 2));
            cmd.addAll(List.of(sweep, dir.toString(), Integer.toString(options.workers())));
            int rc = python.command(cmd).start().waitFor();
            try (Stream<Path> files = Files.list(dir)) {
                long n = files.count();
                if (rc != 0 || n != tasks.size()) {
                    throw new IllegalStateException(PYTHON_PATHOS + ": exit " + rc + ", " + n + " of " + tasks.size()
                            + " files written");
                }
                return n;
            }
        }
        Workloads.Collector collector = new Workloads.Collector();
        SweepOutcome outcome = sweepExecutor.execute(tasks, options, collector);
        return collector.check(executor, outcome, tasks.size());
    }
}
