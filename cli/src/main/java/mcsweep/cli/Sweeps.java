package mcsweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.kernel.Kernel;

/** Runs planned tasks on an executor and writes the summary, surviving Ctrl-C and SIGTERM cleanly. */
final class Sweeps {

    /** How long a signal waits for the sweep to stop running tasks and write its summary. */
    private static final long SHUTDOWN_GRACE_SECONDS = 30;

    private Sweeps() {
    }

    /** Runs {@code tasks} with no job log and no summary file (for {@code mcsweep run}). */
    static int run(Kernel kernel, List<Task> tasks, SweepExecutor executor, ExecutionOptions options, Path out,
                   boolean quiet) {
        try (Progress progress = Progress.start(tasks.size(), quiet)) {
            SweepReport report = new SweepReport(kernel, tasks, Map.of(), null,
                    out == null ? null : out.resolve(SweepReport.SUMMARY_FILE), progress, executor.name());
            return run(tasks, executor, options, report, null, out == null ? null : out.resolve(SweepReport.SUMMARY_FILE),
                    quiet, progress);
        }
    }

    /**
     * Runs {@code toRun}, recording outcomes through {@code report}, then writes {@code summaryFile} (when
     * not {@code null}) and closes {@code log}.
     */
    static int run(List<Task> toRun, SweepExecutor executor, ExecutionOptions options, SweepReport report,
                   JobLog log, Path summaryFile, boolean quiet, Progress progress) {
        // On SIGINT/SIGTERM the JVM runs shutdown hooks and then halts. Ours interrupts the sweep (which
        // cancels running tasks at a block boundary and removes their partial files), then waits until the
        // summary of what finished is written.
        Thread sweeper = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sweeper.interrupt();
            try {
                finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mcsweep-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        SweepOutcome outcome;
        IOException recordFailure;
        try {
            if (summaryFile != null) {
                // Before any task: a previous run's summary must not look like this one's. (The report
                // writes the first one of this run a few seconds in, and the last one at the end.)
                try {
                    Files.deleteIfExists(summaryFile);
                } catch (IOException e) {
                    throw new UserError("--out: cannot replace " + summaryFile + ": " + e.getMessage());
                }
            }
            debugTime("tasks submitted");
            outcome = executor.execute(toRun, options, report);
            debugTime("tasks ended");
            boolean interrupted = Thread.interrupted(); // clear it so that the summary can be written
            progress.close();
            recordFailure = report.ioError();
            if (log != null) {
                try {
                    log.close();
                } catch (IOException e) {
                    recordFailure = recordFailure == null ? e : recordFailure;
                }
            }
            if (summaryFile != null) {
                IOException e = writeSummary(report, summaryFile, true);
                recordFailure = recordFailure == null ? e : recordFailure;
                debugTime("summary written");
            }
            if (!quiet) {
                report.printTable(System.out);
            }
            if (recordFailure != null) {
                System.err.println("mcsweep: tasks ran but their results could not all be recorded: "
                        + recordFailure.getMessage() + (log == null ? ""
                        : "; what was recorded is in the job log, and 'mcsweep merge DIR' rebuilds the summary from it"));
                return ExitCodes.OUTPUT_FAILED;
            }
            if (interrupted || outcome.interrupted()) {
                System.err.println("mcsweep: interrupted: " + report.completed() + " of " + toRun.size()
                        + " tasks finished" + (summaryFile == null ? "" : "; their results are in " + summaryFile
                        + (log == null ? "" : "; --resume runs the rest")));
                return ExitCodes.INTERRUPTED;
            }
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running; it returns once 'finished' is counted down
            }
        }
        int failed = report.failedOverall();
        if (failed > 0 || outcome.notStarted() > 0) {
            System.err.println("mcsweep: " + failed + " of " + report.size() + " tasks failed"
                    + (outcome.cancelled() > 0 ? ", " + outcome.cancelled() + " cancelled (--halt now)" : "")
                    + (outcome.notStarted() > 0 ? ", " + outcome.notStarted() + " not started (--halt)" : ""));
        }
        return ExitCodes.forFailures(failed); // cancelled tasks did not fail: --halt now stopped them
    }

    /**
     * With {@code -Dmcsweep.debug.timing=true}, prints {@code mcsweep: debug: WHAT at MICROS} (the wall clock,
     * microseconds since the epoch) to stderr: how the start-up to the first task is measured against a
     * timestamp taken before the JVM starts (README, "Start-up").
     */
    static void debugTime(String what) {
        if (Boolean.getBoolean("mcsweep.debug.timing")) {
            System.err.println("mcsweep: debug: " + what + " at " + WallClock.nanos() / 1000);
        }
    }

    /**
     * Writes the summary; on failure removes any older summary so that no stale one looks current.
     *
     * @return the failure, or {@code null}
     */
    private static IOException writeSummary(SweepReport report, Path file, boolean durable) {
        try {
            report.writeSummary(file, durable);
            return null;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the folder itself is failing; the message below says what to do
            }
            return new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
