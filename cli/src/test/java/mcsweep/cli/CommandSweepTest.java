package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mcsweep sweep --command}: a program of the user's, written by the test, as the task. */
@Timeout(180)
class CommandSweepTest {

    @TempDir
    Path dir;

    /** A stand-in for the lesson's mc.py: X0 BETA H N FILE SEED; fails for beta = 3. */
    private Path script() throws IOException {
        Path s = dir.resolve("mc.sh");
        Files.writeString(s, """
                #!/bin/sh
                echo "running x0=$1 beta=$2"
                if [ "$2" = 3.0 ]; then echo "beta 3 is not supported" >&2; exit 4; fi
                printf 'x0,beta,h,n,seed\\n%s,%s,%s,%s,%s\\n' "$1" "$2" "$3" "$4" "$6" > "$5"
                """);
        return s;
    }

    private Cli sweep(Path out, String executor, String betas) throws IOException {
        return Cli.run("sweep", "--command", "sh " + script() + " {x0} {beta} {h} {iterations} {file} {seed}",
                "--x0", "0.5,1", "--beta", betas, "--h", "1", "--iterations", "100", "--out", out.toString(),
                "-e", executor, "-j", "2", "-q");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"threads", "pool", "process"})
    void runsTheProgramPerTaskWithItsValuesUnderEveryExecutor(String executor) throws IOException {
        Cli reference = sweep(dir.resolve("sequential"), "sequential", "0.5,2");
        Cli other = sweep(dir.resolve(executor), executor, "0.5,2");

        assertThat(reference.exitCode()).as(reference.err()).isZero();
        assertThat(other.exitCode()).as(other.err()).isZero();
        Map<String, String> files = files(dir.resolve("sequential"));
        assertThat(files.keySet()).containsExactly("b0.5_m0.5_h1.0.csv", "b0.5_m1.0_h1.0.csv",
                "b2.0_m0.5_h1.0.csv", "b2.0_m1.0_h1.0.csv");
        assertThat(files(dir.resolve(executor))).isEqualTo(files);
        assertThat(files.get("b2.0_m1.0_h1.0.csv")).startsWith("x0,beta,h,n,seed\n1.0,2.0,1.0,100,");
        assertThat(dir.resolve(executor).resolve("logs/task-3.out")).hasContent("running x0=1.0 beta=2.0");
    }

    @Test
    void passesTheTasksSeedAsInSummaryCsv() throws IOException {
        Path out = dir.resolve("out");
        assertThat(sweep(out, "sequential", "0.5").exitCode()).isZero();

        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(summary.get(0)).startsWith("index,x0,beta,h,replica,seed,rng,file,status,exit_status,bytes,");
        String[] row = summary.get(1).split(",");
        String written = Files.readAllLines(out.resolve(row[7])).get(1);
        assertThat(written.substring(written.lastIndexOf(',') + 1)).isEqualTo(Long.toUnsignedString(Long.parseLong(row[5])));
        assertThat(row[8]).isEqualTo("ok");
        assertThat(Double.parseDouble(row[10])).isEqualTo(Files.size(out.resolve(row[7])));
    }

    @Test
    void aProgramThatFailsFailsItsTaskAndWritesNoFile() throws IOException {
        Path out = dir.resolve("out");
        Cli r = sweep(out, "threads", "0.5,3");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED_BASE + 2);
        assertThat(r.err()).contains("failed: IOException: command exited with status 4; see logs/task-1.err");
        assertThat(out.resolve("logs/task-1.err")).hasContent("beta 3 is not supported");
        assertThat(files(out).keySet()).containsExactly("b0.5_m0.5_h1.0.csv", "b0.5_m1.0_h1.0.csv");
        assertThat(Files.readString(out.resolve("summary.csv"))).contains(",failed,");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pool", "process"})
    void aTimedOutTaskInAWorkerJvmTakesItsProgramAlong(String executor) throws Exception {
        Path pid = dir.resolve("pid");
        Cli r = Cli.run("sweep", "--command", "sleep 120 & echo $! > " + pid + "; wait", "--iterations", "1",
                "--out", dir.resolve("out").toString(), "-e", executor, "--timeout", "2", "-q");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED_BASE + 1);
        long sleeper = Long.parseLong(Files.readString(pid).trim());
        assertThat(gone(sleeper)).as("the program " + sleeper + " outlived its task").isTrue();
    }

    /** Killed: gone, or a zombie waiting for whoever inherited it (a container's init may never reap it). */
    private static boolean gone(long pid) throws Exception {
        for (int i = 0; i < 500; i++) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)
                    || (Files.exists(stat) && Files.readString(stat).replaceFirst(".*\\) ", "").startsWith("Z"))) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Test
    void anEmptyCommandIsBadInput() {
        Cli r = Cli.run("sweep", "--command", " ", "--iterations", "1", "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("mcsweep: --command: empty command\n");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    /** The task files of a folder (not summary.csv, logs or the script). */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("b")).toList()) {
                m.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return m;
    }
}
