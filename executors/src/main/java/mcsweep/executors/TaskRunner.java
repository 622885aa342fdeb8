package mcsweep.executors;

import java.io.IOException;

import mcsweep.executors.command.CommandKernel;
import mcsweep.executors.map.MapTasks;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.Seeds;
import mcsweep.kernel.Summary;
import mcsweep.kernel.TraceSink;
import mcsweep.kernel.io.AtomicFile;
import mcsweep.kernel.io.CsvTraceWriter;
import mcsweep.kernel.io.NpyTraceWriter;

/**
 * Runs one task in the current thread: the kernel, its random stream and its trace file. Every executor
 * ends up here, in this JVM or in a worker JVM, which is what makes their outputs identical.
 */
public final class TaskRunner {

    /** Decides, once the kernel has returned, whether its result counts; throws to refuse it. */
    @FunctionalInterface
    public interface Acceptance {
        void accept() throws IOException;

        /** Accepts every result. */
        Acceptance ALWAYS = () -> { };
    }

    private TaskRunner() {
    }

    /**
     * Runs {@code task} and writes its trace atomically (whole, or not at all).
     *
     * @throws InterruptedException if the thread was interrupted; no trace file is left behind
     * @throws IOException          if the trace could not be written; no trace file is left behind
     */
    public static Summary run(Task task) throws IOException, InterruptedException {
        return run(task, Acceptance.ALWAYS);
    }

    /**
     * Runs {@code task}, writes its trace to a temporary file, asks {@code acceptance} whether the result
     * counts, and only then renames the trace into place: a trace exists only for a result that counted.
     *
     * @throws IOException if the trace could not be written or {@code acceptance} refused; no trace is left
     */
    public static Summary run(Task task, Acceptance acceptance) throws IOException, InterruptedException {
        return execute(task, acceptance).summary();
    }

    /**
     * What {@link #execute} returns.
     *
     * @param checksum XXH64 of the trace's bytes ({@link Xxh64#hex}), or {@code null} without a trace or
     *                 when a program wrote it
     */
    public record Outcome(Summary summary, String checksum) {
    }

    /**
     * {@link #run(Task, Acceptance)}, also returning the checksum of the trace, computed from the bytes as
     * they were written: the job log needs it, and reading every file back on the sweep's one consumer
     * thread cost it a third of its CPU time in the lesson's scan (69 MB), while the workers waited for a
     * core.
     */
    public static Outcome execute(Task task, Acceptance acceptance) throws IOException, InterruptedException {
        if (task.output() == null) {
            Summary s = runInto(task);
            acceptance.accept();
            return new Outcome(s, null);
        }
        AtomicFile.Staged staged = AtomicFile.stage(task.output());
        long[] hash = new long[1];
        boolean[] hashed = new boolean[1];
        Summary s = runInto(task.withOutput(staged.path()), hash, hashed);
        try {
            acceptance.accept();
        } catch (IOException | RuntimeException e) {
            staged.discard();
            throw e;
        }
        staged.commit();
        return new Outcome(s, hashed[0] ? Xxh64.hex(hash[0]) : null);
    }

    /**
     * Runs {@code task} and writes its trace to exactly {@code task.output()}, without renaming it: for a
     * worker process whose parent chose that (temporary) path and renames it once it accepts the result. If
     * the task fails, a temporary output is removed.
     */
    public static Summary runInto(Task task) throws IOException, InterruptedException {
        return runInto(task, new long[1], new boolean[1]);
    }

    /** {@link #runInto(Task)}, setting {@code hash[0]} to the trace's XXH64 and {@code hashed[0]} when it did. */
    private static Summary runInto(Task task, long[] hash, boolean[] hashed) throws IOException, InterruptedException {
        // Compile-time constant prefixes: ordinary tasks never load (or initialise) these two classes, which
        // matters in a worker JVM started per task.
        if (task.kernel().startsWith(CommandKernel.PREFIX)) { // a program writes its own file: seed and path
            return CommandKernel.byName(task.kernel()).run(task);
        }
        if (task.kernel().startsWith(MapTasks.PREFIX)) { // an element of Pool.map: a function of this JVM
            return MapTasks.run(task);
        }
        Kernel kernel = Kernels.byName(task.kernel());
        double[] params = task.params();
        var rng = Seeds.generator(task.rng(), task.seed());
        if (task.output() == null) {
            return kernel.run(params, task.iterations(), rng, TraceSink.NONE, task.scheme());
        }
        Summary[] summary = new Summary[1];
        // The format follows the target's name (the output may be a temporary name standing for it): .npy is
        // NumPy's format (one row per iteration), anything else CSV.
        boolean npy = AtomicFile.targetName(task.output()).endsWith(".npy");
        AtomicFile.writeStagedInChunks(task.output(), file -> {
            Xxh64.HashingStream out = new Xxh64.HashingStream(file); // the writers hand over whole buffers
            if (npy) {
                NpyTraceWriter w = new NpyTraceWriter(out, task.iterations());
                summary[0] = kernel.run(params, task.iterations(), rng, w, task.scheme());
                w.finish();
            } else {
                CsvTraceWriter csv = new CsvTraceWriter(out);
                summary[0] = kernel.run(params, task.iterations(), rng, csv, task.scheme());
                csv.flush();
            }
            hash[0] = out.hash.value();
            hashed[0] = true;
        });
        return summary[0];
    }

    /** One line for a failure: the exception's class and message, without a stack trace. */
    public static String describe(Throwable t) {
        String m = t.getMessage();
        String type = t.getClass().getSimpleName();
        return m == null || m.isBlank() ? type : type + ": " + m;
    }
}
