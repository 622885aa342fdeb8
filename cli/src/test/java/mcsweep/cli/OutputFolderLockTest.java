package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One sweep at a time per output folder: a second one refuses in one line and writes nothing. */
class OutputFolderLockTest {

    @TempDir
    Path dir;

    private String[] sweep(Path out, String template) {
        return new String[] {"sweep", "--beta", "1,2", "--x0", "1", "--h", "1", "--iterations", "100", "-q",
            "--template", template, "--out", out.toString()};
    }

    @Test
    @Timeout(120)
    void aSecondSweepIntoAFolderInUseByAnotherProcessIsRefusedAndTheLockDiesWithTheFirstEvenByKill9()
            throws Exception {
        Path out = dir.resolve("out");
        // One task long enough to outlive the test's second sweep; summaries only, so it writes nothing
        // while it runs.
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sweep", "--beta", "1", "--x0", "1", "--h", "1", "--iterations", "4000000000", "--format", "none",
                "-e", "sequential", "-q", "--out", out.toString());
        Process first = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile()).start();
        try {
            // Locked, and past its set-up (sweep.toml written, job log opened): from then on it writes nothing.
            while (!lockedBy(out, first.pid()) || !Files.exists(out.resolve(SweepFiles.JOB_LOG))) {
                assertThat(first.isAlive()).as("first sweep running").isTrue();
                Thread.sleep(20);
            }
            Map<String, Long> before = listing(out);

            Cli second = Cli.run(sweep(out, "second_{beta}.csv"));

            assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(second.err()).isEqualTo("mcsweep: --out: folder " + out + " is in use by another sweep (process "
                    + first.pid() + "); wait for it to end, or choose another --out" + System.lineSeparator());
            assertThat(second.out()).isEmpty();
            assertThat(listing(out)).isEqualTo(before);
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to unlock
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        // The OS dropped the lock with the process: the folder is free again at once (a sweep into it now meets
        // the killed sweep's definition, which is --resume's business, not the lock's).
        try (OutputFolder.Lock again = OutputFolder.lock("--out", out)) {
            assertThat(again.isHeld()).isTrue();
        }
    }

    @Test
    @Timeout(120)
    void shardsOfOneSweepShareTheFolderButExcludeTheWholeSweepAndTheirOwnTwin() throws Exception {
        Path out = dir.resolve("out");
        // Shard 1 of 2 in another process (a Slurm array element), running long; summaries only.
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sweep", "--beta", "1,2", "--x0", "1", "--h", "1", "--iterations", "4000000000", "--format", "none",
                "-e", "sequential", "-q", "--shard", "1/2", "--out", out.toString());
        Process first = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile()).start();
        try {
            Path shardLock = out.resolve(".mcsweep.1-of-2.lock");
            while (!(Files.exists(shardLock) && Files.readString(shardLock).trim().equals(Long.toString(first.pid())))) {
                assertThat(first.isAlive()).as("first shard running").isTrue();
                Thread.sleep(20);
            }
            try (OutputFolder.Lock other = OutputFolder.lock("--out", out, Shard.parse("2/2"))) {
                assertThat(other.isHeld()).as("another shard runs beside it").isTrue();
            }
            assertThatThrownBy(() -> OutputFolder.lock("--out", out, Shard.parse("1/2")))
                    .isInstanceOf(UserError.class).hasMessageContaining("in use by another sweep");
            assertThatThrownBy(() -> OutputFolder.lock("--out", out))
                    .isInstanceOf(UserError.class).hasMessageContaining("in use by another sweep");
        } finally {
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (OutputFolder.Lock whole = OutputFolder.lock("--out", out)) {
            assertThat(whole.isHeld()).isTrue();
        }
    }

    @Test
    void aSweepIsRefusedWhileThisJvmHoldsTheFolderAndRunsOnceItIsReleased() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        try (OutputFolder.Lock lock = OutputFolder.lock("--out", out)) {
            assertThat(lock.isHeld()).isTrue();
            Cli r = Cli.run(sweep(out, "b{beta}.csv"));
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("is in use by another sweep").doesNotContain("\tat ");
            assertThat(out.resolve("b1.0.csv")).doesNotExist();
            assertThatThrownBy(() -> OutputFolder.lock("--out", out)).isInstanceOf(UserError.class);
        }
        Cli r = Cli.run(sweep(out, "b{beta}.csv"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        // ...and a finished sweep let go of it.
        try (OutputFolder.Lock again = OutputFolder.lock("--out", out)) {
            assertThat(again.isHeld()).isTrue();
        }
    }

    /** Whether process {@code pid} holds the folder's lock: it writes its pid into the file once it does. */
    private static boolean lockedBy(Path out, long pid) throws IOException {
        Path lock = out.resolve(SweepFiles.LOCK);
        return Files.exists(lock) && Files.readString(lock).trim().equals(Long.toString(pid));
    }

    private static Map<String, Long> listing(Path out) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.toList()) {
                m.put(out.relativize(f) + "@" + Files.getLastModifiedTime(f).toMillis(), Files.size(f));
            }
        }
        return m;
    }
}
