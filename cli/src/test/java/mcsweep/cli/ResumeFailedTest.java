package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --resume-failed} end to end: tasks whose program failed stay failed under {@code --resume} and run
 * again, alone, under {@code --resume-failed}; the folder then equals one from a sweep that never failed.
 */
@Timeout(180)
class ResumeFailedTest {

    @TempDir
    Path dir;

    /** The user's program: fails for beta = 3 while the marker file exists (a flaky licence server, say). */
    private String command(Path marker) throws Exception {
        Path s = dir.resolve("mc.sh");
        Files.writeString(s, """
                #!/bin/sh
                echo "ran beta=$2" >> "%s"
                if [ "$2" = 3.0 ] && [ -e "%s" ]; then echo "no licence for beta 3" >&2; exit 4; fi
                printf 'x0,beta,seed\\n%%s,%%s,%%s\\n' "$1" "$2" "$4" > "$3"
                """.formatted(dir.resolve("runs.txt"), marker));
        return "sh " + s + " {x0} {beta} {file} {seed}";
    }

    private static Cli sweep(String command, Path out, String executor, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", "--command", command,
                "--x0", "0.5,1", "--beta", "1,3,5", "--iterations", "10", "--out", out.toString(),
                "-e", executor, "-j", "2", "-q"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private List<String> runsSinceLastCall() throws Exception {
        Path runs = dir.resolve("runs.txt");
        List<String> lines = Files.exists(runs) ? Files.readAllLines(runs) : List.of();
        Files.deleteIfExists(runs);
        return lines.stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"forkjoin", "pool"})
    void failedTasksRunAgainOnlyUnderResumeFailedAndTheFolderEndsAsIfNothingFailed(String executor)
            throws Exception {
        Path marker = dir.resolve("licence-down");
        Files.writeString(marker, "");
        String command = command(marker);
        Path out = dir.resolve("out");

        Cli first = sweep(command, out, executor);
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.FAILED_BASE + 2);
        assertThat(runsSinceLastCall()).hasSize(6);
        Matcher log = Pattern.compile("see (logs/task-\\d+\\.err)").matcher(first.err());
        assertThat(log.find()).as(first.err()).isTrue();
        assertThat(out.resolve(log.group(1))).hasContent("no licence for beta 3");
        assertThat(statuses(out).values()).containsExactlyInAnyOrder("ok", "ok", "ok", "ok", "failed", "failed");

        // --resume keeps a failure: the program ran and said no; nothing runs again.
        Files.delete(marker);
        Cli resume = sweep(command, out, executor, "--resume");
        assertThat(resume.exitCode()).as(resume.err()).isEqualTo(ExitCodes.FAILED_BASE + 2);
        assertThat(runsSinceLastCall()).isEmpty();

        Cli again = sweep(command, out, executor, "--resume-failed");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(runsSinceLastCall()).containsExactly("ran beta=3.0", "ran beta=3.0");
        assertThat(statuses(out).values()).containsOnly("ok").hasSize(6);

        Path clean = dir.resolve("clean");
        assertThat(sweep(command, clean, executor).exitCode()).isZero();
        // Results equal a sweep that never failed (logs/ holds the last attempts' output, so it is not compared).
        List<String> results = ResumeTest.files(clean).stream().filter(f -> !f.equals("logs")).toList();
        assertThat(ResumeTest.files(out)).containsAll(results);
        for (String f : results.stream().filter(f -> !f.equals(JobLog.FILE)).toList()) {
            assertThat(Files.mismatch(clean.resolve(f), out.resolve(f))).as(f).isEqualTo(-1);
        }
    }

    /** Each task's latest status in the job log, read by its header's column names. */
    private static Map<Integer, String> statuses(Path out) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve(JobLog.FILE));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int index = header.indexOf("index");
        int status = header.indexOf("status");
        Map<Integer, String> m = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            m.put(Integer.parseInt(f[index]), f[status]);
        }
        return m;
    }
}
