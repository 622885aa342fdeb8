package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every user mistake gets one clear line naming the problem, exit code 2, and nothing written. */
class BadInputTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        --iterations 0                         | --iterations: 0 is out of range; iterations must be >= 1
        --iterations -5                        | --iterations: -5 is out of range
        --iterations abc                       | '--iterations'
        --beta 0                               | --beta: 0.0 is out of range; beta must be a finite number > 0
        --beta -1                              | beta must be a finite number > 0
        --beta NaN                             | --beta: NaN is out of range
        --x0 NaN                               | --x0: NaN is out of range; x0 must be a finite number
        --h Infinity                           | --h: Infinity is out of range
        --beta abc                             | --beta: 'abc' is not a number
        --beta 0.5,,1                          | --beta: empty value
        --beta ,                               | --beta: empty value
        --beta 1:0:0.1                         | --beta: range '1:0:0.1' is empty
        --executor warp                        | --executor: unknown executor 'warp'; available:
        --template same.csv                    | names two tasks' files same.csv
        --template b{gamma}.csv                | --template: unknown placeholder {gamma}
        --template ../b{beta}_m{x0}_h{h}.csv   | --template:
        --zip                                  | --zip: lists differ in length
        --workers 0                            | --workers: 0 is out of range; workers must be >= 1
        --halt later                           | --halt must be never, soon or now
        --rng Nope                             | unknown random generator 'Nope'
        --rng SecureRandom                     | --rng: random generator 'SecureRandom' is not reproducible from a seed
        --scheme v3                            | --scheme: 'v3' is not a stream scheme; choose one of v1, v2
        --kernel nope                          | --kernel: unknown kernel 'nope'
        --format xml                           | --format: 'xml' is not a format
        --timeout -1                           | --timeout: -1.0 is out of range
        --bogus                                | Unknown option: '--bogus'
        """)
    void isRejectedWithOneLineAndNothingWritten(String option, String message) throws Exception {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("sweep", "--beta", "0.5,1", "--x0", "0.5,1,2", "--h", "1",
                "--iterations", "100", "--out", out.toString()));
        String[] o = option.split(" ", 2);
        int at = args.indexOf(o[0]);
        if (at >= 0) {
            args.set(at + 1, o[1]);
        } else {
            args.addAll(List.of(o));
        }
        Cli r = Cli.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(message).startsWith("mcsweep: ").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(2); // the problem, and where to find help
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({"--beta, missing values for beta", "--iterations, Missing required option: '--iterations=N'"})
    void aMissingParameterIsNamed(String option, String message) {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("sweep", "--beta", "1", "--x0", "1", "--h", "1",
                "--iterations", "100", "--out", out.toString()));
        int at = args.indexOf(option);
        args.remove(at + 1);
        args.remove(at);
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(message).doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"file, exists and is not a folder", "file/sub, is not a folder"})
    void anOutputFolderThatCannotBeWrittenIsRejected(String where, String message) throws Exception {
        Files.writeString(dir.resolve("file"), "not a folder");
        Cli r = Cli.run("sweep", "--beta", "1", "--x0", "1", "--h", "1", "--iterations", "100",
                "--out", dir.resolve(where).toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mcsweep: --out: ").contains(message).doesNotContain("\tat ");
        assertThat(Files.readString(dir.resolve("file"))).isEqualTo("not a folder");
    }

    @ParameterizedTest(name = "run {0}")
    @CsvSource(delimiter = '|', textBlock = """
        1 0 1 100      | BETA: 0.0 is out of range; beta must be a finite number > 0
        1 1 -2 100     | H: -2.0 is out of range; h must be a finite number > 0
        NaN 1 1 100    | X0: NaN is out of range
        1 1 1 0        | ITERATIONS: 0 is out of range; iterations must be >= 1
        1 1 1 x        | ITERATIONS
        """)
    void runRejectsBadArguments(String args, String message) {
        List<String> a = new ArrayList<>(List.of("run"));
        a.addAll(List.of(args.split(" ")));
        a.add(dir.resolve("t.csv").toString());
        Cli r = Cli.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(message).doesNotContain("\tat ");
        assertThat(dir.resolve("t.csv")).doesNotExist();
    }
}
