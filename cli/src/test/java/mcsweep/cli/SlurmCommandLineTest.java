package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --executor slurm} and {@code mcsweep slurm-script} on bad input and on a recorded array; no Slurm needed. */
class SlurmCommandLineTest {

    private static final String[] SWEEP = {"--beta", "0.5,1", "--x0", "1,2", "--h", "1", "--iterations", "100"};

    private static Cli script(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("slurm-script"));
        args.addAll(List.of(SWEEP));
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void slurmScriptPrintsTheScriptWithTheSweepsOptionsAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("out");
        Cli r = script(out, "--array", "3", "-j", "4", "--slurm-opt=--account=proj42", "--param=rng=1");
        assertThat(r.err()).contains("no parameter 'rng'");
        r = script(out, "--array", "3", "-j", "4", "--slurm-opt=--account=proj42", "--inner-executor", "threads");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().replace(" \\\n    ", " ")).startsWith("#!/bin/bash\n").contains("#SBATCH --array=0-2\n", "#SBATCH --cpus-per-task=4\n",
                "#SBATCH --account=proj42\n", "sweep --beta 0.5,1 --h 1 --iterations 100 --x0 1,2 --out " + out,
                "--executor threads --workers \"${SLURM_CPUS_PER_TASK:-4}\" --shard \"$shard/3\" --resume --quiet");
        assertThat(out).doesNotExist();
    }

    @Test
    void slurmOptionsGivenWithAnotherExecutorAreNamedInAWarning(@TempDir Path dir) {
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(List.of(SWEEP));
        args.addAll(List.of("--out", dir.resolve("out").toString(), "--format", "none", "-q", "--executor",
                "sequential", "--poll", "5", "--no-wait"));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains(
                "mcsweep: warning: --no-wait, --poll only apply to --executor slurm; ignored with sequential");
    }

    @Test
    void badSlurmOptionsGiveOneLineAndExitCode2(@TempDir Path dir) {
        Path out = dir.resolve("out");
        assertOneLine(script(out, "--array", "0"), "--array: 0 is out of range; array must be between 1 and 4");
        assertOneLine(script(out, "--array", "5"), "--array: 5 is out of range; array must be between 1 and 4");
        assertOneLine(script(out, "--slurm-opt=--array=1-3"), "--slurm-opt: --array is set by mcsweep itself");
        assertOneLine(script(out, "--slurm-opt=partition=short"), "--slurm-opt: 'partition=short' is not an sbatch option");
        assertOneLine(script(out, "--inner-executor", "slurm"), "--inner-executor: 'slurm' is not an in-JVM executor");
        assertOneLine(script(out, "--inner-executor", "nope"), "--inner-executor: 'nope' is not an in-JVM executor");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFolderHoldingAnArraysWorkIsRefusedWithoutResumeAndOnAChangedSweep(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("slurm"));
        new SlurmArrayState(2, "--beta 0.5,1 --h 1 --iterations 100 --x0 1,2",
                List.of(new SlurmArrayState.Submission("41", "0-1"))).write(out);
        List<String> before = listing(out);
        List<String> sweep = new ArrayList<>(List.of("sweep"));
        sweep.addAll(List.of(SWEEP));
        sweep.addAll(List.of("--out", out.toString(), "--executor", "slurm"));

        assertOneLine(Cli.run(sweep.toArray(String[]::new)), "--out: " + out + " holds the work of Slurm array job 41;"
                + " add --resume");
        sweep.set(sweep.indexOf("100"), "200");
        sweep.add("--resume");
        assertOneLine(Cli.run(sweep.toArray(String[]::new)), "--resume: the sweep differs from the one recorded in");
        sweep.set(sweep.indexOf("200"), "100");
        sweep.addAll(List.of("--array", "3"));
        assertOneLine(Cli.run(sweep.toArray(String[]::new)), "--array: 3 differs from the 2 elements of the array");
        assertThat(listing(out)).isEqualTo(before);
    }

    private static void assertOneLine(Cli r, String start) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mcsweep: " + start);
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        }
    }
}
