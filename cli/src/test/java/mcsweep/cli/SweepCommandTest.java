package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    @TempDir
    Path dir;

    private static final String[] LESSON = {"sweep", "--zip", "--beta", "0.5,0.5,1,1,1,2,2",
        "--x0", "0.5,1,0.5,1,2,1,2", "--h", "1", "--iterations", "20000"};

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    private static List<String> files(Path d) throws Exception {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theLessonSweepWritesItsSevenTracesNamedLikeTheLessonAndASummaryInTaskOrder() throws Exception {
        Path out = dir.resolve("lesson");
        Cli r = Cli.run(with(LESSON, "--out", out.toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(files(out)).containsExactly("b0.5_m0.5_h1.0.csv", "b0.5_m1.0_h1.0.csv", "b1.0_m0.5_h1.0.csv",
                "b1.0_m1.0_h1.0.csv", "b1.0_m2.0_h1.0.csv", "b2.0_m1.0_h1.0.csv", "b2.0_m2.0_h1.0.csv", "joblog.tsv", "summary.csv", "sweep.toml");
        List<String> trace = Files.readAllLines(out.resolve("b2.0_m1.0_h1.0.csv"));
        assertThat(trace).hasSize(20_001);
        assertThat(trace.get(0)).isEqualTo("x,accept");
        assertThat(trace.get(1)).matches("-?[0-9.E-]+,[01]");

        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(summary).hasSize(8);
        assertThat(summary.get(0)).startsWith("index,x0,h,beta,replica,seed,rng,file,status,iterations,acceptance,");
        for (int i = 1; i <= 7; i++) {
            assertThat(summary.get(i)).startsWith((i - 1) + ",").contains(",ok,");
        }
        assertThat(summary.get(6)).startsWith("5,1.0,1.0,2.0,0,");
        assertThat(r.out()).contains("mean_x2 ± err").contains("b2.0_m2.0_h1.0.csv");
    }

    @Test
    void theSameSweepGivesByteIdenticalFilesAndAnotherSeedDifferentOnes() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        assertThat(Cli.run(with(LESSON, "--out", a.toString())).exitCode()).isZero();
        assertThat(Cli.run(with(LESSON, "--out", b.toString())).exitCode()).isZero();
        assertThat(Cli.run(with(LESSON, "--out", c.toString(), "--seed", "7")).exitCode()).isZero();
        for (String f : files(a)) {
            if (f.endsWith(".csv") && !f.equals("summary.csv")) {
                assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1);
                assertThat(Files.mismatch(a.resolve(f), c.resolve(f))).as(f).isNotEqualTo(-1);
            }
        }
        // Different tasks of one sweep get different streams.
        assertThat(Files.mismatch(a.resolve("b1.0_m1.0_h1.0.csv"), a.resolve("b2.0_m1.0_h1.0.csv"))).isNotEqualTo(-1);
    }

    @Test
    void extendingASweepLeavesTheTasksAlreadyRunUnchanged() throws Exception {
        Path small = dir.resolve("small");
        Path big = dir.resolve("big");
        assertThat(Cli.run("sweep", "--beta", "1", "--x0", "1", "--h", "0.5,1", "--iterations", "5000",
                "--out", small.toString()).exitCode()).isZero();
        assertThat(Cli.run("sweep", "--beta", "0.5,1,2", "--x0", "0,1", "--h", "0.5,1,2", "--iterations", "5000",
                "--out", big.toString()).exitCode()).isZero();
        for (String f : List.of("b1.0_m1.0_h0.5.csv", "b1.0_m1.0_h1.0.csv")) {
            assertThat(Files.mismatch(small.resolve(f), big.resolve(f))).as(f).isEqualTo(-1);
        }
    }

    @Test
    void theProductCoversEveryCombinationAndReplicasGetTheirOwnStreams() throws Exception {
        Path out = dir.resolve("grid");
        Cli r = Cli.run("sweep", "--beta", "0.5:1.5:0.5", "--x0", "0,1", "--h", "1", "--replicas", "2",
                "--iterations", "100", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(files(out)).hasSize(3 * 2 * 2 + 3).contains("b1.5_m1.0_h1.0_r1.csv", "b0.5_m0.0_h1.0_r0.csv");
        assertThat(Files.mismatch(out.resolve("b1.5_m1.0_h1.0_r0.csv"), out.resolve("b1.5_m1.0_h1.0_r1.csv")))
                .isNotEqualTo(-1);
    }

    @Test
    void repeatedValuesAreReplicasWithTheirOwnStreamsAndReplicaZeroIsTheSingleRun() throws Exception {
        Path out = dir.resolve("rep");
        Cli r = Cli.run("sweep", "--zip", "--beta", "1,1,2", "--x0", "1", "--h", "1", "--iterations", "500",
                "--template", "b{beta}_r{replica}.csv", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(files(out)).containsExactly("b1.0_r0.csv", "b1.0_r1.csv", "b2.0_r0.csv", "joblog.tsv", "summary.csv", "sweep.toml");
        assertThat(Files.mismatch(out.resolve("b1.0_r0.csv"), out.resolve("b1.0_r1.csv"))).isNotEqualTo(-1);
        Path single = dir.resolve("single");
        Cli.run("sweep", "--beta", "1", "--x0", "1", "--h", "1", "--iterations", "500",
                "--template", "b{beta}_r{replica}.csv", "--out", single.toString());
        assertThat(Files.mismatch(out.resolve("b1.0_r0.csv"), single.resolve("b1.0_r0.csv"))).isEqualTo(-1);
    }

    @Test
    void runTakesTheLessonArgumentsAndGivesTheSameTraceAsTheSweep() throws Exception {
        Path out = dir.resolve("s");
        assertThat(Cli.run("sweep", "--beta", "2", "--x0", "0.5", "--h", "0.25", "--iterations", "3000",
                "--out", out.toString()).exitCode()).isZero();
        Path single = dir.resolve("one.dat");
        Cli r = Cli.run("run", "0.5", "2", "0.25", "3000", single.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.mismatch(single, out.resolve("b2.0_m0.5_h0.25.csv"))).isEqualTo(-1);
        assertThat(files(dir)).doesNotContain("summary.csv");
    }

    @Test
    void formatNoneWritesOnlyTheSummary() throws Exception {
        Path out = dir.resolve("n");
        Cli r = Cli.run("sweep", "--beta", "1,2", "--x0", "1", "--h", "1", "--iterations", "1000", "--format", "none",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(files(out)).containsExactly("joblog.tsv", "summary.csv", "sweep.toml");
    }

    @Test
    void listsExecutorsAndKernels() {
        assertThat(Cli.run("executors").out()).contains("sequential");
        assertThat(Cli.run("kernels").out()).contains("metropolis").contains("beta");
        Cli help = Cli.run("sweep", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--iterations").contains("--executor").contains("Exit codes");
    }
}
