package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --executor slurm} against a real Slurm: the cluster named by {@code SLURM_CONF} (as {@code .ci/run}
 * starts it), else a private single-node cluster started here with {@code scripts/slurm-local} when Slurm
 * is installed and we are root. Otherwise every test is skipped, with the reason printed on one line.
 * The coordinator runs as its own process, as a user runs it (and so that it can be killed).
 */
class SlurmIntegrationTest {

    private static final String[] GRID = {"--beta", "0.5,1,2", "--x0", "0.5,1,2", "--h", "0.5,1", "--iterations",
        "20000"};
    /** Slow enough per element (about a second or more) to be caught running. */
    private static final String[] SLOW_GRID = {"--beta", "0.5:6:0.5", "--x0", "1,2,3", "--h", "1", "--iterations",
        "3000000", "--format", "none"};

    private static String slurmConf;
    private static Path ownCluster;
    private static String skipReason;

    @BeforeAll
    static void cluster() throws Exception {
        String conf = System.getenv("SLURM_CONF");
        if (conf != null && Files.isRegularFile(Path.of(conf))) {
            slurmConf = conf;
            return;
        }
        String missing = Stream.of("sbatch", "slurmctld", "slurmd", "munged")
                .filter(c -> run(List.of("sh", "-c", "command -v " + c)).exit != 0).findFirst().orElse(null);
        String reason = missing != null ? "Slurm is not installed (no " + missing + "; apt-get install -y slurm-wlm munge)"
                : !run(List.of("id", "-u")).out.strip().equals("0") ? "not root (a local Slurm's slurmd needs root)"
                : script() == null ? "scripts/slurm-local not found above " + Path.of("").toAbsolutePath() : null;
        if (reason != null) {
            skipReason = reason + "; or export SLURM_CONF of a running cluster";
            System.err.println("SlurmIntegrationTest skipped: " + skipReason);
            return;
        }
        ownCluster = Files.createTempDirectory("mcsweep-slurm-test");
        Result r = run(List.of(script().toString(), "start", ownCluster.toString()));
        assertThat(r.exit).as("slurm-local start: " + r.err).isZero();
        slurmConf = ownCluster.resolve("slurm.conf").toString();
    }

    /** Each test, not the class, is skipped: build tools then count them as skipped. */
    @BeforeEach
    void needsSlurm() {
        assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    static void stopOwnCluster() throws IOException {
        if (ownCluster != null) {
            Result r = run(List.of(script().toString(), "stop", ownCluster.toString()));
            assertThat(r.exit).as("slurm-local stop: " + r.err).isZero();
            try (Stream<Path> s = Files.walk(ownCluster)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    @Timeout(300)
    void throughSlurmTracesAndSummaryAreByteIdenticalToSequential(@TempDir Path dir) throws Exception {
        Path seq = dir.resolve("seq");
        Path out = dir.resolve("slurm");
        assertThat(Main.execute(concat(concat(new String[] {"sweep"}, GRID), "--out", seq.toString(), "--executor", "sequential", "-q"))).isZero();

        Result r = coordinator(out, GRID, "--array", "3", "-j", "1");

        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.err).contains("submitted array job");
        assertThat(r.out).contains("18 tasks, 18 ok, 0 failed");
        List<String> traces = files(seq, ".csv");
        assertThat(traces).hasSize(19).contains("summary.csv");
        for (String f : traces) {
            assertThat(Files.readAllBytes(out.resolve(f))).as(f).isEqualTo(Files.readAllBytes(seq.resolve(f)));
        }
        for (int k = 1; k <= 3; k++) {
            assertThat(out.resolve("joblog." + k + "-of-3.tsv")).exists();
        }
        assertThat(lines(out.resolve("joblog.tsv"))).hasSize(19);
    }

    @Test
    @Timeout(300)
    void anElementKilledWithScancelIsReportedAndResumeCompletesIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("slurm");
        Process p = start(out, SLOW_GRID, "--array", "3", "-j", "1");
        String job = awaitJobId(out, p);
        Path shard1 = out.resolve("joblog.1-of-3.tsv");
        while (lines(shard1).size() < 2 && p.isAlive()) { // header plus a finished task: element 0 is running
            Thread.sleep(10);
        }
        Result cancel = run(List.of("scancel", job + "_0"), slurmEnv());
        assertThat(cancel.exit).as(cancel.err).isZero();
        Result r = finish(p, out);

        assertThat(r.exit).as(r.err).isGreaterThan(100);
        assertThat(r.err).contains("element 0 (shard 1/3, job " + job + "_0)", "CANCELLED",
                "stderr: " + out.resolve("slurm").resolve(job + "_0.err"), "rerun with --resume");
        assertThat(r.err).doesNotContain("element 1 ", "element 2 ");
        int keptBefore = okIndices(out).size();

        Result resumed = coordinator(out, SLOW_GRID, "--array", "3", "-j", "1", "--resume");

        assertThat(resumed.exit).as(resumed.err).isZero();
        assertThat(resumed.err).contains("2 of 3 elements done, 0 still queued or running, 1 to submit");
        List<String> jobs = lines(out.resolve("slurm/array.tsv")).stream().filter(l -> l.startsWith("job\t")).toList();
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(1)).endsWith("\t0");
        assertThat(okIndices(out)).hasSize(36).doesNotHaveDuplicates();
        assertThat(keptBefore).isGreaterThan(0);
        assertSummaryEqualsSequential(dir, out);
    }

    @Test
    @Timeout(300)
    void aKilledCoordinatorRerunWithResumeWaitsForTheRunningArrayAndRunsNothingTwice(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("slurm");
        Process p = start(out, SLOW_GRID, "--array", "3", "-j", "1");
        awaitJobId(out, p);
        while (lines(out.resolve("joblog.1-of-3.tsv")).size() < 2 && p.isAlive()) {
            Thread.sleep(10);
        }
        p.destroyForcibly(); // kill -9: no shutdown hook, the array keeps running
        p.waitFor(30, TimeUnit.SECONDS);

        Result resumed = coordinator(out, SLOW_GRID, "--array", "3", "-j", "1", "--resume");

        assertThat(resumed.exit).as(resumed.err).isZero();
        assertThat(resumed.err).contains("resuming array job").doesNotContain("submitted array job");
        assertThat(lines(out.resolve("slurm/array.tsv")).stream().filter(l -> l.startsWith("job\t"))).hasSize(1);
        // every task ran once: one line per task in all the shards' job logs together
        List<String> all = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            lines(out.resolve("joblog." + k + "-of-3.tsv")).stream().skip(1).forEach(all::add);
        }
        assertThat(all).hasSize(36);
        assertThat(okIndices(out)).hasSize(36).doesNotHaveDuplicates();
        assertSummaryEqualsSequential(dir, out);
    }

    @Test
    @Timeout(300)
    void noWaitReturnsTheJobIdAndAnArrayNoRecordNamesIsAdoptedNotSubmittedAgain(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("slurm");
        // Held, so that it is still queued whatever the machine's speed, until released below.
        Result submitted = coordinator(out, SLOW_GRID, "--array", "3", "-j", "1", "--no-wait", "--slurm-opt=--hold");
        assertThat(submitted.exit).as(submitted.err).isZero();
        String job = submitted.out.strip();
        assertThat(job).matches("\\d+");
        // What a coordinator killed between sbatch and writing its record leaves: an array no record names.
        Path state = out.resolve("slurm/array.tsv");
        Files.write(state, lines(state).stream().filter(l -> !l.startsWith("job\t")).toList());

        Result again = coordinator(out, SLOW_GRID, "--array", "3", "-j", "1");
        assertThat(again.exit).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err.strip()).isEqualTo("mcsweep: --out: " + out + " holds the work of an interrupted Slurm"
                + " submission; add --resume to wait for it and finish it, or choose another --out");

        Process p = start(out, SLOW_GRID, "--array", "3", "-j", "1", "--resume");
        Path stderr = Path.of(outputs.get(p) + ".stderr");
        while (!Files.readString(stderr).contains("resuming array job") && p.isAlive()) {
            Thread.sleep(10);
        }
        Result release = run(List.of("scontrol", "release", job), slurmEnv());
        assertThat(release.exit).as(release.err).isZero();
        Result resumed = finish(p, out);
        assertThat(resumed.exit).as(resumed.err).isZero();
        assertThat(resumed.err).contains("array job " + job + " of this folder is queued or running but was not"
                + " recorded").doesNotContain("submitted array job");
        assertThat(okIndices(out)).hasSize(36).doesNotHaveDuplicates();
        assertSummaryEqualsSequential(dir, out);
    }

    @Test
    @Timeout(300)
    void tasksThatFailInsideAnElementAreMergedAndCountedNotResubmitted(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("slurm");
        // Tasks of about two seconds under a 0.2 s limit: the pool kills each one's worker JVM.
        String[] failing = {"--beta", "0.5,1,2", "--x0", "1", "--h", "1", "--iterations", "60000000", "--format",
            "none", "--timeout", "0.2"};
        Result r = coordinator(out, failing, "--array", "1", "-j", "1", "--inner-executor", "pool");

        assertThat(r.exit).as(r.err).isEqualTo(103);
        assertThat(r.err).contains("element 0 (job ", "3 of its tasks failed", "--resume-failed runs them again")
                .doesNotContain("array elements failed");
        assertThat(r.out).contains("3 tasks, 0 ok, 3 failed");

        Result resumed = coordinator(out, failing, "--array", "1", "-j", "1", "--inner-executor", "pool", "--resume");
        assertThat(resumed.exit).as(resumed.err).isEqualTo(103);
        assertThat(resumed.err).contains("1 of 1 elements done, 0 still queued or running, 0 to submit");
    }

    private static void assertSummaryEqualsSequential(Path dir, Path out) throws IOException {
        Path seq = dir.resolve("seq");
        assertThat(Main.execute(concat(concat(new String[] {"sweep"}, SLOW_GRID), "--out", seq.toString(), "--executor", "forkjoin", "-q"))).isZero();
        assertThat(Files.readAllBytes(out.resolve("summary.csv"))).isEqualTo(Files.readAllBytes(seq.resolve("summary.csv")));
    }

    /** Task indices with an {@code ok} line, over all shard logs (a task counted twice ran twice). */
    private static List<Integer> okIndices(Path out) throws IOException {
        List<Integer> ok = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            List<String> log = lines(out.resolve("joblog." + k + "-of-3.tsv"));
            if (log.isEmpty()) {
                continue;
            }
            int status = List.of(log.get(0).split("\t")).indexOf("status");
            log.stream().skip(1).map(l -> l.split("\t")).filter(f -> f[status].equals("ok"))
                    .forEach(f -> ok.add(Integer.parseInt(f[0])));
        }
        return ok;
    }

    private static String awaitJobId(Path out, Process p) throws Exception {
        Path state = out.resolve("slurm/array.tsv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            for (String l : lines(state)) {
                if (l.startsWith("job\t")) {
                    return l.split("\t")[1];
                }
            }
            assertThat(p.isAlive()).as("coordinator alive before submitting").isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("no array job submitted within 120 s");
    }

    private static Process start(Path out, String[] grid, String... more) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "sweep"));
        cmd.addAll(List.of(grid));
        cmd.addAll(List.of("--out", out.toString(), "--executor", "slurm", "--poll", "0.5"));
        cmd.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(slurmEnv());
        Files.createDirectories(out.getParent());
        String name = out.getFileName() + "-" + System.nanoTime();
        pb.redirectOutput(out.resolveSibling(name + ".stdout").toFile());
        pb.redirectError(out.resolveSibling(name + ".stderr").toFile());
        Process p = pb.start();
        outputs.put(p, out.resolveSibling(name));
        return p;
    }

    private static final Map<Process, Path> outputs = new HashMap<>();

    private static Result finish(Process p, Path out) throws Exception {
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("coordinator finished").isTrue();
        Path base = outputs.remove(p);
        return new Result(p.exitValue(), Files.readString(Path.of(base + ".stdout")), Files.readString(Path.of(base + ".stderr")));
    }

    private static Result coordinator(Path out, String[] grid, String... more) throws Exception {
        return finish(start(out, grid, more), out);
    }

    private static Map<String, String> slurmEnv() {
        return Map.of("SLURM_CONF", slurmConf);
    }

    private static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("scripts/slurm-local");
            if (Files.isExecutable(s)) {
                return s;
            }
        }
        return null;
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> cmd) {
        return run(cmd, Map.of());
    }

    private static Result run(List<String> cmd, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(env);
            Path err = Files.createTempFile("mcsweep-slurm-test", ".err");
            try {
                Process p = pb.redirectError(err.toFile()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, out, "timed out");
                }
                return new Result(p.exitValue(), out, Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Result(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", e.toString());
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    private static List<String> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
