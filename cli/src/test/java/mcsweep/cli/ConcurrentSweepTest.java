package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mcsweep.executors.SweepExecutors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sweep command over every executor plugin: the summary is in task order whatever order tasks finish
 * in, and SIGINT or SIGTERM stops a real {@code mcsweep} process cleanly.
 */
class ConcurrentSweepTest {

    static Stream<String> executors() {
        return SweepExecutors.names().stream();
    }

    static Stream<Arguments> executorsAndSignals() {
        return executors().flatMap(e -> Stream.of(Arguments.of(e, "TERM"), Arguments.of(e, "INT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("executors")
    void summaryRowsAreInTaskOrderAndMatchSequential(String executor, @TempDir Path dir) throws IOException {
        // forkjoin's second worker starts in the middle of the range, so tasks finish out of order there.
        String[] grid = {"sweep", "--beta", "0.5,1,2", "--x0", "0.5,1,2", "--h", "0.5,1", "--iterations", "20000",
            "-q", "--workers", "3", "--format", "none"};
        assertThat(Main.execute(concat(grid, "--out", dir.resolve("seq").toString(), "--executor", "sequential")))
                .isZero();
        assertThat(Main.execute(concat(grid, "--out", dir.resolve("x").toString(), "--executor", executor))).isZero();

        // summary.csv holds no timings (they are in the job log): byte-identical whatever the executor
        List<String> expected = Files.readAllLines(dir.resolve("seq").resolve(SweepReport.SUMMARY_FILE));
        List<String> actual = Files.readAllLines(dir.resolve("x").resolve(SweepReport.SUMMARY_FILE));
        assertThat(actual).hasSize(19).isEqualTo(expected);
        for (int i = 1; i < actual.size(); i++) {
            assertThat(actual.get(i)).startsWith((i - 1) + ",");
        }
    }

    @ParameterizedTest(name = "{0}, SIG{1}")
    @MethodSource("executorsAndSignals")
    @Timeout(120)
    void aSignalStopsTheSweepLeavingWholeFilesAndASummaryOfWhatFinished(String executor, String signal,
                                                                        @TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        long iterations = 600_000;
        // 100 tasks of about 30-90 ms each: seconds of work, stopped after the first trace appears. Sized so
        // that the sweep cannot end before the signal even on a loaded machine (at 200,000 steps, after the
        // kernel got faster, one loaded run ended normally while `kill` was still starting).
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sweep", "--beta", "0.5:5:0.5", "--x0", "0.5:5:0.5", "--h", "1", "--iterations", "" + iterations,
                "--executor", executor, "--workers", "2", "--out", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile()).start();
        try {
            if (signal.equals("INT")) {
                // A JVM started with SIGINT ignored (a background job of a non-interactive shell) keeps it
                // ignored and installs no handler; nothing to test then.
                assumeThat(ignoresSigint(p.pid())).as("SIGINT ignored by this environment").isFalse();
            }
            while (traces(out).isEmpty() && p.isAlive()) {
                Thread.sleep(10);
            }
            assertThat(p.isAlive()).as("still sweeping when signalled").isTrue();
            if (signal.equals("TERM")) {
                p.destroy(); // SIGTERM
            } else {
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("stderr"));
        assertThat(p.exitValue()).as(err).isEqualTo(signal.equals("TERM") ? 143 : 130);
        assertThat(err).contains("mcsweep: interrupted:");

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".tmp"));
        }
        List<String> rows = Files.readAllLines(out.resolve(SweepReport.SUMMARY_FILE));
        assertThat(rows).hasSize(101);
        List<String> header = List.of(rows.get(0).split(","));
        int file = header.indexOf("file");
        int status = header.indexOf("status");
        List<String> finished = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            if (cells[status].equals("ok")) {
                finished.add(cells[file]);
            } else if (cells[status].equals("not run")) {
                notRun.add(cells[file]);
            }
        }
        assertThat(notRun).as("the sweep was cut short").isNotEmpty();
        // Every finished task's trace, none of a task never started. (A task cancelled just as it finished
        // may keep its trace: a worker process can be killed between its rename and its report.)
        List<String> traces = traces(out);
        assertThat(traces).containsAll(finished).doesNotContainAnyElementsOf(notRun);
        for (String f : traces) {
            assertWholeTrace(out.resolve(f), iterations);
        }
    }

    private static List<String> traces(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("b") && f.endsWith(".csv"))
                    .toList();
        }
    }

    private static void assertWholeTrace(Path f, long iterations) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.US_ASCII);
        assertThat(lines).as(f.toString()).hasSize((int) iterations + 1);
        assertThat(lines.get(0)).isEqualTo("x,accept");
        String last = lines.get(lines.size() - 1);
        Double.parseDouble(last.substring(0, last.indexOf(',')));
        assertThat(last).matches(".*,[01]");
    }

    private static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        // Only Linux's /proc tells whether a process ignores SIGINT; elsewhere the test cannot know, so skips.
        assumeThat(status).as("no /proc on this system: cannot tell whether SIGINT is ignored").exists();
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (2 - 1))) != 0;
            }
        }
        throw new AssertionError(status + " has no SigIgn line");
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
