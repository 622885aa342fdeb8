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

    /**
     * Each row: options that replace the base command's value of the same option (or are appended), and
     * what the one line must say. {@code ''} stands for an empty argument.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # numbers in lists: one decimal grammar for values and ranges; ranges bounded
        --iterations 0                         | --iterations: 0 is out of range; iterations must be an integer >= 1
        --iterations -5                        | --iterations: -5 is out of range
        --iterations abc                       | '--iterations'
        --beta 0                               | --beta: 0.0 is out of range; beta must be a finite number > 0.0
        --beta -1                              | beta must be a finite number > 0
        --beta 1e-5,-1e-5                      | --beta: -1e-05 is out of range; beta must be a finite number > 0.0
        --beta NaN                             | --beta: NaN is out of range
        --x0 NaN                               | --x0: NaN is out of range; x0 must be a finite number
        --h Infinity                           | --h: Infinity is out of range
        --beta abc                             | --beta: 'abc' is not a number; write decimal numbers such as 0.5, -2 or 1e-05
        --beta 0x1p3                           | --beta: '0x1p3' is not a number
        --beta 1:2:0x1p-2                      | --beta: '0x1p-2' is not a number
        --beta 1d                              | --beta: '1d' is not a number
        --beta 1e400                           | --beta: 1e400 is out of range; numbers must be finite, at most 1.7976931348623157e+308 in magnitude
        --beta 1:1e999999999:1                 | --beta: 1e999999999 is out of range; numbers must be finite
        --beta 1e-400                          | --beta: 1e-400 is too close to 0 (it would be read as 0.0); numbers other than 0 must be at least 4.9e-324 in magnitude
        --beta 1e-999999999:1:1                | --beta: 1e-999999999 is too close to 0
        --beta 1:2:1e-999999999                | --beta: range '1:2:1e-999999999' has more than 10000000 values; its step must be >= 1.01e-07
        --beta 1:2:1e-10000000                 | --beta: range '1:2:1e-10000000' has more than 10000000 values; its step must be >= 1.01e-07
        --beta 0:1e9:1                         | --beta: range '0:1e9:1' has more than 10000000 values; its step must be >= 101.0
        --beta 1:Infinity:1                    | --beta: a range's start, stop and step must be finite numbers, not Infinity
        --beta NUMBER101                       | --beta: '11111111111111111111...' is too long for a number (at most 100 characters)
        --beta 1:2                             | --beta: '1:2' is not a range; write start:stop:step
        --beta 1:2:0                           | --beta: step of range '1:2:0' must be > 0
        --beta 1:2:-1e-999999999               | --beta: step of range '1:2:-1e-999999999' must be > 0
        --beta 0e-999999999:1e9:1              | --beta: range '0e-999999999:1e9:1' has more than 10000000 values
        --beta 0.5,,1                          | --beta: empty value
        --beta ,                               | --beta: empty value
        --beta ''                              | --beta: empty list
        --beta 1:0:0.1                         | --beta: range '1:0:0.1' is empty
        # parameters: each once, each known; -0 is 0, so it is the same task as 0
        --x0 0,-0                              | names two tasks' files b0.5_m0.0_h1.0.csv (tasks 0 and 2)
        --x0 1,1                               | names two tasks' files b0.5_m1.0_h1.0.csv (tasks 0 and 2)
        -P x0=1 -P x0=2                        | values for x0 given twice; give each parameter once
        -P x0=1                                | values for x0 given twice
        -P x0                                  | -P: 'x0' is not NAME=LIST
        -P gamma=1                             | kernel metropolis has no parameter 'gamma'; its parameters are x0, h, beta
        --zip                                  | --zip: lists differ in length
        # too many tasks: refused before any is made
        --x0 1:10000:1 --h 1:10000:1           | too many tasks: 10000 x0 x 10000 h x 2 beta is 200000000 tasks, which need about
        --replicas 2147483647                  | too many tasks: 3 x0 x 1 h x 2 beta x 2147483647 replicas is 12884901882 tasks; one sweep can have at most 2147483639
        # option ranges
        --replicas 0                           | --replicas: 0 is out of range; replicas must be an integer from 1 to 2147483647
        --replicas 99999999999                 | '--replicas'
        --seed 1e3                             | '--seed'
        --workers 0                            | --workers: 0 is out of range; workers must be an integer from 1 to 32767
        -e forkjoin --workers 100000           | --workers: 100000 is out of range; workers must be an integer from 1 to 32767
        -e threads --workers 10001             | --workers: 10001 is out of range; workers must be an integer from 1 to 10000
        -e virtual --workers 1000001           | --workers: 1000001 is out of range; workers must be an integer from 1 to 1000000
        -e process --workers 1025              | --workers: 1025 is out of range; workers must be an integer from 1 to 1024
        -e pool -j 5000                        | --workers: 5000 is out of range; workers must be an integer from 1 to 1024
        --chunk -1                             | --chunk: -1 is out of range; chunk must be an integer from 0 to 1000000
        --chunk 1000001                        | --chunk: 1000001 is out of range
        --retries -1                           | --retries: -1 is out of range; retries must be an integer from 0 to 100
        --retries 101                          | --retries: 101 is out of range
        --timeout -1                           | --timeout: -1.0 is out of range; timeout must be a number of seconds from 0.001 to 10000000.0
        --timeout 1e-300                       | --timeout: 1e-300 is out of range
        --timeout 1e300                        | --timeout: 1e+300 is out of range
        --timeout NaN                          | --timeout: NaN is out of range
        --halt later                           | --halt must be never, soon or now
        --rng Nope                             | --rng: unknown random generator 'Nope'; choose one of
        --rng SecureRandom                     | --rng: random generator 'SecureRandom' is not reproducible from a seed
        --scheme v5                            | --scheme: 'v5' is not a stream scheme; choose one of v1, v2, v3, v4
        --kernel nope                          | --kernel: unknown kernel 'nope'
        --format xml                           | --format: 'xml' is not a format
        --executor warp                        | --executor: unknown executor 'warp'; available:
        --bogus                                | Unknown option: '--bogus'
        --out ''                               | --out: empty folder name
        # trace names: distinct, plain, and never a name the sweep uses itself
        --template same.csv                    | names two tasks' files same.csv
        --template b{gamma}.csv                | --template: unknown placeholder {gamma}
        --template ../b{beta}_m{x0}_h{h}.csv   | --template: '../b{beta}_m{x0}_h{h}.csv' must be a plain file name
        --template .b{beta}_m{x0}_h{h}.csv     | must be a plain file name inside --out (no '/', not starting with '.')
        --template ''                          | --template: empty file name template
        --template a<NL>b{index}               | --template: 'a?b{index}' contains a control character (such as a newline); file names must not
        --template <LONG>{index}               | ...' is 301 bytes long; file names can have at most 255
        --template summary.csv                 | --template: 'summary.csv' can name a trace summary.csv, a name the sweep uses itself
        --template SUMMARY.CSV                 | can name a trace summary.csv
        --template joblog.tsv                  | can name a trace joblog.tsv
        --template sweep.toml                  | can name a trace sweep.toml
        --template logs                        | can name a trace logs
        --template logs -e process             | can name a trace logs
        """)
    void isRejectedWithOneLineAndNothingWritten(String option, String message) throws Exception {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("sweep", "--beta", "0.5,1", "--x0", "0.5,1,2", "--h", "1",
                "--iterations", "100", "--out", out.toString()));
        String[] o = option.replace("NUMBER101", "1".repeat(101)).replace("<NL>", "\n")
                .replace("<LONG>", "x".repeat(300)).split(" ");
        for (int i = 0; i < o.length; i++) {
            int at = args.indexOf(o[i]);
            if (at >= 0 && i + 1 < o.length) {
                args.set(at + 1, unquote(o[++i]));
            } else {
                args.add(unquote(o[i]));
            }
        }
        Cli r = Cli.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(message).startsWith("mcsweep: ").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(2); // the problem, and where to find help
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    private static String unquote(String s) {
        return s.equals("''") ? "" : s;
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({"--beta, missing values for beta", "--iterations, missing --iterations N"})
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
        1 0 1 100               | BETA: 0.0 is out of range; beta must be a finite number > 0.0
        1 1 -2 100              | H: -2.0 is out of range; h must be a finite number > 0.0
        1 0.00001 -0.00001 100  | H: -1e-05 is out of range; h must be a finite number > 0.0
        NaN 1 1 100             | X0: NaN is out of range
        0x1p0 1 1 100           | X0: '0x1p0' is not a number
        1f 1 1 100              | X0: '1f' is not a number
        1 1e400 1 100           | BETA: 1e400 is out of range; numbers must be finite
        1 1 1e-400 100          | H: 1e-400 is too close to 0
        1 1 1 0                 | ITERATIONS: 0 is out of range; iterations must be an integer >= 1
        1 1 1 x                 | ITERATIONS
        1 1 1 100 --replica -1  | --replica: -1 is out of range; replica must be an integer from 0 to 2147483646
        1 1 1 100 --rng Nope    | --rng: unknown random generator 'Nope'
        """)
    void runRejectsBadArguments(String args, String message) {
        List<String> a = new ArrayList<>(List.of("run"));
        List<String> given = List.of(args.split(" "));
        a.addAll(given.subList(0, 4));
        a.add(dir.resolve("t.csv").toString());
        a.addAll(given.subList(4, given.size()));
        Cli r = Cli.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mcsweep: ").contains(message).doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
        assertThat(dir.resolve("t.csv")).doesNotExist();
    }
}
