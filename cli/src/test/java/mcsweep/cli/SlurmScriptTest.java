package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job array script, run by bash as Slurm would run one element, and the index lists; no Slurm needed. */
class SlurmScriptTest {

    @Test
    void anElementRunsShardIndexPlusOneWithItsCpusAsWorkersAndRecordsItsExitCode(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out dir");
        // printf stands in for java: the element prints the arguments it would run mcsweep with.
        SlurmScript script = new SlurmScript(List.of("printf", "%s\\n"), List.of("--beta", "0.5,1", "--template",
                "it's {beta}.csv"), out, dir, 4, 2, "forkjoin", List.of("--partition=short"), false);
        String text = script.render("0-3");
        assertThat(text).contains("#SBATCH --array=0-3\n", "#SBATCH --cpus-per-task=2\n",
                "#SBATCH --output=" + out.resolve("slurm/%A_%a.out") + "\n", "#SBATCH --chdir=" + dir + "\n");
        // The user's options come after ours: for sbatch, the last occurrence wins.
        assertThat(text.indexOf("#SBATCH --partition=short")).isGreaterThan(text.indexOf("#SBATCH --cpus-per-task"));

        Path file = dir.resolve("element.sh");
        Files.writeString(file, text);
        Files.createDirectories(out.resolve("slurm"));
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
        pb.environment().putAll(java.util.Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_JOB_ID", "77",
                "SLURM_CPUS_PER_TASK", "3"));
        Process p = pb.start();
        List<String> printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor()).isZero();
        assertThat(printed).containsExactly("sweep", "--beta", "0.5,1", "--template", "it's {beta}.csv", "--out",
                out.toString(), "--executor", "forkjoin", "--workers", "3", "--shard", "3/4", "--resume", "--quiet");
        assertThat(Files.readString(out.resolve("slurm/exit/2"))).isEqualTo("77_2 0\n");
        assertThat(out.resolve("slurm/exit/.2.tmp")).doesNotExist();
    }

    @Test
    void aFailedElementRecordsItsExitCodeAndFailsTheJob(@TempDir Path dir) throws IOException, InterruptedException {
        SlurmScript script = new SlurmScript(List.of("sh", "-c", "exit 104"), List.of(), dir, dir, 2, 1, "threads",
                List.of(), true);
        Path file = dir.resolve("element.sh");
        Files.writeString(file, script.render("0-1"));
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
        pb.environment().putAll(java.util.Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_JOB_ID", "5"));
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isEqualTo(104);
        assertThat(Files.readString(dir.resolve("slurm/exit/0"))).isEqualTo("5_0 104\n");
    }

    @Test
    void longCommandLinesAreContinuedBetweenOptions() {
        List<String> args = List.of("--beta", "0.1,0.2,0.3,0.5,1,2,3,5,10", "--x0", "0.1,0.2,0.3,0.5,1,2,3,5,10",
                "--h", "0.25,0.5,1,2.5", "--iterations", "10000", "--template", "b{beta}_m{x0}_h{h}.csv");
        String text = new SlurmScript(List.of("/opt/java/bin/java", "-jar", "/opt/mcsweep.jar"), args, Path.of("/o"),
                Path.of("/"), 3, 1, "forkjoin", List.of(), false).render("0-2");
        assertThat(text.lines().filter(l -> l.endsWith("\\"))).isNotEmpty()
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
        assertThat(text).doesNotContain("--x0 \\\n");
    }

    @Test
    void indexListsAreWrittenAsRangesAndReadBack() {
        TreeSet<Integer> set = new TreeSet<>(List.of(0, 1, 2, 5, 7, 8, 11));
        assertThat(SlurmIndices.format(set)).isEqualTo("0-2,5,7-8,11");
        assertThat(SlurmIndices.parse("0-2,5,7-8,11")).containsExactlyElementsOf(set);
        assertThat(SlurmIndices.format(new TreeSet<>(List.of(3)))).isEqualTo("3");
    }

    @Test
    void quotingLeavesPlainWordsAloneAndMakesTheRestOneBashWord() {
        assertThat(SlurmScript.quote("--beta=0.5,1")).isEqualTo("--beta=0.5,1");
        assertThat(SlurmScript.quote("a b")).isEqualTo("'a b'");
        assertThat(SlurmScript.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(SlurmScript.quote("$HOME")).isEqualTo("'$HOME'");
    }
}
