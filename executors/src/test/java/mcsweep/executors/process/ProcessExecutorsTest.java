package mcsweep.executors.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.HaltPolicy;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepExecutors;
import mcsweep.executors.SweepListener;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.executors.TaskFailure;
import mcsweep.executors.TaskResult;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Seeds;
import mcsweep.kernel.Summary;
import mcsweep.kernel.io.AtomicFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code process} and {@code pool} executors against real worker JVMs, started from jars of the test
 * class path with the start-up archive that {@code -Dmcsweep.archive} selects (the build runs this class once
 * with {@code aot} and once with {@code appcds}), built in a folder of this class's own.
 */
class ProcessExecutorsTest {

    @TempDir
    Path dir;

    @TempDir
    static Path jars;

    @BeforeAll
    static void startWorkersFromJars() throws IOException {
        System.setProperty("mcsweep.worker.class.path", WorkerJars.classPath(jars));
        System.setProperty("mcsweep.cds.dir", jars.resolve("cds").toString());
    }

    @AfterAll
    static void restoreProperties() {
        System.clearProperty("mcsweep.worker.class.path");
        System.clearProperty("mcsweep.cds.dir");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void buildsTheSelectedArchiveKindAndStartsWorkersFromIt(boolean oneTask) throws IOException {
        WorkerJvm jvm = WorkerJvm.forThisJvm(oneTask);
        String expected = System.getProperty("mcsweep.archive", Runtime.version().feature() >= 25 ? "aot" : "appcds");
        assertThat(jvm.kind().name().toLowerCase(java.util.Locale.ROOT)).isEqualTo(expected);

        // Built, and checked in strict mode (-XX:AOTMode=on / -Xshare:on), or this is empty.
        java.util.Optional<Path> built = jvm.archive();
        assertThat(built).as("archive; cds folder: %s", failedFiles()).isPresent();
        Path archive = built.get();
        assertThat(archive.getFileName().toString()).endsWith(jvm.kind().suffix);
        assertThat(jvm.command(true, List.of("--serve"))).anyMatch(a -> a.endsWith("=" + archive));
        assertThat(files(archive.getParent()).stream().map(p -> p.getFileName().toString()))
                .as("no temporary or .config file left").allMatch(n -> n.endsWith(jvm.kind().suffix) || n.endsWith(".lock"));
    }

    private static List<String> failedFiles() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : files(jars.resolve("cds"))) {
            out.add(f.getFileName() + (f.toString().endsWith(".failed") ? ": " + Files.readString(f) : ""));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void anInterruptWhileTheArchiveIsBuiltLeavesNoPartialFileAndEndsTheSweepCleanly(String name) throws Exception {
        Path cds = dir.resolve("fresh-cds");
        System.setProperty("mcsweep.cds.dir", cds.toString());
        try {
            Thread caller = Thread.currentThread();
            CompletableFuture<Void> recording = CompletableFuture.runAsync(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline) {
                    boolean building = ProcessHandle.current().descendants().anyMatch(p ->
                            p.info().arguments().map(List::of).orElse(List.of()).contains("--warmup"));
                    if (building) {
                        // At once: on a quiet machine an AppCDS recording ends within 300 ms, and a whole archive
                        // is rightly kept; a JVM's start alone takes longer than this.
                        sleep(20);
                        caller.interrupt();
                        return;
                    }
                    sleep(10);
                }
                throw new AssertionError("no archive was being built");
            });
            List<Task> tasks = List.of(metropolis(0, 1, 1, 1, 10, dir.resolve("t0.csv")),
                    metropolis(1, 1, 1, 1, 10, dir.resolve("t1.csv")));
            Recorder r = new Recorder();
            SweepOutcome outcome = SweepExecutors.byName(name).execute(tasks, options(2), r);
            boolean flag = Thread.interrupted();
            recording.get(60, TimeUnit.SECONDS);

            assertThat(flag).isTrue();
            assertThat(outcome).isEqualTo(new SweepOutcome(0, 0, 2, true));
            assertThat(files(cds).stream().map(p -> p.getFileName().toString()))
                    .as("only the lock file stays").allMatch(n -> n.endsWith(".lock"));
            assertThat(files(dir).stream().map(p -> p.getFileName().toString())).containsExactly("fresh-cds");
        } finally {
            System.setProperty("mcsweep.cds.dir", jars.resolve("cds").toString());
        }
    }

    @AfterEach
    void leavesNoProcessBehind() {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
                .as("processes left running").isEmpty();
    }

    /** Collects outcomes and checks that they arrive on the calling thread, one per task. */
    static final class Recorder implements SweepListener {
        final Thread caller = Thread.currentThread();
        final Map<Integer, TaskResult> results = new TreeMap<>();
        final Map<Integer, TaskFailure> failures = new TreeMap<>();

        @Override
        public void onResult(TaskResult r) {
            assertThat(Thread.currentThread()).isSameAs(caller);
            assertThat(results.put(r.task().index(), r)).isNull();
            assertThat(failures).doesNotContainKey(r.task().index());
        }

        @Override
        public void onFailure(TaskFailure f) {
            assertThat(Thread.currentThread()).isSameAs(caller);
            assertThat(failures.put(f.task().index(), f)).isNull();
            assertThat(results).doesNotContainKey(f.task().index());
        }
    }

    static Task metropolis(int index, double x0, double h, double beta, long n, Path out) {
        double[] p = {x0, h, beta};
        return new Task(index, MetropolisKernel.NAME, p, n, 0,
                Seeds.taskSeed(42, List.of("x0", "h", "beta"), p, 0), Seeds.DEFAULT_ALGORITHM, out);
    }

    static Task test(int index, String kernel, double seconds, Path out) {
        return new Task(index, kernel, new double[] {seconds}, 1, 0, index, Seeds.DEFAULT_ALGORITHM, out);
    }

    static ExecutionOptions options(int workers) {
        return ExecutionOptions.defaults().withWorkers(workers);
    }

    private static List<Path> files(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void givesTheSameTracesAndSummariesAsSequential(String name) throws IOException {
        List<Task> reference = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        Files.createDirectories(dir.resolve("seq"));
        Files.createDirectories(dir.resolve(name));
        double[][] values = {{0.5, 1.0, 0.5}, {1.0, 0.25, 2.0}, {-2.0, 2.5, 10.0}, {0.1, 1.0, 1e-4}, {3, 0.5, 3}};
        for (int i = 0; i < values.length; i++) {
            double[] v = values[i];
            long n = i == 0 ? 0 : 3000 + 1000L * i; // zero steps: the header alone
            reference.add(metropolis(i, v[0], v[1], v[2], n, dir.resolve("seq/t" + i + ".csv")));
            tasks.add(metropolis(i, v[0], v[1], v[2], n, dir.resolve(name + "/t" + i + ".csv")));
        }
        tasks.add(metropolis(values.length, 1, 1, 1, 2000, null)); // no trace
        reference.add(metropolis(values.length, 1, 1, 1, 2000, null));

        Recorder seq = new Recorder();
        SweepExecutors.byName("sequential").execute(reference, options(1), seq);
        Recorder got = new Recorder();
        SweepOutcome outcome = SweepExecutors.byName(name).execute(tasks, options(2), got);

        assertThat(outcome).isEqualTo(new SweepOutcome(tasks.size(), 0, 0, false));
        assertThat(got.failures).isEmpty();
        assertThat(got.results.keySet()).isEqualTo(seq.results.keySet());
        for (int i : seq.results.keySet()) {
            Summary expected = seq.results.get(i).summary();
            assertThat(got.results.get(i).summary()).as("summary of task %d", i).isEqualTo(expected);
        }
        for (int i = 0; i < values.length; i++) {
            assertThat(Files.readAllBytes(dir.resolve(name + "/t" + i + ".csv")))
                    .as("trace of task %d", i).isEqualTo(Files.readAllBytes(dir.resolve("seq/t" + i + ".csv")));
        }
        assertThat(files(dir.resolve(name))).hasSize(values.length); // no temporary file left
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void retriesATaskWhoseWorkerIsKilledMidTask(String name) throws Exception {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(test(i, "test-sleep", 1.0, dir.resolve("t" + i + ".csv")));
        }
        SweepExecutor executor = SweepExecutors.byName(name);
        CompletableFuture<ProcessHandle> killed = killAWorkerOnceRunning(600);
        Recorder r = new Recorder();
        SweepOutcome outcome = executor.execute(tasks, options(2).withRetries(1).withLogDir(dir.resolve("logs")), r);

        assertThat(killed.get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(r.failures).isEmpty();
        assertThat(outcome).isEqualTo(new SweepOutcome(4, 0, 0, false));
        assertThat(r.results.values()).allSatisfy(t -> assertThat(t.summary().get("value")).isEqualTo(1.0));
        assertThat(files(dir).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("t0.csv", "t1.csv", "t2.csv", "t3.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void reportsAKilledWorkersTaskAsFailedWithoutRetriesAndKeepsGoing(String name) throws Exception {
        List<Task> tasks = new ArrayList<>();
        tasks.add(test(0, "test-sleep", 20.0, dir.resolve("slow.csv")));
        for (int i = 1; i < 4; i++) {
            tasks.add(metropolis(i, 1, 1, 1, 1000, dir.resolve("t" + i + ".csv")));
        }
        CompletableFuture<ProcessHandle> killed = killAWorkerOnceRunning(600);
        Recorder r = new Recorder();
        SweepOutcome outcome = SweepExecutors.byName(name).execute(tasks, options(1), r);

        killed.get(30, TimeUnit.SECONDS);
        assertThat(outcome).isEqualTo(new SweepOutcome(3, 1, 0, false));
        assertThat(r.failures.get(0).error()).contains("killed (signal 9)");
        assertThat(r.results).containsOnlyKeys(1, 2, 3);
        assertThat(files(dir)).noneMatch(AtomicFile::isTemporary);
        assertThat(dir.resolve("slow.csv")).doesNotExist();
    }

    /** Killed before it could say it was ready (under load, a worker JVM can take that long to start). */
    @Test
    void aPoolWorkerKilledWhileStartingFailsItsTaskSayingHowItDied() throws Exception {
        List<Task> tasks = new ArrayList<>();
        tasks.add(test(0, "test-sleep", 20.0, dir.resolve("slow.csv"))); // keeps the worker alive if it got that far
        for (int i = 1; i < 4; i++) {
            tasks.add(metropolis(i, 1, 1, 1, 1000, dir.resolve("t" + i + ".csv")));
        }
        CompletableFuture<ProcessHandle> killed = killAWorkerOnceRunning(0);
        Recorder r = new Recorder();
        SweepOutcome outcome = SweepExecutors.byName("pool").execute(tasks, options(1), r);

        ProcessHandle victim = killed.get(30, TimeUnit.SECONDS);
        assertThat(outcome).isEqualTo(new SweepOutcome(3, 1, 0, false));
        assertThat(r.failures.get(0).error())
                .contains("worker pid " + victim.pid() + " was killed (signal 9) while starting");
        assertThat(files(dir)).noneMatch(AtomicFile::isTemporary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void killsATaskThatHangsAfterTheTimeout(String name) throws IOException {
        List<Task> tasks = List.of(
                test(0, "test-sleep", 600.0, dir.resolve("hang.csv")),
                metropolis(1, 1, 1, 1, 1000, dir.resolve("t1.csv")),
                metropolis(2, 1, 1, 1, 1000, dir.resolve("t2.csv")));
        Recorder r = new Recorder();
        SweepOutcome outcome = SweepExecutors.byName(name)
                .execute(tasks, options(1).withTimeout(Duration.ofMillis(4500)).withRetries(1), r);

        assertThat(outcome).isEqualTo(new SweepOutcome(2, 1, 0, false));
        assertThat(r.failures.get(0).error()).contains("timed out after 4.5 s").contains("2 attempts");
        assertThat(r.failures.get(0).attempts()).isEqualTo(2);
        assertThat(files(dir).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("t1.csv", "t2.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void failsATaskWhoseWorkerWritesGarbageToStdoutAndGoesOn(String name) {
        List<Task> tasks = List.of(
                test(0, "test-garbage", 1, null),
                test(1, "test-print", 1, null),
                metropolis(2, 1, 1, 1, 1000, null));
        Recorder r = new Recorder();
        SweepOutcome outcome = SweepExecutors.byName(name)
                .execute(tasks, options(1).withRetries(2).withLogDir(dir.resolve("logs")), r);

        assertThat(outcome).isEqualTo(new SweepOutcome(2, 1, 0, false));
        assertThat(r.failures.get(0).error()).contains("stdout").contains("hello from the kernel");
        assertThat(r.failures.get(0).attempts()).isEqualTo(1); // output is not a crash: no retry
        assertThat(r.results.get(1).summary().get("value")).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void keepsEachTasksStderrInTheLogFolder(String name) throws IOException {
        Path logs = dir.resolve("logs");
        List<Task> tasks = List.of(test(0, "test-print", 1, null), metropolis(1, 1, 1, 1, 10, null),
                test(2, "test-print", 2, null));
        Recorder r = new Recorder();
        SweepExecutors.byName(name).execute(tasks, options(1).withLogDir(logs), r);

        assertThat(r.results).hasSize(3);
        assertThat(files(logs).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("task-0.stderr", "task-2.stderr");
        assertThat(Files.readString(logs.resolve("task-2.stderr")))
                .isEqualTo("printed to System.out\nprinted to System.err\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void reportsAKernelErrorOnceWithItsMessageAndHaltsSoon(String name) {
        List<Task> tasks = new ArrayList<>();
        tasks.add(test(0, "test-fail", 7, null));
        for (int i = 1; i < 6; i++) {
            tasks.add(metropolis(i, 1, 1, 1, 10, null));
        }
        Recorder r = new Recorder();
        SweepOutcome outcome = SweepExecutors.byName(name)
                .execute(tasks, options(1).withRetries(3).withHalt(HaltPolicy.SOON), r);

        assertThat(r.failures.get(0).error()).isEqualTo("IllegalStateException: failing on purpose with 7.0");
        assertThat(r.failures.get(0).attempts()).isEqualTo(1);
        assertThat(outcome).isEqualTo(new SweepOutcome(0, 1, 5, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void haltNowCancelsRunningTasks(String name) throws IOException {
        List<Task> tasks = List.of(test(0, "test-sleep", 600, dir.resolve("slow.csv")),
                test(1, "test-sleep", 0.5, null), test(2, "test-fail", 1, null), test(3, "test-sleep", 1, null));
        Recorder r = new Recorder();
        SweepOutcome outcome = SweepExecutors.byName(name)
                .execute(tasks, options(2).withHalt(HaltPolicy.NOW), r);

        assertThat(r.failures.get(0).error()).isEqualTo("cancelled");
        assertThat(r.failures.get(2).error()).startsWith("IllegalStateException");
        assertThat(outcome).as("a cancelled task is not a failure").isEqualTo(new SweepOutcome(1, 1, 1, false, 1));
        assertThat(r.failures.get(0).cancelled()).isTrue();
        assertThat(files(dir)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void anInterruptCancelsTheSweepAndLeavesNoPartialFile(String name) throws Exception {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(test(i, "test-sleep", 600, dir.resolve("t" + i + ".csv")));
        }
        Thread caller = Thread.currentThread();
        CompletableFuture<ProcessHandle> running = killAWorkerOnceRunning(-1);
        running.thenRun(caller::interrupt);
        Recorder r = new Recorder();
        SweepOutcome outcome = SweepExecutors.byName(name).execute(tasks, options(2), r);
        boolean flag = Thread.interrupted();

        assertThat(flag).isTrue();
        assertThat(outcome.interrupted()).isTrue();
        assertThat(outcome.completed()).isZero();
        assertThat(outcome.failed()).isZero();
        assertThat(outcome.cancelled()).isEqualTo(2);
        assertThat(outcome.notStarted()).isEqualTo(4);
        assertThat(r.failures.values()).allSatisfy(f -> assertThat(f.error()).isEqualTo("cancelled"));
        assertThat(files(dir)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void runsNothingForNoTasks(String name) {
        assertThat(SweepExecutors.byName(name).execute(List.of(), options(2), new Recorder()))
                .isEqualTo(new SweepOutcome(0, 0, 0, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "pool"})
    void workersDoNotOutliveASweepJvmKilledWithSigkill(String name, @TempDir Path tmp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Its own temporary folder: a JVM killed with SIGKILL leaves its workers' stderr folder behind there.
        Process sweep = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                SweepInChild.class.getName(), name, dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            List<ProcessHandle> workers = List.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (workers.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                workers = sweep.children().filter(ProcessExecutorsTest::isWorker).toList();
            }
            assertThat(workers).hasSize(2);
            Thread.sleep(500); // inside their tasks, writing their traces' temporary files

            sweep.destroyForcibly(); // SIGKILL: no shutdown hook runs
            sweep.waitFor();

            for (ProcessHandle w : workers) {
                w.onExit().get(30, TimeUnit.SECONDS);
            }
            assertThat(files(dir)).isEmpty();
        } finally {
            sweep.destroyForcibly();
            sweep.descendants().forEach(ProcessHandle::destroyForcibly);
            sweep.waitFor();
        }
    }

    static boolean isWorker(ProcessHandle p) {
        List<String> args = p.info().arguments().map(List::of).orElse(List.of());
        return args.contains(WorkerMain.class.getName()) && !args.contains("--warmup");
    }

    /**
     * Once a worker JVM has run for {@code afterMillis} (so it is inside its task), kills it with SIGKILL and
     * completes with its handle; with a negative delay, completes as soon as two workers run, killing none.
     */
    static CompletableFuture<ProcessHandle> killAWorkerOnceRunning(long afterMillis) {
        return CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                List<ProcessHandle> workers = ProcessHandle.current().children()
                        .filter(ProcessExecutorsTest::isWorker).toList();
                if (afterMillis < 0 && workers.size() >= 2) {
                    sleep(300);
                    return workers.get(0);
                }
                if (afterMillis >= 0 && !workers.isEmpty()) {
                    ProcessHandle w = workers.get(0);
                    sleep(afterMillis);
                    w.destroyForcibly(); // SIGKILL
                    w.onExit().join();
                    return w;
                }
                sleep(20);
            }
            throw new AssertionError("no worker started");
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
