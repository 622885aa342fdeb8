package mcsweep.executors.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.ParallelExecutor;
import mcsweep.executors.SweepRun;
import mcsweep.executors.Task;
import mcsweep.executors.TaskResult;
import mcsweep.executors.Watchdog;
import mcsweep.kernel.io.AtomicFile;

/**
 * Runs every task in a fresh JVM, {@code workers} at a time: the analogue of GNU Parallel starting one
 * interpreter per task, made as cheap to start as the JDK allows (an AOT cache or AppCDS archive, C1 only,
 * Serial GC, no perf data; see {@link WorkerJvm}). Parameters go on the command line as raw double bits,
 * the summary comes back as one line on stdout, bit for bit. The worker writes the trace under a temporary
 * name this JVM chose; this JVM renames it into place once it accepts the result, so a task that timed out
 * or died never leaves a trace.
 *
 * <p>{@link ExecutionOptions#timeout()} kills a task's JVM; {@link ExecutionOptions#retries()} reruns a task
 * whose JVM died or timed out. Each task's stderr goes to {@code logDir/task-INDEX.stderr} (kept only when
 * not empty). A worker exits by itself when this JVM dies, even by {@code kill -9}.
 */
public final class ProcessExecutor extends ParallelExecutor {

    @Override
    public String name() {
        return "process";
    }

    @Override
    public String description() {
        return "a fresh JVM per task (like GNU Parallel), started from an AOT/CDS archive; --timeout, --retries";
    }

    @Override
    protected Workers start(SweepRun run, int workers) {
        WorkerJvm jvm = WorkerJvm.forThisJvm(true);
        jvm.archive(); // before any task's clock starts; an interrupt here cancels the sweep
        if (Thread.currentThread().isInterrupted()) {
            run.skip(run.size());
            return Workers.NONE;
        }
        WorkerProcesses processes = new WorkerProcesses();
        TaskLogs logs = new TaskLogs(run.options().logDir());
        return new ProcessWorkers(name(), run, new TaskQueue(run), processes, logs, workers,
                slot -> new OneShot(run, jvm, processes, logs));
    }

    /** Starts one JVM per attempt. */
    private static final class OneShot implements Slot {
        private static final int MAX_STDOUT = 1 << 16;
        private final SweepRun run;
        private final WorkerJvm jvm;
        private final WorkerProcesses processes;
        private final TaskLogs logs;

        OneShot(SweepRun run, WorkerJvm jvm, WorkerProcesses processes, TaskLogs logs) {
            this.run = run;
            this.jvm = jvm;
            this.processes = processes;
            this.logs = logs;
        }

        @Override
        public Attempt attempt(Task task) throws IOException, WorkerProcesses.Cancelled {
            AtomicFile.Staged staged = task.output() == null ? null : AtomicFile.stage(task.output());
            Task sent = staged == null ? task : task.withOutput(staged.path());
            Path log = logs.file("task-" + task.index() + ".stderr");
            ProcessBuilder pb = new ProcessBuilder(jvm.command(true, withMode(Protocol.taskArgs(sent))))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            long start = System.nanoTime();
            Process p = processes.start(pb);
            Watchdog watchdog = run.watchdog();
            Watchdog.Deadline deadline = watchdog == null ? null : watchdog.arm(() -> WorkerProcesses.kill(p));
            boolean accepted = false;
            try {
                byte[] out;
                boolean tooLong;
                p.getOutputStream().close(); // a --task worker reads nothing
                try (InputStream stdout = p.getInputStream()) {
                    out = stdout.readNBytes(MAX_STDOUT);
                    tooLong = out.length == MAX_STDOUT && stdout.read() >= 0;
                    if (tooLong) {
                        WorkerProcesses.kill(p);
                    }
                } catch (IOException e) {
                    out = new byte[0];
                    tooLong = false;
                } finally {
                    p.onExit().join();
                    processes.exited(p);
                }
                // Decided once: a worker that answered in time cannot be killed by the watchdog any more.
                boolean timedOut = deadline != null && !deadline.disarm();
                long wall = System.nanoTime() - start;
                int code = p.exitValue();
                if (timedOut) {
                    return Attempt.lost(watchdog.message() + "; worker pid " + p.pid() + " killed" + logs.hint(log));
                }
                if (tooLong) {
                    return Attempt.failed("worker wrote more than " + MAX_STDOUT
                            + " bytes to its stdout; it must print only its reply line" + logs.hint(log));
                }
                if (code != 0 && code != WorkerMain.EXIT_FAILED) {
                    return Attempt.lost("worker pid " + p.pid() + " " + WorkerProcesses.exitDescription(code)
                            + logs.hint(log));
                }
                Protocol.Reply r;
                try {
                    r = Protocol.parseLine(new String(out, StandardCharsets.UTF_8), task.index());
                } catch (Protocol.ProtocolException e) {
                    return Attempt.failed(e.getMessage());
                }
                if (r.type() != Protocol.OK) {
                    return Attempt.failed(r.error());
                }
                if (staged != null) {
                    try {
                        staged.commit();
                    } catch (IOException e) {
                        return Attempt.failed("cannot write " + task.output() + ": " + e.getMessage());
                    }
                }
                accepted = true;
                return Attempt.done(new TaskResult(task, r.summary(), wall, "pid " + p.pid()));
            } finally {
                if (!accepted && staged != null) {
                    staged.discard(); // the process has exited: nothing writes it any more
                }
                TaskLogs.removeIfEmpty(log);
            }
        }

        @Override
        public void close() {
            // every attempt waits for its process
        }
    }

    private static List<String> withMode(List<String> args) {
        List<String> a = new ArrayList<>(args.size() + 1);
        a.add("--task");
        a.addAll(args);
        return a;
    }
}
