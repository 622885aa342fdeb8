package mcsweep.executors.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import mcsweep.executors.Task;
import mcsweep.executors.TaskRunner;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Seeds;
import mcsweep.kernel.Summary;
import mcsweep.kernel.io.AtomicFile;

/**
 * The entry point of worker JVMs started by the {@code process} and {@code pool} executors. Tasks run through
 * {@link TaskRunner}, as in every other executor, so their traces and summaries are the same bytes. A task's
 * output path is written as given, never renamed: the parent sends a temporary name and renames the file
 * into place once it accepts the reply ({@link TaskRunner#runInto}).
 *
 * <ul>
 * <li>{@code --task ARGS}: runs one task (arguments from {@link Protocol#taskArgs}), prints one reply line on
 *     stdout, exits 0 (ok) or 1 (the task failed).</li>
 * <li>{@code --serve}: runs tasks read as frames from stdin and answers with frames on stdout until stdin
 *     ends.</li>
 * <li>{@code --warmup}: runs a small task the {@code --task} way and the {@code --serve} way without pipes:
 *     what the class-data sharing archive is recorded from.</li>
 * </ul>
 *
 * <p>Either way a worker whose parent dies removes its partial (temporary) trace and exits within a fraction
 * of a second.
 *
 * <p>The real stdout carries the protocol only: {@code System.out} is pointed at stderr, so that a kernel
 * that prints cannot corrupt it.
 */
public final class WorkerMain {

    /** Exit codes: 0 the task finished; 1 the task failed (the reply says why); 2 bad arguments; 3 orphaned. */
    static final int EXIT_FAILED = 1, EXIT_USAGE = 2, EXIT_ORPHANED = 3;

    /** System property holding the parent's pid, set by {@link WorkerJvm#command}. */
    static final String PARENT_PID = "mcsweep.parent.pid";

    /** Start of the line a {@code --serve} worker writes to stderr after a task that wrote there. */
    static final String END_OF_TASK_MARK = "\0mcsweep-end-of-task ";

    /** The task running now, whose partial trace an orphaned worker removes before it exits. */
    private static volatile Task current;

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        // Keep the real stdout for the protocol; everything printed through System.out goes to stderr.
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        CountingStream stderr = new CountingStream(new FileOutputStream(FileDescriptor.err));
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        System.setErr(err);
        System.setOut(err);
        String mode = args.length == 0 ? "" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (mode) {
            case "--task" -> {
                watchParent();
                System.exit(runOne(rest, stdout));
            }
            case "--serve" -> {
                watchParent();
                serve(new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16)),
                        new DataOutputStream(new BufferedOutputStream(stdout, 1 << 16)), stderr);
                System.exit(0);
            }
            case "--warmup" -> System.exit(warmup());
            default -> {
                err.println("usage: WorkerMain --task ARGS | --serve | --warmup");
                System.exit(EXIT_USAGE);
            }
        }
    }

    private static int runOne(List<String> args, OutputStream stdout) throws IOException {
        Task task;
        try {
            task = Protocol.parseTaskArgs(args);
        } catch (RuntimeException e) {
            System.err.println("mcsweep worker: bad arguments: " + TaskRunner.describe(e));
            return EXIT_USAGE;
        }
        current = task;
        String line;
        int code;
        try {
            Summary s = TaskRunner.runInto(task);
            line = Protocol.okLine(task.index(), s);
            code = 0;
        } catch (Exception | Error e) {
            line = Protocol.errorLine(task.index(), TaskRunner.describe(e));
            code = EXIT_FAILED;
        }
        current = null;
        stdout.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdout.flush();
        return code;
    }

    static void serve(DataInputStream in, DataOutputStream out, CountingStream stderr) throws IOException {
        Protocol.Writer writer = new Protocol.Writer(out);
        writer.ready(ProcessHandle.current().pid());
        Task task;
        while ((task = Protocol.readTask(in)) != null) {
            long errBefore = stderr.count();
            current = task;
            Summary s = null;
            String error = null;
            try {
                s = TaskRunner.runInto(task);
            } catch (Exception | Error e) {
                error = TaskRunner.describe(e);
            }
            current = null;
            if (stderr.count() != errBefore) {
                // Lets the parent file this task's stderr under its name, whatever order it reads pipes in.
                stderr.mark((stderr.lastByte() == '\n' ? "" : "\n") + END_OF_TASK_MARK + task.index() + "\n");
            }
            if (error == null) {
                writer.ok(task.index(), s);
            } else {
                writer.error(task.index(), error);
            }
        }
    }

    private static int warmup() throws IOException {
        Path dir = Files.createTempDirectory("mcsweep-warmup");
        try {
            Kernel k = Kernels.byName(MetropolisKernel.NAME);
            double[] params = {1.0, 1.0, 1.0};
            Task t = new Task(0, k.name(), params, 2000, 0, Seeds.taskSeed(1, List.of("x0", "h", "beta"), params, 0),
                    Seeds.DEFAULT_ALGORITHM, AtomicFile.tempFor(dir.resolve("warmup.csv")));
            int code = runOne(Protocol.taskArgs(t), OutputStream.nullOutputStream());
            // The --serve path, through in-memory pipes: frames both ways.
            var frames = new java.io.ByteArrayOutputStream();
            new Protocol.Writer(new DataOutputStream(frames)).task(t);
            var replies = new java.io.ByteArrayOutputStream();
            serve(new DataInputStream(new java.io.ByteArrayInputStream(frames.toByteArray())),
                    new DataOutputStream(replies), new CountingStream(OutputStream.nullOutputStream()));
            var in = new DataInputStream(new java.io.ByteArrayInputStream(replies.toByteArray()));
            Protocol.readReply(in, true);
            Protocol.Reply r = Protocol.readReply(in, false);
            Protocol.parseLine(Protocol.okLine(r.index(), r.summary()), r.index());
            return code;
        } finally {
            try (var left = Files.list(dir)) {
                for (Path f : (Iterable<Path>) left::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Exits when the parent process dies, even by {@code kill -9}. Polls the parent's pid (with its start
     * time, so a reused pid does not fool it) rather than waiting for end of file on stdin: a thread blocked
     * in a native read delays every JVM exit by about 300 ms (HotSpot's VM_Exit waits for threads in native
     * code), which would triple a one-task worker's cost; a sleeping thread costs nothing. In {@code --serve}
     * mode the main thread also exits at end of file on stdin, between tasks.
     */
    private static void watchParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        long expected = Long.getLong(PARENT_PID, -1);
        if (expected >= 0 && (parent.isEmpty() || parent.get().pid() != expected)) {
            orphaned(); // the parent died while we were starting: we have been handed to another
        }
        if (parent.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            while (parent.get().isAlive()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
            orphaned();
        }, "mcsweep-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void orphaned() {
        removePartial();
        // The main thread may be between taking its task and creating the file (loading the kernel): give it
        // the moment it needs to create it, then remove it again. halt() stops it before its next block.
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            // leave at once
        }
        removePartial();
        Runtime.getRuntime().halt(EXIT_ORPHANED);
    }

    private static void removePartial() {
        Task t = current;
        if (t != null && t.output() != null && AtomicFile.isTemporary(t.output())) {
            try {
                Files.deleteIfExists(t.output());
            } catch (IOException | RuntimeException e) {
                // nothing more to do: we are leaving
            }
        }
    }

    /** Stderr that knows how much was written to it and its last byte. */
    static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private long count;
        private int last = '\n';

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            out.write(b);
            count++;
            last = b & 0xFF;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (len > 0) {
                count += len;
                last = b[off + len - 1] & 0xFF;
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        synchronized long count() {
            return count;
        }

        synchronized int lastByte() {
            return last;
        }

        /** Writes without counting. */
        synchronized void mark(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            last = '\n';
        }
    }
}
