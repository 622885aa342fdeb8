package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import mcsweep.executors.ExecutionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Defaults of the sweep command, and the warning for an option the chosen executor ignores. */
class SweepOptionsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultExecutorIsForkJoinWithOneWorkerPerProcessor() {
        SweepCommand c = new SweepCommand();
        new CommandLine(SweepCommand.spec(c)).parseArgs("--beta", "1", "--x0", "1", "--h", "1", "--iterations", "10");
        c.readOptions();

        assertThat(c.executorName).isEqualTo("forkjoin");
        ExecutionOptions o = SweepCommand.executionOptions(c.executorName, c.workers, c.chunk, c.halt, c.timeout,
                c.retries);
        assertThat(o.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        sequential | true  | true  | true  | true  | --workers,--chunk,--retries
        threads    | true  | true  | true  | true  | --retries
        forkjoin   | true  | true  | false | false | ''
        virtual    | false | false | false | true  | --retries
        process    | true  | true  | true  | true  | --chunk
        pool       | true  | true  | true  | true  | ''
        sequential | false | false | false | false | ''
        myplugin   | true  | true  | true  | true  | ''
        """)
    void anOptionTheExecutorIgnoresGetsOneWarningLine(String executor, boolean workers, boolean chunk,
                                                      boolean timeout, boolean retries, String ignored) {
        assertThat(OptionEffects.warnings(executor, workers, chunk, timeout, retries))
                .map(w -> w.substring(0, w.indexOf(' ')))
                .containsExactly(ignored.isEmpty() ? new String[0] : ignored.split(","));
    }

    @Test
    void theSweepRunsAndSaysWhichOptionsHadNoEffect() {
        Path out = dir.resolve("out");
        Cli r = Cli.run("sweep", "--beta", "1", "--x0", "1", "--h", "1", "--iterations", "10", "-q",
                "--out", out.toString(), "-e", "sequential", "-j", "4", "--retries", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err().lines()).containsExactly(
                "mcsweep: warning: --workers has no effect on executor sequential; it is used by forkjoin, pool,"
                        + " process, threads, virtual",
                "mcsweep: warning: --retries has no effect on executor sequential; it is used by pool, process");
        assertThat(out.resolve("b1.0_m1.0_h1.0.csv")).exists();
    }
}
