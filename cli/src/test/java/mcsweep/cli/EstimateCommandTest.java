package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import mcsweep.executors.SweepExecutors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code mcsweep estimate}: the same digits under every executor and worker count, and an honest error. */
@Timeout(180)
class EstimateCommandTest {

    private static final String[] PI = {"estimate", "--kernel", "pi", "--samples", "3e6", "--streams", "13"};
    private static String reference;

    private static Cli estimate(String... extra) {
        List<String> args = new ArrayList<>(List.of(PI));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @BeforeAll
    static void sequential() {
        Cli r = estimate("-e", "sequential");
        assertThat(r.exitCode()).as(r.err()).isZero();
        reference = r.out();
    }

    static Stream<Arguments> executorsAndWorkers() {
        return SweepExecutors.names().stream().flatMap(e -> Stream.of(1, 2, 5).map(w -> Arguments.of(e, w)));
    }

    @ParameterizedTest(name = "{0}, -j {1}")
    @MethodSource("executorsAndWorkers")
    void printsTheSameDigitsUnderEveryExecutorAndWorkerCount(String executor, int workers) {
        Cli r = estimate("-e", executor, "-j", Integer.toString(workers));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(reference);
        // The worker count it names is the one it used: sequential uses the calling thread alone.
        assertThat(r.err()).contains("13 streams of pi on " + executor
                + (executor.equals("sequential") ? " in " : " -j " + workers + " in "));
    }

    @Test
    void reportsEveryMergedCountAndAnEstimateWithinFourStandardErrorsOfPi() {
        assertThat(reference).startsWith("samples       3000000\nhits          ");
        double estimate = value("estimate");
        double err = value("estimate_err");
        assertThat(err).isBetween(0.0008, 0.0012); // 4 sqrt(p (1 - p) / n) with p = pi / 4, n = 3e6
        assertThat(Math.abs(estimate - Math.PI)).isLessThan(4 * err);
        assertThat(estimate).isEqualTo(4 * value("hits") / 3e6);
        assertThat(reference).contains("standard errors from Math.PI");
    }

    @Test
    void acceptsPowersAndExponentsForTheSampleCount() {
        Cli caret = Cli.run("estimate", "--samples", "10^5", "--streams", "4");
        Cli exp = Cli.run("estimate", "--samples", "1e5", "--streams", "4");
        Cli plain = Cli.run("estimate", "--samples", "100000", "--streams", "4");
        assertThat(caret.exitCode()).as(caret.err()).isZero();
        assertThat(caret.out()).startsWith("samples       100000\n").isEqualTo(exp.out()).isEqualTo(plain.out());
    }

    @Test
    void anotherSeedGivesAnotherEstimate() {
        assertThat(estimate("--seed", "7").out()).isNotEqualTo(reference);
    }

    private static double value(String name) {
        return reference.lines().filter(l -> l.startsWith(name + " ")).map(l -> l.substring(name.length()).trim())
                .mapToDouble(Double::parseDouble).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        --samples 10^x          | --samples: '10^x' is not a count; write e.g. 1000000, 10^11 or 1e11
        --samples pi            | --samples: 'pi' is not a count
        --samples 0             | --samples: '0' is out of range; it must be a whole number >= 1
        --samples 1.5           | --samples: '1.5' is out of range
        --samples -3            | --samples: '-3' is out of range
        --samples 1e30          | --samples: '1e30' is out of range
        --samples 10^16         | --samples: 10^16 is out of range; samples must be <= 2^53
        --streams 0             | --streams: 0 is out of range; streams must be >= 1 and <= --samples
        --streams 1000          | --streams: 1000 is out of range
        --kernel metropolis     | --kernel: metropolis declares no reduction
        --kernel nope           | --kernel: unknown kernel 'nope'
        -P beta=1               | -P beta: kernel pi has no parameter 'beta'
        --executor warp         | --executor: unknown executor 'warp'
        --workers 0             | --workers: 0 is out of range
        --rng Nope              | --rng: unknown random generator 'Nope'
        """)
    void rejectsBadInputWithOneLineAndExitCodeTwo(String option, String message) {
        List<String> args = new ArrayList<>(List.of("estimate", "--samples", "100", "--streams", "4"));
        String[] o = option.split(" ", 2);
        int at = args.indexOf(o[0]);
        if (at >= 0) {
            args.set(at + 1, o[1]);
        } else {
            args.addAll(List.of(o));
        }
        Cli r = Cli.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mcsweep: " + message);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }
}
