package mcsweep.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutors;
import mcsweep.executors.Task;
import mcsweep.executors.sweep.SweepPlan;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.Scheme;
import mcsweep.kernel.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcsweep run X0 BETA H ITERATIONS OUTPUT}: one task, with the lesson program's arguments. */
@Command(name = "run", mixinStandardHelpOptions = true, header = "Runs one Metropolis task with the lesson program's arguments.", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs one Metropolis task, taking the lesson program's arguments in its order",
            "(mc.py X0 BETA H NUM_ITERATIONS OUTPUT_FILE), and writes its trace as CSV to OUTPUT.",
            "The task's stream is the one 'mcsweep sweep' gives the same values and --seed."})
final class RunCommand implements Callable<Integer> {

    // Numbers are read as text, by the grammar 'sweep' uses for its lists (decimal; -0 is 0).
    @Parameters(index = "0", paramLabel = "X0", description = "starting point")
    String x0;

    @Parameters(index = "1", paramLabel = "BETA", description = "inverse temperature, > 0")
    String beta;

    @Parameters(index = "2", paramLabel = "H", description = "step parameter, > 0")
    String h;

    @Parameters(index = "3", paramLabel = "ITERATIONS", description = "steps, >= 1")
    long iterations;

    @Parameters(index = "4", paramLabel = "OUTPUT", description = "trace file (CSV)")
    Path output;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "sweep seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--replica", paramLabel = "R", defaultValue = "0", description = "replica number (default: ${DEFAULT-VALUE})")
    int replica;

    @Option(names = "--rng", paramLabel = "ALGORITHM", defaultValue = Seeds.DEFAULT_ALGORITHM,
            description = "java.util.random algorithm (default: ${DEFAULT-VALUE})")
    String rng;

    @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "v4",
            description = "stream scheme: v4; v3, v2 or v1 reproduce traces written before it (v3: v4 with"
                    + " a double-precision logarithm; v1: the lesson program's draws) (default: ${DEFAULT-VALUE})")
    String scheme;

    @Option(names = {"-q", "--quiet"}, description = "no summary table")
    boolean quiet;

    @Override
    public Integer call() {
        Kernel kernel = Kernels.byName(MetropolisKernel.NAME);
        double[] values = new double[3];
        values[MetropolisKernel.X0] = ValueLists.single("X0", x0);
        values[MetropolisKernel.H] = ValueLists.single("H", h);
        values[MetropolisKernel.BETA] = ValueLists.single("BETA", beta);
        String[] labels = {"X0", "H", "BETA"};
        List<Parameter> params = kernel.parameters();
        for (int i = 0; i < values.length; i++) {
            String problem = params.get(i).problem(values[i]);
            if (problem != null) {
                throw new UserError(labels[i] + ": " + problem);
            }
        }
        Limits.ITERATIONS.check("ITERATIONS", iterations);
        Limits.REPLICA.check("--replica", replica);
        SweepPlan.checkRng("--rng", rng);
        Path file = output.toAbsolutePath().normalize();
        if (file.getFileName() == null || file.getFileName().toString().startsWith(".")) {
            throw new UserError("OUTPUT: '" + output + "' is not a usable file name");
        }
        Path dir = file.getParent();
        OutputFolder.check("OUTPUT", dir);
        if (java.nio.file.Files.isDirectory(file)) {
            throw new UserError("OUTPUT: " + output + " is a folder");
        }
        long taskSeed = Seeds.taskSeed(seed, params.stream().map(Parameter::name).toList(), values, replica);
        Task task = new Task(0, kernel.name(), values, iterations, replica, taskSeed, rng, file,
                SweepCommand.scheme(scheme));
        OutputFolder.create("OUTPUT", dir);
        return Sweeps.run(kernel, List.of(task), SweepExecutors.byName("sequential"),
                ExecutionOptions.defaults().withWorkers(1), null, quiet);
    }
}
