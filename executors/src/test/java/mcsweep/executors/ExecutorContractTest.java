package mcsweep.executors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import mcsweep.executors.sequential.SequentialExecutor;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.Seeds;
import mcsweep.kernel.Summary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link SweepExecutor} plugin must keep, run over every plugin that
 * {@link SweepExecutors#all()} finds on the class path: a new executor gets the whole suite for free.
 *
 * <p>Each sweep runs on a fresh thread (the "calling thread" of the SPI), so that the tests can check that
 * the listener is called on it and that its interrupt status is right when {@code execute} returns.
 * The timeouts only guard against a hang (a lost task would make {@code execute} wait forever).
 */
@Timeout(120)
class ExecutorContractTest {

    private static final long SEED = 42;
    private static final List<String> METROPOLIS_PARAMS =
            Kernels.byName(MetropolisKernel.NAME).parameters().stream().map(Parameter::name).toList();

    /** Reference: every trace's bytes and every summary, by sequential, computed once. */
    private static Map<String, byte[]> referenceFiles;
    private static Map<Integer, Summary> referenceSummaries;
    private static final int SAME_TASKS = 18;
    private static final long SAME_ITERATIONS = 3_000;

    static Stream<Arguments> executors() {
        return SweepExecutors.all().stream().map(e -> Arguments.of(Named.of(e.name(), e)));
    }

    static Stream<Arguments> executorsAndWorkers() {
        return SweepExecutors.all().stream().flatMap(e -> Stream.of(1, 2, 7).flatMap(w -> Stream.of(0, 4)
                .map(c -> Arguments.of(Named.of(e.name(), e), w, c))));
    }

    static Stream<Arguments> executorsAndHalts() {
        return SweepExecutors.all().stream().flatMap(e -> Stream.of(HaltPolicy.values())
                .map(h -> Arguments.of(Named.of(e.name(), e), h)));
    }

    @BeforeAll
    static void reference(@TempDir Path dir) throws Exception {
        Sweep s = Sweep.run(new SequentialExecutor(), metropolis(dir, SAME_TASKS, SAME_ITERATIONS),
                ExecutionOptions.defaults().withWorkers(1), null);
        assertThat(s.outcome).isEqualTo(new SweepOutcome(SAME_TASKS, 0, 0, false));
        referenceFiles = contents(dir);
        referenceSummaries = s.summaries();
        assertThat(referenceFiles).hasSize(SAME_TASKS);
    }

    @AfterEach
    void noWorkerThreadOfOursIsAlive() {
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.isAlive() && t.getName().startsWith(WorkerThreads.PREFIX))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}, workers={1}, chunk={2}")
    @MethodSource("executorsAndWorkers")
    void givesTheSameBytesAndSummariesAsSequential(SweepExecutor executor, int workers, int chunk,
                                                   @TempDir Path dir) throws Exception {
        Sweep s = Sweep.run(executor, metropolis(dir, SAME_TASKS, SAME_ITERATIONS),
                ExecutionOptions.defaults().withWorkers(workers).withChunk(chunk), null);

        assertThat(s.outcome).isEqualTo(new SweepOutcome(SAME_TASKS, 0, 0, false));
        s.assertEachTaskReportedOnceOnTheCallingThread();
        assertThat(s.summaries()).isEqualTo(referenceSummaries);
        Map<String, byte[]> files = contents(dir);
        assertThat(files.keySet()).isEqualTo(referenceFiles.keySet());
        files.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(referenceFiles.get(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("executors")
    void runsTenThousandEmptyTasksWithNoLossOrDuplicate(SweepExecutor executor) throws Exception {
        int n = manyTasks(executor);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = {i * 0.001, 1.0, 1.0};
            tasks.add(new Task(i, MetropolisKernel.NAME, v, 0, 0, Seeds.taskSeed(SEED, METROPOLIS_PARAMS, v, 0),
                    Seeds.DEFAULT_ALGORITHM, null));
        }
        Sweep s = Sweep.run(executor, tasks, ExecutionOptions.defaults().withWorkers(2), null);

        assertThat(s.outcome).isEqualTo(new SweepOutcome(n, 0, 0, false));
        s.assertEachTaskReportedOnceOnTheCallingThread();
        assertThat(s.results).hasSize(n);
    }

    @ParameterizedTest(name = "{0}, --halt {1}")
    @MethodSource("executorsAndHalts")
    void reportsAFailedTaskAndHaltsAsTold(SweepExecutor executor, HaltPolicy halt, @TempDir Path dir)
            throws Exception {
        int n = 40;
        // Under --halt soon/now, tasks long enough (about 50 ms each with their trace) that the failure of the
        // first is seen before the other 39 have all started, even on a loaded machine (at 100,000 steps, once
        // the kernel got faster, one loaded run under pool started all 40 first); only a few of them run.
        long steps = halt == HaltPolicy.NEVER ? 100_000 : 1_000_000;
        List<Task> tasks = new ArrayList<>(metropolis(dir, n, steps));
        Task first = tasks.get(0); // fails at once: its folder does not exist
        tasks.set(0, new Task(0, first.kernel(), first.params(), first.iterations(), 0, first.seed(), first.rng(),
                dir.resolve("missing").resolve("t0.csv")));

        Sweep s = Sweep.run(executor, tasks, ExecutionOptions.defaults().withWorkers(2).withHalt(halt), null);

        s.assertEachTaskReportedOnceOnTheCallingThread();
        SweepOutcome o = s.outcome;
        assertThat(o.interrupted()).isFalse();
        assertThat(o.completed() + o.failed() + o.cancelled() + o.notStarted()).isEqualTo(n);
        assertThat(s.failures).containsKey(0);
        assertThat(s.failures.get(0).error()).contains("missing");
        switch (halt) {
            case NEVER -> assertThat(o).isEqualTo(new SweepOutcome(n - 1, 1, 0, false));
            case SOON -> {
                assertThat(o.failed()).as("running tasks finish").isEqualTo(1);
                assertThat(o.notStarted()).isPositive();
            }
            case NOW -> {
                assertThat(o.notStarted()).isPositive();
                assertThat(o.failed()).as("cancelled tasks are not failures").isEqualTo(1);
                s.failures.forEach((i, f) -> {
                    if (i != 0) {
                        assertThat(f.error()).as("task " + i).isEqualTo("cancelled");
                        assertThat(f.cancelled()).isTrue();
                    }
                });
                assertThat(o.cancelled()).isEqualTo(s.failures.size() - 1);
            }
        }
        assertOnlyWholeTracesOfCompletedTasks(dir, s, steps);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("executors")
    void reportsAKernelThatThrowsWithItsError(SweepExecutor executor) throws Exception {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double[] v = {i, i == 3 ? 1 : 0};
            tasks.add(new Task(i, ContractTestKernel.NAME, v, 10, 0, i, Seeds.DEFAULT_ALGORITHM, null));
        }
        Sweep s = Sweep.run(executor, tasks, ExecutionOptions.defaults().withWorkers(2), null);

        assertThat(s.outcome).isEqualTo(new SweepOutcome(5, 1, 0, false));
        s.assertEachTaskReportedOnceOnTheCallingThread();
        assertThat(s.failures.get(3).error()).isEqualTo("IllegalStateException: asked to fail at x=3.0");
        assertThat(s.failures.get(3).task()).isEqualTo(tasks.get(3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("executors")
    void stopsWhenTheCallingThreadIsInterruptedAndLeavesOnlyWholeFiles(SweepExecutor executor, @TempDir Path dir)
            throws Exception {
        int n = 40;
        long iterations = 100_000;
        // The listener runs on the calling thread: it interrupts that thread once 3 tasks have finished.
        Sweep s = Sweep.run(executor, metropolis(dir, n, iterations), ExecutionOptions.defaults().withWorkers(2), 3);

        s.assertEachTaskReportedOnceOnTheCallingThread();
        assertThat(s.outcome.interrupted()).isTrue();
        assertThat(s.interruptedAfter).as("interrupt status set again").isTrue();
        assertThat(s.outcome.completed() + s.outcome.failed() + s.outcome.cancelled() + s.outcome.notStarted())
                .isEqualTo(n);
        assertThat(s.outcome.notStarted()).isPositive();
        assertThat(s.outcome.completed()).isGreaterThanOrEqualTo(3);
        s.failures.values().forEach(f -> assertThat(f.error()).isEqualTo("cancelled"));
        assertThat(s.outcome.failed()).isZero();
        assertThat(s.outcome.cancelled()).isEqualTo(s.failures.size());
        assertOnlyWholeTracesOfCompletedTasks(dir, s, iterations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("executors")
    void leavesNoThreadOfItsOwnAlive(SweepExecutor executor) throws Exception {
        ContractTestKernel.forgetThreads();
        int n = manyTasks(executor) / 20; // 500: more than one generation of virtual threads
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = {i, 0};
            tasks.add(new Task(i, ContractTestKernel.NAME, v, 100, 0, i, Seeds.DEFAULT_ALGORITHM, null));
        }
        Sweep s = Sweep.run(executor, tasks, ExecutionOptions.defaults().withWorkers(3), null);

        assertThat(s.outcome).isEqualTo(new SweepOutcome(n, 0, 0, false));
        // Virtual threads are not in Thread.getAllStackTraces(); the kernel saw them, so ask them directly.
        assertThat(ContractTestKernel.THREADS).filteredOn(t -> t != s.caller).noneMatch(Thread::isAlive);
        noWorkerThreadOfOursIsAlive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("executors")
    void canBeReusedAndHandlesAnEmptySweep(SweepExecutor executor, @TempDir Path dir) throws Exception {
        assertThat(Sweep.run(executor, List.of(), ExecutionOptions.defaults(), null).outcome)
                .isEqualTo(new SweepOutcome(0, 0, 0, false));
        for (int round = 0; round < 2; round++) {
            Sweep s = Sweep.run(executor, metropolis(dir, 3, 10), ExecutionOptions.defaults().withWorkers(8), null);
            assertThat(s.outcome).isEqualTo(new SweepOutcome(3, 0, 0, false));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("executors")
    void timesOutATaskThatRunsTooLongAndKeepsNoTraceOfIt(SweepExecutor executor, @TempDir Path dir)
            throws Exception {
        List<Task> tasks = new ArrayList<>(metropolis(dir, 4, 1_000));
        tasks.set(0, new Task(0, "test-sleep", new double[] {60}, 1, 0, 0, Seeds.DEFAULT_ALGORITHM,
                dir.resolve("t0.csv")));

        Sweep s = Sweep.run(executor, tasks,
                ExecutionOptions.defaults().withWorkers(2).withTimeout(java.time.Duration.ofSeconds(4)), null);

        s.assertEachTaskReportedOnceOnTheCallingThread();
        assertThat(s.outcome).isEqualTo(new SweepOutcome(3, 1, 0, false));
        assertThat(s.failures.get(0).error()).startsWith("timed out after 4.0 s");
        assertThat(s.failures.get(0).cancelled()).isFalse();
        assertOnlyWholeTracesOfCompletedTasks(dir, s, 1_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("executors")
    void keepsATraceOnlyForTasksThatFinishedInTimeWhenTheTimeoutIsTight(SweepExecutor executor,
                                                                         @TempDir Path dir) throws Exception {
        // Tasks of about the timeout's length (a JVM start, for process): some finish, some time out, some
        // right at the deadline; whichever way each goes, its file and its status must agree.
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Task t = metropolis(dir, 12, 0).get(i);
            tasks.add(new Task(i, t.kernel(), t.params(), 50_000L * (i + 1), 0, t.seed(), t.rng(), t.output()));
        }
        Sweep s = Sweep.run(executor, tasks,
                ExecutionOptions.defaults().withWorkers(2).withTimeout(java.time.Duration.ofMillis(60)), null);

        s.assertEachTaskReportedOnceOnTheCallingThread();
        assertThat(s.outcome.completed() + s.outcome.failed()).isEqualTo(tasks.size());
        s.failures.values().forEach(f -> assertThat(f.error()).contains("timed out after 0.06 s"));
        assertOnlyWholeTracesOfCompletedTasks(dir, s, -1);
        for (TaskResult r : s.results.values()) {
            assertWholeTrace(r.task().output().getFileName().toString(),
                    Files.readString(r.task().output()), r.task().iterations());
        }
    }

    static Stream<Arguments> executorsAndTraces() {
        return SweepExecutors.all().stream().flatMap(e -> Stream.of(false, true)
                .map(traces -> Arguments.of(Named.of(e.name(), e), traces)));
    }

    @ParameterizedTest(name = "{0}, traces={1}")
    @MethodSource("executorsAndTraces")
    void finishesTinyTasksWhateverTheChunk(SweepExecutor executor, boolean traces, @TempDir Path dir)
            throws Exception {
        // The shape that hung pool: thousands of tiny tasks, --chunk 1500, 2 workers (issue 9 #1); 1500 frames
        // ahead are several times the 64 KiB a pipe holds, with or without a trace's path in each.
        int n = executor.name().equals("process") ? 40 : 5_000;
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = {1e-4 * (i + 1), 1.0, 1.0};
            tasks.add(new Task(i, MetropolisKernel.NAME, v, 1, 0, Seeds.taskSeed(SEED, METROPOLIS_PARAMS, v, 0),
                    Seeds.DEFAULT_ALGORITHM, traces ? dir.resolve("t" + i + ".csv") : null));
        }
        Sweep s = Sweep.run(executor, tasks, ExecutionOptions.defaults().withWorkers(2).withChunk(1500), null);

        assertThat(s.outcome).isEqualTo(new SweepOutcome(n, 0, 0, false));
        s.assertEachTaskReportedOnceOnTheCallingThread();
        if (traces) {
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.count()).isEqualTo(n);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------

    /**
     * 10,000, except for {@code process}, which starts a JVM per task (about 70 ms each): 10,000 of those
     * would take minutes, and 100 exercise the same bookkeeping.
     */
    static int manyTasks(SweepExecutor executor) {
        return executor.name().equals("process") ? 100 : 10_000;
    }

    /** Metropolis tasks over a small grid, traces in {@code dir} (or none if {@code dir} is null). */
    static List<Task> metropolis(Path dir, int n, long iterations) {
        double[] x0s = {0.5, 1.0, 2.0};
        double[] hs = {0.5, 1.0, 2.5};
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = {x0s[i % 3], hs[(i / 3) % 3], 0.5 + i / 9};
            tasks.add(new Task(i, MetropolisKernel.NAME, v, iterations, 0, Seeds.taskSeed(SEED, METROPOLIS_PARAMS, v, 0),
                    Seeds.DEFAULT_ALGORITHM, dir == null ? null : dir.resolve("t" + i + ".csv")));
        }
        return tasks;
    }

    static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    /**
     * No temporary file; a whole trace for each completed task, and none for any other task: a trace is
     * renamed into place only by an attempt that is then reported as finished.
     */
    static void assertOnlyWholeTracesOfCompletedTasks(Path dir, Sweep s, long iterations) throws IOException {
        Map<String, byte[]> files = contents(dir);
        assertThat(files.keySet()).noneMatch(name -> name.endsWith(".tmp"));
        List<String> completed = s.results.keySet().stream().map(i -> "t" + i + ".csv").toList();
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(completed);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (iterations >= 0) {
                assertWholeTrace(f.getKey(), new String(f.getValue(), java.nio.charset.StandardCharsets.US_ASCII),
                        iterations);
            }
        }
    }

    static void assertWholeTrace(String name, String csv, long iterations) {
        String[] lines = csv.split("\n", -1);
        assertThat(lines[0]).as(name).isEqualTo("x,accept");
        assertThat(lines).as(name + " rows").hasSize((int) iterations + 2); // header, rows, "" after the last \n
        assertThat(lines[lines.length - 1]).isEmpty();
        for (int i = 1; i <= iterations; i++) { // plain checks: AssertJ per line would dominate the suite
            int comma = lines[i].indexOf(',');
            String accept = lines[i].substring(comma + 1);
            Double.parseDouble(lines[i].substring(0, Math.max(comma, 0)));
            if (comma < 0 || !(accept.equals("0") || accept.equals("1"))) {
                throw new AssertionError(name + " line " + i + " is not a trace row: " + lines[i]);
            }
        }
    }

    /** One sweep, run on its own thread, and everything the listener saw. */
    static final class Sweep implements SweepListener {
        final Map<Integer, TaskResult> results = new TreeMap<>();
        final Map<Integer, TaskFailure> failures = new TreeMap<>();
        final List<String> problems = new ArrayList<>();
        final Integer interruptAfter;
        Thread caller;
        SweepOutcome outcome;
        boolean interruptedAfter;

        private Sweep(Integer interruptAfter) {
            this.interruptAfter = interruptAfter;
        }

        /** @param interruptAfter interrupt the calling thread after this many results, or {@code null} */
        static Sweep run(SweepExecutor executor, List<Task> tasks, ExecutionOptions options, Integer interruptAfter)
                throws InterruptedException {
            Sweep s = new Sweep(interruptAfter);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            s.caller = new Thread(() -> {
                try {
                    s.outcome = executor.execute(tasks, options, s);
                    s.interruptedAfter = Thread.currentThread().isInterrupted();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }, "contract-caller");
            s.caller.start();
            s.caller.join();
            if (thrown.get() != null) {
                throw new AssertionError("execute threw", thrown.get());
            }
            return s;
        }

        @Override
        public void onResult(TaskResult result) {
            check(result.task());
            if (results.put(result.task().index(), result) != null) {
                problems.add("task " + result.task().index() + " reported twice");
            }
            if (interruptAfter != null && results.size() == interruptAfter) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onFailure(TaskFailure failure) {
            check(failure.task());
            if (failures.put(failure.task().index(), failure) != null) {
                problems.add("task " + failure.task().index() + " failed twice");
            }
        }

        private void check(Task t) {
            if (Thread.currentThread() != caller) {
                problems.add("listener called on " + Thread.currentThread() + " for " + t);
            }
            if (results.containsKey(t.index()) || failures.containsKey(t.index())) {
                problems.add("task " + t.index() + " reported again");
            }
        }

        Map<Integer, Summary> summaries() {
            Map<Integer, Summary> m = new TreeMap<>();
            results.forEach((i, r) -> m.put(i, r.summary()));
            return m;
        }

        void assertEachTaskReportedOnceOnTheCallingThread() {
            assertThat(problems).isEmpty();
            assertThat(results.size()).isEqualTo(outcome.completed());
            assertThat(failures.size()).isEqualTo(outcome.failed() + outcome.cancelled());
            assertThat(failures.values().stream().filter(TaskFailure::cancelled).count())
                    .isEqualTo(outcome.cancelled());
        }
    }
}
