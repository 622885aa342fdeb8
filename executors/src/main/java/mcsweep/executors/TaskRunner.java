package mcsweep.executors;

import java.io.IOException;

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

    private TaskRunner() {
    }

    /**
     * Runs {@code task} and writes its trace atomically (whole, or not at all).
     *
     * @throws InterruptedException if the thread was interrupted; no trace file is left behind
     * @throws IOException          if the trace could not be written; no trace file is left behind
     */
    public static Summary run(Task task) throws IOException, InterruptedException {
        Kernel kernel = Kernels.byName(task.kernel());
        double[] params = task.params();
        var rng = Seeds.generator(task.rng(), task.seed());
        if (task.output() == null) {
            return kernel.run(params, task.iterations(), rng, TraceSink.NONE);
        }
        Summary[] summary = new Summary[1];
        // The format follows the file name: .npy is NumPy's format (one row per iteration), anything else CSV.
        boolean npy = task.output().getFileName().toString().endsWith(".npy");
        AtomicFile.write(task.output(), false, out -> {
            if (npy) {
                NpyTraceWriter w = new NpyTraceWriter(out, task.iterations());
                summary[0] = kernel.run(params, task.iterations(), rng, w);
                w.finish();
            } else {
                CsvTraceWriter csv = new CsvTraceWriter(out);
                summary[0] = kernel.run(params, task.iterations(), rng, csv);
                csv.flush();
            }
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
