package mcsweep.executors.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepListener;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.executors.TaskResult;

/**
 * Runs tasks in {@code workers} long-lived worker JVMs, each fed one task at a time over its stdin and
 * answering on its stdout in the small binary protocol of {@link Protocol}: the analogue of a Pathos or
 * multiprocessing pool, paying JVM start-up once per worker instead of once per task. When the sweep never
 * halts, each worker gets its next task before it has finished the current one (two in flight; {@code chunk}
 * sets another number), so that it never waits for a round trip through the parent.
 *
 * <p>A worker that dies, is killed or times out ({@link ExecutionOptions#timeout()}) is replaced by a fresh
 * one; its task is retried up to {@link ExecutionOptions#retries()} times, and results already received
 * are kept. A worker that writes anything but frames to its stdout is stopped and its task fails with the
 * stray output in the message. Each task's stderr goes to {@code logDir/task-INDEX.stderr} (only when it
 * wrote something); a worker's stderr outside any task to {@code logDir/worker-PID.stderr}. Workers exit by
 * themselves when their stdin closes (the sweep ended) or their parent dies.
 */
public final class PoolExecutor implements SweepExecutor {

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public String description() {
        return "N long-lived worker JVMs fed over stdin/stdout (like a Pathos pool); --timeout, --retries";
    }

    @Override
    public SweepOutcome execute(List<Task> tasks, ExecutionOptions options, SweepListener listener) {
        WorkerJvm jvm = WorkerJvm.forThisJvm(false);
        ProcessSweep sweep = ProcessSweep.prepare(tasks, options, jvm);
        return sweep.run(slot -> new PoolSlot(sweep, jvm, slot), listener);
    }

    /** One worker JVM at a time, replaced when lost. */
    private static final class PoolSlot implements ProcessSweep.Slot {
        private final ProcessSweep sweep;
        private final WorkerJvm jvm;
        private final int slot;
        private Worker worker;
        /** Tasks written to the worker whose replies are still to come, the running one first. */
        private final ArrayDeque<Task> sent = new ArrayDeque<>();
        private final int depth;

        PoolSlot(ProcessSweep sweep, WorkerJvm jvm, int slot) {
            this.sweep = sweep;
            this.jvm = jvm;
            this.slot = slot;
            // Two in flight per worker hide the pipe round trip; more only ever starves other workers.
            this.depth = sweep.chunk() > 0 ? sweep.chunk() : 2;
        }

        @Override
        public Task handedOver() {
            return sent.peekFirst();
        }

        @Override
        public ProcessSweep.Attempt attempt(Task task) throws IOException, ProcessSweep.Cancelled {
            long start = System.nanoTime();
            if (worker == null) {
                worker = new Worker(sweep, jvm.command(true, List.of("--serve")));
                try {
                    Protocol.Reply ready = Protocol.readReply(worker.in, true);
                    if (ready.pid() != worker.process.pid()) {
                        throw new Protocol.ProtocolException("worker says its pid is " + ready.pid());
                    }
                } catch (IOException e) {
                    return lost(task, "worker could not start: " + e.getMessage());
                }
            }
            Worker w = worker;
            w.stderr.current = task.index();
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> timer = sweep.killLater(w.process, () -> timedOut.set(true));
            try {
                if (sent.isEmpty()) {
                    w.frames.task(task);
                    sent.add(task);
                }
                for (Task next; sent.size() < depth && (next = sweep.prefetch()) != null; ) {
                    // Sent now, read by the worker when it is done with the tasks before it.
                    sent.add(next);
                    w.frames.task(next);
                }
                Protocol.Reply r = Protocol.readReply(w.in, false);
                if (r.index() != task.index()) {
                    throw new Protocol.ProtocolException("worker answered for task " + r.index()
                            + " instead of task " + task.index());
                }
                sent.removeFirst();
                if (timer != null) {
                    timer.cancel(false);
                }
                w.stderr.current = sent.isEmpty() ? -1 : sent.peekFirst().index();
                if (r.type() == Protocol.OK) {
                    return ProcessSweep.Attempt.done(new TaskResult(task, r.summary(), System.nanoTime() - start,
                            "pool-" + slot + " pid " + w.process.pid()));
                }
                return ProcessSweep.Attempt.failed(r.error());
            } catch (Protocol.ProtocolException e) {
                // Its stdout is out of step now: this worker cannot be trusted with another frame.
                if (timer != null) {
                    timer.cancel(false);
                }
                String why = timedOut.get() ? null : e.getMessage();
                ProcessSweep.Attempt a = lost(task, why == null ? timeoutMessage(w) : why);
                return why == null ? a : ProcessSweep.Attempt.failed(a.error());
            } catch (IOException e) {
                if (timer != null) {
                    timer.cancel(false);
                }
                return lost(task, timedOut.get() ? timeoutMessage(w) : null);
            }
        }

        private String timeoutMessage(Worker w) {
            return "timed out after " + ProcessExecutor.seconds(sweep) + " s; worker pid " + w.process.pid()
                    + " killed";
        }

        /** Ends the current worker and says why in one line, with its last stderr line. */
        private ProcessSweep.Attempt lost(Task task, String why) {
            Worker w = worker;
            worker = null;
            w.kill();
            // The running task is this attempt's; the ones sent behind it go back to the queue. The worker
            // may have begun the next one just before it died (its result still in the pipe), so the dead
            // process's partial file goes too; kill() has reaped it, so nothing can write it any more.
            sent.pollFirst();
            for (Task t : sent) {
                ProcessSweep.removePartial(t);
                sweep.giveBack(t);
            }
            sent.clear();
            String reason = why != null ? why
                    : "worker pid " + w.process.pid() + " " + ProcessSweep.exitDescription(w.process.exitValue());
            Path log = w.stderr.lastFile;
            String last = w.stderr.lastLine;
            String hint = sweep.keepsLogs() && log != null ? "; stderr in " + log + (last.isEmpty() ? "" : ": " + last)
                    : last.isEmpty() ? "" : "; stderr: " + last;
            return ProcessSweep.Attempt.lost(reason + hint);
        }

        @Override
        public void close() {
            if (worker != null) {
                worker.close();
                worker = null;
            }
        }
    }

    /** A worker process, its frame streams and the thread that files its stderr. */
    private static final class Worker {
        final Process process;
        final DataInputStream in;
        final Protocol.Writer frames;
        final StderrPump stderr;
        private final Thread pump;
        private final ProcessSweep sweep;

        Worker(ProcessSweep sweep, List<String> command) throws IOException, ProcessSweep.Cancelled {
            this.sweep = sweep;
            this.process = sweep.start(new ProcessBuilder(command));
            this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
            this.frames = new Protocol.Writer(new DataOutputStream(new BufferedOutputStream(process.getOutputStream(),
                    1 << 12)));
            this.stderr = new StderrPump(sweep, process);
            this.pump = new Thread(stderr, "mcsweep-stderr-" + process.pid());
            pump.setDaemon(true);
            pump.start();
        }

        /** Kills the process and waits for it and its stderr. */
        void kill() {
            process.destroyForcibly();
            reap();
        }

        /** Closes its stdin, the signal to finish; kills it if it does not exit promptly. */
        void close() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // it is gone already
            }
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            reap();
        }

        private void reap() {
            process.onExit().join();
            if (ProcessSweep.joinUninterruptibly(pump)) {
                Thread.currentThread().interrupt();
            }
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // closing a dead pipe
            }
            sweep.exited(process);
        }
    }

    /**
     * Files a worker's stderr per task: the worker ends each task's output with a mark naming the task, so
     * lines are attributed exactly whenever this thread reads them; what is left when the worker dies belongs
     * to the task it was running.
     */
    private static final class StderrPump implements Runnable {
        private static final int MAX_KEPT = 1 << 20;
        private final ProcessSweep sweep;
        private final Process process;
        volatile int current = -1;
        volatile String lastLine = "";
        volatile Path lastFile;
        private final StringBuilder buffer = new StringBuilder();

        StderrPump(ProcessSweep sweep, Process process) {
            this.sweep = sweep;
            this.process = process;
        }

        @Override
        public void run() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(WorkerMain.END_OF_TASK_MARK)) {
                        flush("task-" + line.substring(WorkerMain.END_OF_TASK_MARK.length()).strip());
                    } else if (buffer.length() < MAX_KEPT) {
                        buffer.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the pipe broke with the process; keep what we have
            }
            int task = current;
            flush(task >= 0 ? "task-" + task : "worker-" + process.pid());
        }

        private void flush(String name) {
            if (buffer.isEmpty()) {
                return;
            }
            String text = buffer.toString();
            buffer.setLength(0);
            String last = ProcessSweep.lastLine(text);
            if (!last.isEmpty()) {
                lastLine = last;
            }
            try {
                Path file = sweep.logFile(name + ".stderr");
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
                lastFile = file;
            } catch (IOException e) {
                // a log we cannot write must not stop the sweep
            }
        }
    }
}
