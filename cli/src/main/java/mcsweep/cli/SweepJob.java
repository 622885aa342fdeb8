package mcsweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.Task;
import mcsweep.kernel.Kernel;

/**
 * A planned sweep brought to its output folder: the definition check, resume, shards, dry run, the job
 * log and the summary, around {@link Sweeps#run}. The order matters: everything that can refuse reads
 * only; then {@code sweep.toml} is written first, leftovers of a killed run are cleaned, and the job log
 * is opened before the first task starts.
 *
 * @param tasks every task of the sweep (all shards)
 * @param shard the slice to run, or {@code null} for all
 */
record SweepJob(Kernel kernel, SweepDefinition definition, List<Task> tasks, SweepExecutor executor,
                ExecutionOptions options, Path out, boolean quiet, boolean resume, boolean resumeFailed,
                Shard shard, boolean dryRun) {

    /** {@code summary.csv}, or {@code summary.K-of-N.csv} for a shard. */
    static String summaryName(Shard shard) {
        return shard == null ? SweepReport.SUMMARY_FILE : "summary." + shard.suffix() + ".csv";
    }

    int run() {
        List<Task> scope = shard == null ? tasks : shard.select(tasks);
        OutputFolder.check("--out", out);
        // Held while the sweep writes into the folder, so that a second sweep refuses instead of mixing files;
        // taken before anything is read, so that a folder in use says so first, whatever it holds. A folder
        // that does not exist yet is in use by no one (and a dry run writes nothing, not even a lock file).
        OutputFolder.Lock lock = !dryRun && Files.isDirectory(out) ? OutputFolder.lock("--out", out, shard) : null;
        try {
            return plan(scope, lock);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private int plan(List<Task> scope, OutputFolder.Lock held) {
        boolean resuming = resume || resumeFailed;
        SweepFolder.checkDefinition(out, definition, resuming
                ? "write this sweep elsewhere with --out DIR, or resume that one with its own options"
                + " (--spec " + out.resolve(SweepDefinition.FILE) + " --resume)"
                : "to continue it, run it again with --resume (its definition: " + out.resolve(SweepDefinition.FILE)
                + "); to start a new sweep, choose another --out");
        Path logFile = out.resolve(JobLog.fileName(shard));
        Path summaryFile = out.resolve(summaryName(shard));
        ResumePlan plan;
        try {
            plan = resuming && Files.isRegularFile(logFile)
                    ? ResumePlan.of(scope, JobLog.latest(JobLog.read(logFile, kernel)), resumeFailed)
                    : ResumePlan.all(scope);
        } catch (IOException e) {
            throw new UserError("--resume: cannot read " + logFile + ": " + e.getMessage());
        }
        if (dryRun) {
            DryRun.print(System.out, kernel, scope, plan, shard, tasks.size(), resuming);
            return ExitCodes.OK;
        }
        if (held != null) {
            return runLocked(scope, logFile, summaryFile, plan, resuming);
        }
        OutputFolder.create("--out", out);
        OutputFolder.Lock lock = OutputFolder.lock("--out", out, shard);
        try {
            return runLocked(scope, logFile, summaryFile, plan, resuming);
        } finally {
            lock.close();
        }
    }

    private int runLocked(List<Task> scope, Path logFile, Path summaryFile, ResumePlan plan, boolean resuming) {
        JobLog log;
        try {
            SweepFolder.writeDefinition(out, definition);
            List<String> cleaned = SweepFolder.cleanLeftovers(out, scope, List.of(SweepDefinition.FILE,
                    logFile.getFileName().toString(), summaryFile.getFileName().toString()));
            if (!cleaned.isEmpty() && !quiet) {
                System.err.println("mcsweep: removed " + cleaned.size() + " temporary file(s) left by an interrupted run");
            }
            log = JobLog.open(logFile, kernel, !resuming);
        } catch (IOException e) {
            throw new UserError("--out: cannot write into " + out + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
        if (resuming && !quiet) {
            System.err.println("mcsweep: resuming: " + plan.kept().size() + " of " + scope.size() + " tasks kept"
                    + (plan.changed().isEmpty() ? "" : ", " + plan.changed().size()
                    + " whose file is missing or changed run again") + ", " + plan.toRun().size() + " to run");
        }
        try (Progress progress = Progress.start(plan.toRun().size(), quiet)) {
            SweepReport report = new SweepReport(kernel, scope, plan.kept(), log, summaryFile, progress, executor.name());
            return Sweeps.run(plan.toRun(), executor, options, report, log, summaryFile, quiet, progress);
        }
    }
}
