package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import mcsweep.kernel.Kernels;
import mcsweep.kernel.MetropolisKernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job log and {@code --resume}: a sweep killed at any instant finishes as if it had never stopped. */
class ResumeTest {

    /** 18 tasks; heavy enough that a kill lands mid-sweep. */
    private static final String[] GRID = {"sweep", "--beta", "0.5:3:0.5", "--x0", "0.5,1,2", "--h", "1",
        "--iterations", "600000", "-q", "--workers", "2"};
    private static final int TASKS = 18;

    @TempDir
    Path dir;

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    /** The folder's files, but for the sweep's lock files (bookkeeping that stays, hidden, for the next sweep). */
    static List<String> files(Path d) throws Exception {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).filter(f -> !f.startsWith(".mcsweep.")).sorted().toList();
        }
    }

    /** Every file of {@code actual} but the job log is byte-identical to {@code expected}'s, and no more. */
    static void assertSameResults(Path expected, Path actual) throws Exception {
        List<String> names = files(expected).stream().filter(f -> !f.startsWith("joblog")).toList();
        assertThat(files(actual).stream().filter(f -> !f.startsWith("joblog"))).containsExactlyElementsOf(names);
        for (String f : names) {
            assertThat(Files.mismatch(expected.resolve(f), actual.resolve(f))).as(f).isEqualTo(-1);
        }
    }

    private static Map<Integer, JobLog.Entry> latest(Path log) throws Exception {
        return JobLog.latest(JobLog.read(log, Kernels.byName(MetropolisKernel.NAME)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"forkjoin", "pool"})
    @Timeout(300)
    void aSweepKilledAtARandomMomentResumesRunningExactlyTheMissingTasksAndEndsByteIdentical(String executor)
            throws Exception {
        Path ref = dir.resolve("ref");
        assertThat(Cli.run(with(GRID, "--out", ref.toString(), "-e", "sequential")).exitCode()).isZero();

        Path out = dir.resolve("out");
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(with(GRID, "--out", out.toString(), "-e", executor)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.txt").toFile())
                .start();
        // A random moment measured in progress, not in time: after the k-th task's log line plus a short random
        // delay (mid-task, mid-write or between tasks). A delay of up to 400 ms after the first task, as this
        // test had, outlasted the whole sweep once the kernel got faster.
        int afterTasks = 1 + ThreadLocalRandom.current().nextInt(TASKS / 2);
        long delayMs = ThreadLocalRandom.current().nextLong(0, 30);
        try {
            Path log = out.resolve(JobLog.FILE);
            while (p.isAlive() && !(Files.exists(log) && Files.readAllLines(log).size() >= 1 + afterTasks)) {
                Thread.sleep(2);
            }
            Thread.sleep(delayMs);
            assertThat(p.isAlive()).as("still sweeping %d ms after task %d ended", delayMs, afterTasks).isTrue();
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        Map<Integer, JobLog.Entry> before = latest(out.resolve(JobLog.FILE));
        Set<Integer> done = new HashSet<>();
        before.forEach((i, e) -> {
            if (e.ok()) {
                done.add(i);
            }
        });
        assertThat(done).as("killed %d ms after task %d", delayMs, afterTasks).isNotEmpty().hasSizeLessThan(TASKS);
        int linesBefore = JobLog.read(out.resolve(JobLog.FILE), Kernels.byName(MetropolisKernel.NAME)).size();

        Cli r = Cli.run(with(GRID, "--out", out.toString(), "-e", executor, "--resume"));
        assertThat(r.exitCode()).as(r.err()).isZero();

        List<JobLog.Entry> after = JobLog.read(out.resolve(JobLog.FILE), Kernels.byName(MetropolisKernel.NAME));
        List<Integer> rerun = after.subList(linesBefore, after.size()).stream().map(JobLog.Entry::index).sorted().toList();
        List<Integer> missing = IntStream.range(0, TASKS).filter(i -> !done.contains(i)).boxed().toList();
        assertThat(rerun).as("tasks run by --resume (killed after %d ms)", delayMs).isEqualTo(missing);
        assertSameResults(ref, out);
        assertThat(files(out)).noneMatch(f -> f.endsWith(".tmp"));
    }

    @Test
    void resumeIsRefusedWhenTheDefinitionChangedAndTheFolderIsLeftAlone() throws Exception {
        Path out = dir.resolve("out");
        String[] small = {"sweep", "--beta", "1,2", "--x0", "1", "--h", "1", "--iterations", "1000", "-q",
            "--out", out.toString()};
        assertThat(Cli.run(small).exitCode()).isZero();
        Map<String, byte[]> snapshot = snapshot(out);

        for (String[] change : List.of(new String[] {"--iterations", "2000"}, new String[] {"--seed", "7"},
                new String[] {"--beta", "1,3"}, new String[] {"--rng", "Xoroshiro128PlusPlus"})) {
            List<String> args = new ArrayList<>(List.of(small));
            int at = args.indexOf(change[0]);
            if (at >= 0) {
                args.set(at + 1, change[1]);
            } else {
                args.addAll(List.of(change));
            }
            args.add("--resume");
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", change)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.err()).startsWith("mcsweep: --out " + out + " holds another sweep's results (")
                    .contains(change[0].substring(2)).contains("--out DIR");
            assertThat(snapshot(out)).as("nothing written").containsExactlyInAnyOrderEntriesOf(snapshot);
        }
        // without --resume too: a folder is never mixed from two sweeps
        Cli r = Cli.run("sweep", "--beta", "1,2", "--x0", "1", "--h", "1", "--iterations", "5000", "-q",
                "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("iterations 5000 here, 1000 in sweep.toml").contains("--resume")
                .contains("choose another --out");
        assertThat(snapshot(out)).containsExactlyInAnyOrderEntriesOf(snapshot);
    }

    @Test
    void aCorruptedOutputFileIsDetectedByResumeAndRerun() throws Exception {
        Path out = dir.resolve("out");
        String[] sweep = {"sweep", "--beta", "1,2,3", "--x0", "1", "--h", "1", "--iterations", "2000", "-q",
            "--out", out.toString()};
        assertThat(Cli.run(sweep).exitCode()).isZero();
        Path victim = out.resolve("b2.0_m1.0_h1.0.csv");
        byte[] original = Files.readAllBytes(victim);
        byte[] damaged = original.clone();
        damaged[damaged.length / 2] ^= 0x01; // one bit of one byte
        Files.write(victim, damaged);
        FileTime untouched = Files.getLastModifiedTime(out.resolve("b1.0_m1.0_h1.0.csv"));
        int lines = Files.readAllLines(out.resolve(JobLog.FILE)).size();

        Cli r = Cli.run(with(sweep, "--resume"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(victim)).isEqualTo(original);
        List<String> log = Files.readAllLines(out.resolve(JobLog.FILE));
        assertThat(log).hasSize(lines + 1);
        assertThat(log.get(lines)).startsWith("1\t");
        assertThat(Files.getLastModifiedTime(out.resolve("b1.0_m1.0_h1.0.csv"))).isEqualTo(untouched);
    }

    @Test
    void aFolderWrittenUnderSchemeV2ResumesUnderV2WithoutNamingItAndRefusesAnExplicitV3() throws Exception {
        Path out = dir.resolve("out");
        String[] sweep = {"sweep", "--beta", "1,2,3", "--x0", "1", "--h", "1", "--iterations", "2000", "-q",
            "--out", out.toString()};
        // As a sweep run before v3 became the default wrote it.
        assertThat(Cli.run(with(sweep, "--scheme", "v2")).exitCode()).isZero();
        assertThat(Files.readString(out.resolve(SweepDefinition.FILE))).contains("scheme = \"v2\"");
        Path victim = out.resolve("b2.0_m1.0_h1.0.csv");
        byte[] original = Files.readAllBytes(victim);
        Files.delete(victim);

        // The old command line, without --scheme: it continues in v2 and rewrites the same bytes.
        Cli r = Cli.run(with(sweep, "--resume"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(victim)).isEqualTo(original);
        assertThat(Files.readString(out.resolve(SweepDefinition.FILE))).contains("scheme = \"v2\"");

        Map<String, byte[]> snapshot = snapshot(out);
        Cli v3 = Cli.run(with(sweep, "--scheme", "v3", "--resume"));
        assertThat(v3.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(v3.err()).contains("scheme v3 here, v2 in sweep.toml");
        assertThat(snapshot(out)).containsExactlyInAnyOrderEntriesOf(snapshot);

        // A new folder gets the default, v4, whose traces differ.
        Path fresh = dir.resolve("fresh");
        String[] again = sweep.clone();
        again[again.length - 1] = fresh.toString();
        assertThat(Cli.run(again).exitCode()).isZero();
        assertThat(Files.readString(fresh.resolve(SweepDefinition.FILE))).contains("scheme = \"v4\"");
        assertThat(Files.readAllBytes(fresh.resolve("b2.0_m1.0_h1.0.csv"))).isNotEqualTo(original);
    }

    @Test
    void resumeCleansLeftoverTemporaryFilesAndASweepWithNothingLeftRunsNothing() throws Exception {
        Path out = dir.resolve("out");
        String[] sweep = {"sweep", "--beta", "1,2", "--x0", "1", "--h", "1", "--iterations", "1000",
            "--out", out.toString()};
        assertThat(Cli.run(with(sweep, "-q")).exitCode()).isZero();
        Files.writeString(out.resolve(".b1.0_m1.0_h1.0.csv.tmp"), "half a trace");
        Files.writeString(out.resolve(".b2.0_m1.0_h1.0.csv.1234.tmp"), "half a trace");
        Files.writeString(out.resolve("my-notes.txt"), "mine");
        int lines = Files.readAllLines(out.resolve(JobLog.FILE)).size();

        Cli r = Cli.run(with(sweep, "--resume"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("removed 2 temporary file(s)").contains("resuming: 2 of 2 tasks kept")
                .contains("0 to run");
        assertThat(files(out)).containsExactly("b1.0_m1.0_h1.0.csv", "b2.0_m1.0_h1.0.csv", "joblog.tsv", "my-notes.txt",
                "summary.csv", "sweep.toml");
        assertThat(Files.readAllLines(out.resolve(JobLog.FILE))).hasSize(lines);
        assertThat(r.out()).contains("b2.0_m1.0_h1.0.csv"); // the table covers kept tasks too
    }

    @Test
    void withoutResumeTheSameSweepStartsOverWithAFreshJobLog() throws Exception {
        Path out = dir.resolve("out");
        String[] sweep = {"sweep", "--beta", "1,2", "--x0", "1", "--h", "1", "--iterations", "1000", "-q",
            "--out", out.toString()};
        assertThat(Cli.run(sweep).exitCode()).isZero();
        assertThat(Cli.run(sweep).exitCode()).isZero();
        assertThat(latest(out.resolve(JobLog.FILE))).hasSize(2);
        assertThat(Files.readAllLines(out.resolve(JobLog.FILE))).hasSize(3);
    }

    static Map<String, byte[]> snapshot(Path d) throws Exception {
        Map<String, byte[]> m = new HashMap<>();
        for (String f : files(d)) {
            m.put(f, Files.readAllBytes(d.resolve(f)));
        }
        return m;
    }
}
