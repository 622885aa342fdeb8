package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --shard K/N} and {@code mcsweep merge}: shards 1..N merged are the unsharded sweep. */
class ShardMergeTest {

    private static final String[] GRID = {"sweep", "--beta", "0.5,1,2", "--x0", "0.5,1,2", "--h", "0.5,1",
        "--replicas", "2", "--iterations", "500", "-q"};

    @TempDir
    Path dir;

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 3, 5})
    void shardsInTheirOwnFoldersMergedEqualTheUnshardedSweep(int n) throws Exception {
        Path whole = dir.resolve("whole");
        assertThat(Cli.run(with(GRID, "--out", whole.toString())).exitCode()).isZero();
        List<String> dirs = new ArrayList<>(List.of("merge"));
        int total = 0;
        for (int k = 1; k <= n; k++) {
            Path shard = dir.resolve("shard" + k);
            Cli r = Cli.run(with(GRID, "--out", shard.toString(), "--shard", k + "/" + n));
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(ResumeTest.files(shard)).contains("joblog." + k + "-of-" + n + ".tsv",
                    "summary." + k + "-of-" + n + ".csv", "sweep.toml");
            total += JobLog.read(shard.resolve("joblog." + k + "-of-" + n + ".tsv"),
                    SweepCommand.kernel("metropolis")).size();
            dirs.add(shard.toString());
        }
        assertThat(total).as("the slices partition the tasks").isEqualTo(36);
        Path merged = dir.resolve("merged");
        dirs.set(0, "merge");
        List<String> args = new ArrayList<>(dirs);
        args.addAll(List.of("--out", merged.toString()));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("36 tasks, 36 ok, 0 failed");
        ResumeTest.assertSameResults(whole, merged);
        assertThat(JobLog.read(merged.resolve(JobLog.FILE), SweepCommand.kernel("metropolis"))).hasSize(36);
    }

    @Test
    void shardsInOneFolderKeepTheirOwnJobLogsAndMergeInPlace() throws Exception {
        Path whole = dir.resolve("whole");
        assertThat(Cli.run(with(GRID, "--out", whole.toString())).exitCode()).isZero();
        Path shared = dir.resolve("shared");
        for (int k = 1; k <= 2; k++) {
            assertThat(Cli.run(with(GRID, "--out", shared.toString(), "--shard", k + "/2")).exitCode()).isZero();
        }
        Cli r = Cli.run("merge", shared.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String f : ResumeTest.files(whole)) {
            if (!f.startsWith("joblog")) {
                assertThat(Files.mismatch(whole.resolve(f), shared.resolve(f))).as(f).isEqualTo(-1);
            }
        }
        // merging again reads the shard logs, not the merged joblog.tsv: no duplicates
        assertThat(Cli.run("merge", shared.toString()).exitCode()).isZero();
    }

    @Test
    void aMissingShardOrAnOverlapIsRefusedAndNothingIsWritten() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        assertThat(Cli.run(with(GRID, "--out", a.toString(), "--shard", "1/3")).exitCode()).isZero();
        assertThat(Cli.run(with(GRID, "--out", b.toString(), "--shard", "2/3")).exitCode()).isZero();
        Path merged = dir.resolve("merged");
        Cli missing = Cli.run("merge", a.toString(), b.toString(), "--out", merged.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).startsWith("mcsweep: merge: 12 of 36 tasks have not run: 2, 5, 8,")
                .contains("--resume").hasLineCount(1);
        assertThat(merged).doesNotExist();

        assertThat(Cli.run(with(GRID, "--out", c.toString(), "--shard", "1/2")).exitCode()).isZero();
        Cli overlap = Cli.run("merge", a.toString(), b.toString(), c.toString(), "--out", merged.toString());
        assertThat(overlap.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(overlap.err()).contains("appear in two job logs: 0 (").hasLineCount(1);
        assertThat(merged).doesNotExist();
    }

    @Test
    void foldersOfDifferentSweepsOrADamagedFileAreRefused() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(Cli.run(with(GRID, "--out", a.toString(), "--shard", "1/2")).exitCode()).isZero();
        assertThat(Cli.run(with(GRID, "--out", b.toString(), "--shard", "2/2", "--seed", "7")).exitCode()).isZero();
        Cli r = Cli.run("merge", a.toString(), b.toString(), "--out", dir.resolve("m").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("holds another sweep than").contains("seed 7");

        Path b2 = dir.resolve("b2");
        assertThat(Cli.run(with(GRID, "--out", b2.toString(), "--shard", "2/2")).exitCode()).isZero();
        String name = ResumeTest.files(b2).stream().filter(f -> f.startsWith("b")).findFirst().orElseThrow();
        Path victim = b2.resolve(name);
        byte[] bytes = Files.readAllBytes(victim);
        bytes[10] ^= 1;
        Files.write(victim, bytes);
        r = Cli.run("merge", a.toString(), b2.toString(), "--out", dir.resolve("m").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("missing or changed file").contains(name);
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void aBadShardIsOneLine() {
        for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/0")) {
            Cli r = Cli.run(with(GRID, "--out", dir.resolve("x").toString(), "--shard", bad));
            assertThat(r.exitCode()).as(bad).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(bad).startsWith("mcsweep: --shard: ").hasLineCount(1);
        }
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
