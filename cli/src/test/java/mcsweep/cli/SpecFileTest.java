package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcsweep.kernel.Scheme;

/** {@code --spec FILE} and {@code --print-spec}. */
class SpecFileTest {

    @TempDir
    Path dir;

    @Test
    void thePrintedSpecOfACommandLineRunsTheSameSweep() throws Exception {
        Path direct = dir.resolve("direct");
        String[] cli = {"sweep", "--zip", "--beta", "0.5,1,2", "--x0", "1,1,2", "--h", "0.0001", "--iterations", "700",
            "--seed", "9", "--replicas", "2", "--template", "t{index}_{beta}.csv", "-e", "threads", "-j", "2",
            "--halt", "soon", "-q"};
        Cli printed = Cli.run(concat(cli, "--out", direct.toString(), "--print-spec"));
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(direct).as("--print-spec writes nothing").doesNotExist();
        assertThat(printed.out()).contains("iterations = 700").contains("zip = true").contains("h = [0.0001]")
                .contains("[execution]").contains("executor = \"threads\"").contains("workers = 2")
                .contains("halt = \"soon\"");
        Path spec = dir.resolve("sweep-file.toml");
        Files.writeString(spec, printed.out());

        assertThat(Cli.run(concat(cli, "--out", direct.toString())).exitCode()).isZero();
        Path fromFile = dir.resolve("fromfile");
        Files.writeString(spec, printed.out().replace("out = \"" + direct + "\"", "out = \"fromfile\""));
        Cli r = Cli.run("sweep", "--spec", spec.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        ResumeTest.assertSameResults(direct, fromFile); // out is relative to the sweep file's folder
    }

    @Test
    void commandLineOptionsOverrideTheFileAndRangesAreWrittenAsOnTheCommandLine() throws Exception {
        Path spec = dir.resolve("s.toml");
        Files.writeString(spec, """
                iterations = 1000
                seed = 3
                [values]
                beta = "0.5:1.5:0.5"
                x0 = [1, 2.5]
                h = 1.0
                """);
        Path out = dir.resolve("o");
        Cli r = Cli.run("sweep", "--spec", spec.toString(), "--iterations", "200", "--beta", "2", "-q",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String recorded = Files.readString(out.resolve(SweepDefinition.FILE));
        assertThat(recorded).contains("iterations = 200").contains("seed = 3").contains("beta = [2.0]")
                .contains("x0 = [1.0, 2.5]").contains("h = [1.0]");
        assertThat(ResumeTest.files(out)).contains("b2.0_m2.5_h1.0.csv");

        Path ranged = dir.resolve("r");
        assertThat(Cli.run("sweep", "--spec", spec.toString(), "-q", "--out", ranged.toString()).exitCode()).isZero();
        assertThat(Files.readString(ranged.resolve(SweepDefinition.FILE))).contains("beta = [0.5, 1.0, 1.5]");
    }

    @Test
    void theSchemeFoundInARecordedDefinitionWithoutTheParserIsTheOneTheParserReads() throws Exception {
        for (Scheme scheme : Scheme.values()) {
            String toml = SweepDefinition.of("metropolis", scheme, "L64X128MixRandom", 42, 500, false, 1, "csv",
                    "b{beta}.csv", Map.of("beta", List.of(0.5, 1.0))).toToml();
            Path file = Files.writeString(dir.resolve(scheme.id() + ".toml"), toml);
            assertThat(SweepDefinition.schemeWrittenIn(toml)).isEqualTo(scheme.id())
                    .isEqualTo(SpecFile.read("--out", file).scheme());
        }
        // Spelt otherwise (edited by hand): not found that way, so the caller reads it with the parser.
        String edited = "kernel = \"metropolis\"\nscheme=\"v2\"\n";
        assertThat(SweepDefinition.schemeWrittenIn(edited)).isNull();
        assertThat(SpecFile.read("--out", Files.writeString(dir.resolve("edited.toml"), edited)).scheme())
                .isEqualTo("v2");
    }

    @Test
    void theDefinitionRecordedInAnOutputFolderIsASweepFileToResumeWith() throws Exception {
        Path out = dir.resolve("o");
        assertThat(Cli.run("sweep", "--beta", "1,2", "--x0", "1", "--h", "1", "--iterations", "300", "-q",
                "--out", out.toString()).exitCode()).isZero();
        Files.delete(out.resolve("b2.0_m1.0_h1.0.csv"));
        Cli r = Cli.run("sweep", "--spec", out.resolve(SweepDefinition.FILE).toString(), "--out", out.toString(),
                "--resume");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 of 2 tasks kept");
        assertThat(out.resolve("b2.0_m1.0_h1.0.csv")).exists();
    }

    @Test
    void mistakesInASweepFileAreOneLineNamingTheFileAndWriteNothing() throws Exception {
        Path out = dir.resolve("o");
        String[][] cases = {
            {"iteration = 10\n", "unknown key 'iteration'"},
            {"iterations = \"ten\"\n", "'iterations' must be an integer"},
            {"iterations = 10\n[values]\nbeta = [1, \"x\"]\n", "'x' is not a number"},
            {"iterations = 10\n[execution]\nworkerz = 2\n", "unknown key 'execution.workerz'"},
            {"iterations = 10\nscheme = \"v0\"\n", "--scheme: 'v0' is not a stream scheme"},
            {"iterations = = 10\n", "line 1"},
        };
        for (String[] c : cases) {
            Path spec = dir.resolve("bad.toml");
            Files.writeString(spec, c[0]);
            Cli r = Cli.run("sweep", "--spec", spec.toString(), "--beta", "1", "--x0", "1", "--h", "1",
                    "--out", out.toString());
            assertThat(r.exitCode()).as(c[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(c[0]).startsWith("mcsweep: ").contains(c[1]).hasLineCount(1);
            assertThat(out).doesNotExist();
        }
        Cli r = Cli.run("sweep", "--spec", dir.resolve("nope.toml").toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mcsweep: --spec: cannot read ").hasLineCount(1);
    }

    private static String[] concat(String[] a, String... b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }
}
