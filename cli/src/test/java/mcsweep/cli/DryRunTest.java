package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {

    @TempDir
    Path dir;

    @Test
    void printsTheTasksAndTotalsAndCreatesNothing() throws Exception {
        Path out = dir.resolve("new");
        Cli r = Cli.run("sweep", "--beta", "0.5,1", "--x0", "0.0001", "--h", "1", "--replicas", "2",
                "--iterations", "1000", "--out", out.toString(), "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out).doesNotExist();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList()).hasSize(6);
        assertThat(r.out().lines().findFirst().orElseThrow()).matches("index +x0 +h +beta +replica +seed +file");
        assertThat(r.out()).contains("b0.5_m0.0001_h1.0_r1.csv")
                .contains("4 tasks, 4 to run, 4000 iterations to run; nothing written (--dry-run)");
    }

    @Test
    void onAnExistingSweepWithResumeItShowsWhatWouldRunAndTouchesNoFile() throws Exception {
        Path out = dir.resolve("s");
        String[] sweep = {"sweep", "--beta", "0.5,1,2", "--x0", "1", "--h", "1", "--iterations", "1000", "-q",
            "--out", out.toString()};
        assertThat(Cli.run(sweep).exitCode()).isZero();
        Files.delete(out.resolve("b1.0_m1.0_h1.0.csv"));
        Files.writeString(out.resolve(".b1.0_m1.0_h1.0.csv.tmp"), "leftover");
        Map<String, FileTime> times = new HashMap<>();
        for (String f : ResumeTest.files(out)) {
            times.put(f, Files.getLastModifiedTime(out.resolve(f)));
        }
        Map<String, byte[]> before = ResumeTest.snapshot(out);

        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(sweep),
                java.util.stream.Stream.of("--resume", "--dry-run", "--shard", "2/2")).toArray(String[]::new);
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 tasks (shard 2/2 of a 3-task sweep), 1 to run, 0 kept"); // a shard has its own log

        Cli all = Cli.run(java.util.stream.Stream.concat(java.util.Arrays.stream(sweep),
                java.util.stream.Stream.of("--resume", "--dry-run")).toArray(String[]::new));
        assertThat(all.out()).contains("keep (ok)").contains("3 tasks, 1 to run, 2 kept, 1000 iterations to run");
        assertThat(ResumeTest.snapshot(out)).containsExactlyInAnyOrderEntriesOf(before);
        for (String f : ResumeTest.files(out)) {
            assertThat(Files.getLastModifiedTime(out.resolve(f))).as(f).isEqualTo(times.get(f));
        }
    }

    @Test
    void badInputInADryRunIsTheSameOneLineError() {
        Cli r = Cli.run("sweep", "--beta", "0", "--x0", "1", "--h", "1", "--iterations", "10", "--dry-run",
                "--out", dir.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mcsweep: --beta: 0.0 is out of range").hasLineCount(1);
        assertThat(r.out()).isEmpty();
    }
}
