package mcsweep.executors.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.ParallelExecutor;
import mcsweep.executors.SweepRun;
import mcsweep.executors.Task;
import mcsweep.executors.TaskResult;
import mcsweep.executors.Uninterruptibly;
import mcsweep.executors.Watchdog;
import mcsweep.kernel.io.AtomicFile;

/**
 * Runs tasks in {@code workers} long-lived worker JVMs, each fed tasks over its stdin and answering on its
 * stdout in the small binary protocol of {@link Protocol}: the analogue of a Pathos or multiprocessing pool,
 * paying JVM start-up once per worker instead of once per task. When the sweep never halts, each worker gets
 * its next tasks before it has finished the current one ({@code --chunk K}: up to K in flight, default 2), so
 * that it never waits for a round trip through the parent.
 *
 * <p><b>Flow control.</b> A driver thread both writes a worker's tasks and reads its replies, so it must never
 * block writing while the worker blocks writing a reply it does not read. It therefore writes a task ahead
 * only while all unanswered task frames together fit in {@value #PIPE_BYTES} bytes, the smallest pipe buffer
 * Linux gives (one page): such a write cannot block, whatever the worker does. The first unanswered frame is
 * always written: the worker has answered everything before it, so it is reading. No {@code --chunk} can
 * therefore fill both pipes; a large one just stops at what fits.
 *
 * <p>The worker writes each trace under a temporary name this JVM chose; this JVM renames it into place once
 * it accepts the reply (in time, from a live worker), so a trace exists only for a task reported finished.
 * A worker that dies, is killed or times out ({@link ExecutionOptions#timeout()}) is replaced by a fresh
 * one; its task is retried up to {@link ExecutionOptions#retries()} times, the tasks sent behind it go back
 * to the queue, its partial files are removed, and results already received are kept. A worker that writes
 * anything but frames to its stdout is stopped and its task fails with the stray output in the message. Each
 * task's stderr goes to {@code logDir/task-INDEX.stderr} (only when it wrote something); a worker's stderr
 * outside any task to {@code logDir/worker-PID.stderr}. Workers exit by themselves when their stdin closes
 * (the sweep ended) or their parent dies.
 */
public final class PoolExecutor extends ParallelExecutor {

    /** Bytes of unanswered task frames a worker may have in its stdin: Linux's smallest pipe buffer. */
    static final int PIPE_BYTES = 4096;

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public String description() {
        return "N long-lived worker JVMs fed over stdin/stdout (like a Pathos pool); --timeout, --retries";
    }

    @Override
    protected Workers start(SweepRun run, int workers) {
        WorkerJvm jvm = WorkerJvm.forThisJvm(false);
        jvm.archive(); // before any task's clock starts; an interrupt here cancels the sweep
        if (Thread.currentThread().isInterrupted()) {
            run.skip(run.size());
            return Workers.NONE;
        }
        WorkerProcesses processes = new WorkerProcesses();
        TaskLogs logs = new TaskLogs(run.options().logDir());
        TaskQueue queue = new TaskQueue(run);
        return new ProcessWorkers(name(), run, queue, processes, logs, workers,
                slot -> new PoolSlot(run, queue, jvm, processes, logs, slot));
    }

    /** One worker JVM at a time, replaced when lost. */
    private static final class PoolSlot implements Slot {

        /** A task written to the worker, its staged trace and the size of its frame. */
        private record InFlight(Task task, AtomicFile.Staged staged, int bytes) {
        }

        private final SweepRun run;
        private final TaskQueue queue;
        private final WorkerJvm jvm;
        private final WorkerProcesses processes;
        private final TaskLogs logs;
        private final int slot;
        private final int window;
        private Worker worker;
        /** Tasks written to the worker whose replies are still to come, the running one first. */
        private final ArrayDeque<InFlight> sent = new ArrayDeque<>();
        private int bytesInFlight;
        /** A task taken ahead that did not fit into the pipe yet; it runs after those sent. */
        private Task held;

        PoolSlot(SweepRun run, TaskQueue queue, WorkerJvm jvm, WorkerProcesses processes, TaskLogs logs, int slot) {
            this.run = run;
            this.queue = queue;
            this.jvm = jvm;
            this.processes = processes;
            this.logs = logs;
            this.slot = slot;
            // Two in flight hide the pipe round trip; more only ever starves other workers.
            this.window = run.options().chunkOr(2);
        }

        @Override
        public Task handedOver() {
            return sent.isEmpty() ? held : sent.peekFirst().task();
        }

        @Override
        public Attempt attempt(Task task) throws IOException, WorkerProcesses.Cancelled {
            long start = System.nanoTime();
            if (worker == null) {
                worker = new Worker(processes, logs, jvm.command(true, List.of("--serve")));
                try {
                    Protocol.Reply ready = Protocol.readReply(worker.in, true);
                    if (ready.pid() != worker.process.pid()) {
                        throw new Protocol.ProtocolException("worker says its pid is " + ready.pid());
                    }
                } catch (IOException e) {
                    return lost(task, startFailure(worker, e));
                }
            }
            Worker w = worker;
            if (sent.isEmpty()) {
                if (held == task) {
                    held = null;
                }
                AtomicFile.Staged staged;
                try {
                    staged = task.output() == null ? null : AtomicFile.stage(task.output());
                } catch (IOException e) {
                    return Attempt.failed("cannot write " + task.output() + ": " + e.getMessage());
                }
                try {
                    send(w, task, staged);
                } catch (IOException e) {
                    return lost(task, null);
                }
            }
            w.stderr.current = task.index();
            try {
                sendAhead(w);
            } catch (IOException e) {
                return lost(task, null);
            }
            Watchdog watchdog = run.watchdog();
            Watchdog.Deadline deadline = watchdog == null ? null : watchdog.arm(() -> WorkerProcesses.kill(w.process));
            Protocol.Reply r;
            try {
                r = Protocol.readReply(w.in, false);
            } catch (IOException e) {
                boolean timedOut = deadline != null && !deadline.disarm();
                if (timedOut) {
                    return lost(task, timeoutMessage(w));
                }
                if (e instanceof Protocol.ProtocolException) {
                    // Its stdout is out of step now: this worker cannot be trusted with another frame.
                    return Attempt.failed(lost(task, e.getMessage()).error());
                }
                return lost(task, null);
            }
            if (deadline != null && !deadline.disarm()) {
                return lost(task, timeoutMessage(w)); // it answered, but too late: the kill is under way
            }
            if (r.index() != task.index()) {
                return Attempt.failed(lost(task, "worker answered for task " + r.index() + " instead of task "
                        + task.index()).error());
            }
            InFlight head = sent.removeFirst();
            bytesInFlight -= head.bytes();
            w.stderr.current = sent.isEmpty() ? -1 : sent.peekFirst().task().index();
            if (r.type() != Protocol.OK) {
                discard(head);
                return Attempt.failed(r.error());
            }
            if (head.staged() != null) {
                try {
                    head.staged().commit();
                } catch (IOException e) {
                    return Attempt.failed("cannot write " + task.output() + ": " + e.getMessage());
                }
            }
            return Attempt.done(new TaskResult(task, r.summary(), System.nanoTime() - start,
                    "pool-" + slot + " pid " + w.process.pid()));
        }

        /** Writes tasks ahead while the window and the pipe have room (see the class comment). */
        private void sendAhead(Worker w) throws IOException {
            while (sent.size() < window) {
                Task next = held != null ? held : queue.prefetch();
                if (next == null) {
                    return;
                }
                held = next;
                AtomicFile.Staged staged;
                try {
                    staged = next.output() == null ? null : AtomicFile.stage(next.output());
                } catch (IOException e) {
                    return; // it fails when it is the head, with its own message
                }
                if (bytesInFlight + Protocol.taskFrameSize(sentForm(next, staged)) > PIPE_BYTES) {
                    return;
                }
                held = null;
                send(w, next, staged);
            }
        }

        private static Task sentForm(Task t, AtomicFile.Staged staged) {
            return staged == null ? t : t.withOutput(staged.path());
        }

        private void send(Worker w, Task t, AtomicFile.Staged staged) throws IOException {
            Task form = sentForm(t, staged);
            InFlight f = new InFlight(t, staged, Protocol.taskFrameSize(form));
            sent.add(f); // before the write: a worker that dies mid-frame may have begun it
            bytesInFlight += f.bytes();
            w.frames.task(form);
        }

        private static void discard(InFlight f) {
            if (f.staged() != null) {
                f.staged().discard();
            }
        }

        private String timeoutMessage(Worker w) {
            return run.watchdog().message() + "; worker pid " + w.process.pid() + " killed";
        }

        /**
         * Why {@code w} never said it was ready. Its stdout ending first means it died starting (killed, out
         * of memory, a bad JVM flag): say how, as for a worker lost mid-task, once it has exited (a bounded
         * wait: the pipe closes a moment before the process is reaped). Garbage instead of the ready frame is
         * the protocol's complaint.
         */
        private static String startFailure(Worker w, IOException e) {
            if (!(e instanceof Protocol.ProtocolException)) {
                boolean[] exited = new boolean[1];
                Uninterruptibly.await(() -> exited[0] = w.process.waitFor(2, TimeUnit.SECONDS));
                if (exited[0]) {
                    return howItEnded(w) + " while starting";
                }
            }
            return "worker could not start: " + e.getMessage();
        }

        /** "worker pid N was killed (signal 9)", say, for a worker that has exited. */
        private static String howItEnded(Worker w) {
            return "worker pid " + w.process.pid() + " " + WorkerProcesses.exitDescription(w.process.exitValue());
        }

        /** Ends the current worker and says why in one line, with its last stderr line. */
        private Attempt lost(Task task, String why) {
            Worker w = worker;
            worker = null;
            w.kill();
            // The running task is this attempt's; the ones sent behind it go back to the queue. The worker
            // may have begun any of them just before it died, so their partial files go too; kill() has
            // reaped it, so nothing can write them any more.
            for (InFlight f : sent) {
                discard(f);
                if (f.task() != task) {
                    queue.giveBack(f.task());
                }
            }
            sent.clear();
            bytesInFlight = 0;
            if (held != null && held != task) {
                queue.giveBack(held);
            }
            held = null;
            String reason = why != null ? why : howItEnded(w);
            return Attempt.lost(reason + logs.hint(w.stderr.lastFile, w.stderr.lastLine));
        }

        @Override
        public void close() {
            if (worker != null) {
                worker.close();
                worker = null;
            }
            sent.forEach(PoolSlot::discard);
        }
    }

    /** A worker process, its frame streams and the thread that files its stderr. */
    private static final class Worker {
        final Process process;
        final DataInputStream in;
        final Protocol.Writer frames;
        final StderrPump stderr;
        private final Thread pump;
        private final WorkerProcesses processes;

        Worker(WorkerProcesses processes, TaskLogs logs, List<String> command)
                throws IOException, WorkerProcesses.Cancelled {
            this.processes = processes;
            this.process = processes.start(new ProcessBuilder(command));
            this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
            this.frames = new Protocol.Writer(new DataOutputStream(new BufferedOutputStream(process.getOutputStream(),
                    1 << 12)));
            this.stderr = new StderrPump(logs, process);
            this.pump = new Thread(stderr, "mcsweep-stderr-" + process.pid());
            pump.setDaemon(true);
            pump.start();
        }

        /** Kills the process and waits for it and its stderr. */
        void kill() {
            WorkerProcesses.kill(process);
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
            Uninterruptibly.join(pump);
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // closing a dead pipe
            }
            processes.exited(process);
        }
    }

    /**
     * Files a worker's stderr per task: the worker ends each task's output with a mark naming the task, so
     * lines are attributed exactly whenever this thread reads them; what is left when the worker dies belongs
     * to the task it was running.
     */
    private static final class StderrPump implements Runnable {
        private static final int MAX_KEPT = 1 << 20;
        private final TaskLogs logs;
        private final Process process;
        volatile int current = -1;
        volatile String lastLine = "";
        volatile Path lastFile;
        private final StringBuilder buffer = new StringBuilder();

        StderrPump(TaskLogs logs, Process process) {
            this.logs = logs;
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
            String last = TaskLogs.lastLine(text);
            if (!last.isEmpty()) {
                lastLine = last;
            }
            try {
                Path file = logs.file(name + ".stderr");
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
