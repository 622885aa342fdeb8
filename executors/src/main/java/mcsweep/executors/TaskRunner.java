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
            return kernel.run(params, task.iterations(), rng, TraceSink.NONE);
        }
        Summary[] summary = new Summary[1];
        AtomicFile.write(task.output(), false, out -> {
            CsvTraceWriter csv = new CsvTraceWriter(out);
            summary[0] = kernel.run(params, task.iterations(), rng, csv);
            csv.flush();
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
