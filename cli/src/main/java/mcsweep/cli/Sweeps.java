package mcsweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
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

    /** @param out where summary.csv goes, or {@code null} for none */
    static int run(Kernel kernel, List<Task> tasks, SweepExecutor executor, ExecutionOptions options, Path out,
                   boolean quiet) {
        PrintStream progress = !quiet && System.console() != null ? System.err : null;
        SweepReport report = new SweepReport(kernel, tasks, progress);

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
        try {
            outcome = executor.execute(tasks, options, report);
            boolean interrupted = Thread.interrupted(); // clear it so that the summary can be written
            if (out != null) {
                try {
                    report.writeCsv(out);
                } catch (IOException | InterruptedException e) {
                    throw new UserError("cannot write " + out.resolve(SweepReport.SUMMARY_FILE) + ": " + e.getMessage());
                }
            }
            if (!quiet) {
                report.printTable(System.out);
            }
            if (interrupted || outcome.interrupted()) {
                System.err.println("mcsweep: interrupted: " + report.completed() + " of " + tasks.size()
                        + " tasks finished" + (out == null ? "" : "; their results are in "
                        + out.resolve(SweepReport.SUMMARY_FILE)));
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
        if (report.failed() > 0 || outcome.notStarted() > 0) {
            System.err.println("mcsweep: " + outcome.failed() + " of " + tasks.size() + " tasks failed"
                    + (outcome.cancelled() > 0 ? ", " + outcome.cancelled() + " cancelled (--halt now)" : "")
                    + (outcome.notStarted() > 0 ? ", " + outcome.notStarted() + " not started (--halt)" : ""));
        }
        return ExitCodes.forFailures(outcome.failed()); // cancelled tasks did not fail: --halt now stopped them
    }
}
