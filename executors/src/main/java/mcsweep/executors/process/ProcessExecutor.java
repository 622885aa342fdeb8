package mcsweep.executors.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepListener;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.executors.TaskResult;

/**
 * Runs every task in a fresh JVM, {@code workers} at a time: the analogue of GNU Parallel starting one
 * interpreter per task, made as cheap to start as the JDK allows (an AOT cache or AppCDS archive, C1 only,
 * Serial GC, no perf data; see {@link WorkerJvm}). Parameters go on the command line as raw double bits,
 * the summary comes back as one line on stdout, bit for bit.
 *
 * <p>{@link ExecutionOptions#timeout()} kills a task's JVM; {@link ExecutionOptions#retries()} reruns a task
 * whose JVM died or timed out. Each task's stderr goes to {@code logDir/task-INDEX.stderr} (kept only when
 * not empty). A worker exits by itself when this JVM dies, even by {@code kill -9}.
 */
public final class ProcessExecutor implements SweepExecutor {

    @Override
    public String name() {
        return "process";
    }

    @Override
    public String description() {
        return "a fresh JVM per task (like GNU Parallel), started from an AOT/CDS archive; --timeout, --retries";
    }

    @Override
    public SweepOutcome execute(List<Task> tasks, ExecutionOptions options, SweepListener listener) {
        WorkerJvm jvm = WorkerJvm.forThisJvm(true);
        ProcessSweep sweep = ProcessSweep.prepare(tasks, options, jvm);
        return sweep.run(slot -> new OneShot(sweep, jvm), listener);
    }

    /** Starts one JVM per attempt. */
    private static final class OneShot implements ProcessSweep.Slot {
        private static final int MAX_STDOUT = 1 << 16;
        private final ProcessSweep sweep;
        private final WorkerJvm jvm;

        OneShot(ProcessSweep sweep, WorkerJvm jvm) {
            this.sweep = sweep;
            this.jvm = jvm;
        }

        @Override
        public ProcessSweep.Attempt attempt(Task task) throws IOException, ProcessSweep.Cancelled {
            Path log = sweep.logFile("task-" + task.index() + ".stderr");
            ProcessBuilder pb = new ProcessBuilder(jvm.command(true, withMode(Protocol.taskArgs(task))))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            long start = System.nanoTime();
            Process p = sweep.start(pb);
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> timer = sweep.killLater(p, () -> timedOut.set(true));
            byte[] out;
            boolean tooLong;
            p.getOutputStream().close(); // a --task worker reads nothing
            try (InputStream stdout = p.getInputStream()) {
                out = stdout.readNBytes(MAX_STDOUT);
                tooLong = out.length == MAX_STDOUT && stdout.read() >= 0;
                if (tooLong) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                out = new byte[0];
                tooLong = false;
            } finally {
                p.onExit().join();
                if (timer != null) {
                    timer.cancel(false);
                }
                sweep.exited(p);
            }
            long wall = System.nanoTime() - start;
            int code = p.exitValue();
            String stdout = new String(out, StandardCharsets.UTF_8);
            try {
                if (timedOut.get()) {
                    return ProcessSweep.Attempt.lost("timed out after " + seconds(sweep) + " s; worker pid "
                            + p.pid() + " killed" + logHint(log));
                }
                if (tooLong) {
                    return ProcessSweep.Attempt.failed("worker wrote more than " + MAX_STDOUT
                            + " bytes to its stdout; it must print only its reply line" + logHint(log));
                }
                if (code == 0 || code == WorkerMain.EXIT_FAILED) {
                    try {
                        Protocol.Reply r = Protocol.parseLine(stdout, task.index());
                        return r.type() == Protocol.OK
                                ? ProcessSweep.Attempt.done(new TaskResult(task, r.summary(), wall, "pid " + p.pid()))
                                : ProcessSweep.Attempt.failed(r.error());
                    } catch (Protocol.ProtocolException e) {
                        return ProcessSweep.Attempt.failed(e.getMessage());
                    }
                }
                return ProcessSweep.Attempt.lost("worker pid " + p.pid() + " " + ProcessSweep.exitDescription(code)
                        + logHint(log));
            } finally {
                if (Files.exists(log) && Files.size(log) == 0) {
                    Files.deleteIfExists(log);
                }
            }
        }

        private String logHint(Path log) {
            String last = ProcessSweep.lastLine(log);
            if (sweep.keepsLogs() && Files.exists(log)) {
                return "; stderr in " + log + (last.isEmpty() ? "" : ": " + last);
            }
            return last.isEmpty() ? "" : "; stderr: " + last;
        }

        @Override
        public void close() {
            // every attempt waits for its process
        }
    }

    static String seconds(ProcessSweep sweep) {
        return Double.toString(sweep.timeout().toNanos() / 1e9);
    }

    private static List<String> withMode(List<String> args) {
        List<String> a = new java.util.ArrayList<>(args.size() + 1);
        a.add("--task");
        a.addAll(args);
        return a;
    }
}
