package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepListener;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.executors.TaskResult;
import mcsweep.executors.TaskRunner;
import mcsweep.executors.sweep.SweepPlan;
import mcsweep.kernel.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 #6: a summary that cannot be written after tasks ran is not "bad input", and never stale. */
class OutputFailureTest {

    @TempDir
    Path dir;

    /** Runs the tasks for real, calling {@code before} first and {@code after} once all are reported. */
    record Scripted(Consumer<Path> before, Consumer<Path> after, Path out) implements SweepExecutor {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public SweepOutcome execute(List<Task> tasks, ExecutionOptions options, SweepListener listener) {
            before.accept(out);
            for (Task t : tasks) {
                try {
                    listener.onResult(new TaskResult(t, TaskRunner.run(t), 1_000_000, "w"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            after.accept(out);
            return new SweepOutcome(tasks.size(), 0, 0, false);
        }
    }

    private int sweep(Path out, Consumer<Path> before, Consumer<Path> after, ByteArrayOutputStream err) {
        Kernel kernel = SweepCommand.kernel("metropolis");
        Map<String, List<Double>> values = new java.util.LinkedHashMap<>();
        values.put("x0", List.of(1.0));
        values.put("h", List.of(1.0));
        values.put("beta", List.of(0.5, 1.0, 2.0));
        String template = "b{beta}.csv";
        List<Task> tasks = SweepPlan.tasks(new SweepPlan.Spec(kernel, values, false, 1, 500, 42, "L64X128MixRandom",
                out, template));
        SweepDefinition def = SweepDefinition.of("metropolis", mcsweep.kernel.Scheme.DEFAULT, "L64X128MixRandom", 42, 500, false, 1, "csv", template,
                values);
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new SweepJob(kernel, def, tasks, new Scripted(before, after, out), ExecutionOptions.defaults(),
                    out, true, false, false, null, false).run();
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void aSummaryThatCannotBeWrittenAfterTasksRanHasItsOwnExitCodeAndTheJobLogKeepsWhatFinished() throws Exception {
        Path out = dir.resolve("o");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = sweep(out, o -> { }, o -> {
            try { // the summary's place is taken by a folder with something in it: the rename must fail
                Files.deleteIfExists(o.resolve("summary.csv"));
                Files.createDirectories(o.resolve("summary.csv").resolve("x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, err);
        assertThat(code).isEqualTo(ExitCodes.OUTPUT_FAILED).isNotEqualTo(ExitCodes.USAGE);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("could not all be recorded").contains("summary.csv").contains("job log");
        assertThat(JobLog.read(out.resolve(JobLog.FILE), SweepCommand.kernel("metropolis"))).hasSize(3)
                .allMatch(JobLog.Entry::ok);
    }

    @Test
    void anEarlierSummaryIsRemovedBeforeTheFirstTaskRuns() throws Exception {
        Path out = dir.resolve("o");
        assertThat(sweep(out, o -> { }, o -> { }, new ByteArrayOutputStream())).isZero();
        assertThat(out.resolve("summary.csv")).exists();
        boolean[] seen = new boolean[1];
        int code = sweep(out, o -> seen[0] = Files.exists(o.resolve("summary.csv")), o -> { }, new ByteArrayOutputStream());
        assertThat(code).isZero();
        assertThat(seen[0]).as("the earlier summary is gone when the first task starts").isFalse();
        assertThat(Files.readString(out.resolve("summary.csv"))).contains(",ok,").doesNotContain("not run");
    }
}
