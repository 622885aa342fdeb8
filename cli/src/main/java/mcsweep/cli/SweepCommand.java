package mcsweep.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.HaltPolicy;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepExecutors;
import mcsweep.executors.Task;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mcsweep sweep}: runs a kernel over a grid of parameter values. */
@Command(name = "sweep", mixinStandardHelpOptions = true, header = "Runs a kernel over a grid of parameter values.", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Runs a kernel over every combination of the given values (the Cartesian product, like",
            "itertools.product), or over the lists taken element by element with --zip.",
            "Each value list is comma-separated numbers and start:stop:step ranges, e.g. 0.1:0.5:0.1,1,2.",
            "Writes one trace per task and summary.csv into --out, and prints a summary table."},
        footer = {"", "Exit codes: 0 all tasks finished; 2 bad input (nothing written); 100+n n tasks failed"
                + " (199: 99 or more); 130 interrupted; 74 results could not be recorded (see joblog.tsv).",
            "", "Example (the lesson's 7-task sweep):",
            "  mcsweep sweep --zip --beta 0.5,0.5,1,1,1,2,2 --x0 0.5,1,0.5,1,2,1,2 --h 1 --iterations 100000"})
final class SweepCommand implements Callable<Integer> {

    @Option(names = "--x0", paramLabel = "LIST", description = "starting points (metropolis)")
    String x0;

    @Option(names = "--h", paramLabel = "LIST", description = "step parameters, > 0 (metropolis)")
    String h;

    @Option(names = "--beta", paramLabel = "LIST", description = "inverse temperatures, > 0 (metropolis)")
    String beta;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=LIST",
            description = "values of any kernel parameter, e.g. -P beta=0.5,1")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--iterations", paramLabel = "N", description = "steps per task, >= 1 (required, here or in --spec)")
    long iterations;

    @Option(names = "--zip", description = "pair the lists element by element instead of taking their product;"
            + " a list of one value goes with every element")
    boolean zip;

    @Option(names = "--replicas", paramLabel = "R", defaultValue = "1",
            description = "independent runs of each combination, with different streams (default: ${DEFAULT-VALUE})")
    int replicas;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "sweep seed; each task's stream derives from it and the task's values (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mc_data",
            description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--template", paramLabel = "NAME",
            description = "trace file name; placeholders: parameter names, {iterations}, {replica}, {index}, {seed}"
                    + " (default: b{beta}_m{x0}_h{h}.csv, with _r{replica} when --replicas > 1)")
    String template;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "trace format: csv, npy (NumPy), or none for summaries only (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = MetropolisKernel.NAME,
            description = "kernel to run (default: ${DEFAULT-VALUE}); see 'mcsweep kernels'")
    String kernelName;

    @Option(names = "--rng", paramLabel = "ALGORITHM", defaultValue = Seeds.DEFAULT_ALGORITHM,
            description = "java.util.random algorithm (default: ${DEFAULT-VALUE})")
    String rng;

    @Option(names = {"-e", "--executor"}, paramLabel = "NAME", defaultValue = "sequential",
            description = "where tasks run (default: ${DEFAULT-VALUE}); see 'mcsweep executors'")
    String executorName;

    @Option(names = {"-j", "--workers"}, paramLabel = "N",
            description = "tasks at once (default: number of processors)")
    Integer workers;

    @Option(names = "--chunk", paramLabel = "K", defaultValue = "0",
            description = "tasks per submission; 0 lets the executor choose (default)")
    int chunk;

    @Option(names = "--halt", paramLabel = "WHEN", defaultValue = "never",
            description = "on a failed task: never (keep going), soon (start nothing new), now (cancel running)")
    String halt;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "per-task time limit, for executors that run tasks in processes")
    Double timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "0",
            description = "extra attempts for a task whose worker process died or timed out (default: ${DEFAULT-VALUE})")
    int retries;

    @Option(names = {"-q", "--quiet"}, description = "no progress and no table; summary.csv only")
    boolean quiet;

    @Mixin
    SlurmOptions slurm;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "read the sweep from a TOML sweep file; options given here override it")
    Path specFile;

    @Option(names = "--print-spec", description = "print the sweep file for this command line, and run nothing")
    boolean printSpec;

    @Option(names = "--dry-run", description = "print the tasks and totals, and write nothing")
    boolean dryRun;

    @Option(names = "--resume", description = "run only the tasks that the job log in --out does not show done"
            + " with an intact file")
    boolean resume;

    @Option(names = "--resume-failed", description = "like --resume, and run failed tasks again too")
    boolean resumeFailed;

    @Option(names = "--shard", paramLabel = "K/N", description = "run the K-th of N slices of the tasks"
            + " (tasks with index mod N = K-1); combine the shards with 'mcsweep merge'")
    String shard;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        SpecOptions.apply(this);
        Kernel kernel = kernel(kernelName);
        Map<String, List<Double>> values = new LinkedHashMap<>();
        if (x0 != null) {
            values.put("x0", ValueLists.parse("--x0", x0));
        }
        if (h != null) {
            values.put("h", ValueLists.parse("--h", h));
        }
        if (beta != null) {
            values.put("beta", ValueLists.parse("--beta", beta));
        }
        params.forEach((k, v) -> {
            if (values.put(k, ValueLists.parse("-P " + k, v)) != null) {
                throw new UserError("values for " + k + " given twice");
            }
        });
        String tpl = switch (format) {
            case "csv" -> template != null ? template : replicas > 1 ? "b{beta}_m{x0}_h{h}_r{replica}.csv"
                    : "b{beta}_m{x0}_h{h}.csv";
            case "npy" -> SpecOptions.npyTemplate(template, replicas);
            case "none" -> null;
            default -> throw new UserError("--format: '" + format + "' is not a format; choose csv, npy or none");
        };
        // Executors that run tasks in processes keep each task's stderr there (only when it wrote some).
        ExecutionOptions options = executionOptions(workers, chunk, halt, timeout, retries)
                .withLogDir(out.resolve("logs"));
        SweepExecutor executor = slurm.selected(executorName) ? null : executor(executorName);
        slurm.warnIfIgnored(executorName);
        List<Task> tasks = SweepPlan.tasks(new SweepPlan.Spec(kernel, values, zip, replicas, iterations, seed, rng,
                out, tpl));
        SweepDefinition definition = SweepDefinition.of(kernel.name(), rng, seed, iterations, zip, replicas, format,
                tpl, SpecOptions.inKernelOrder(kernel, values));
        if (printSpec) {
            System.out.print(SpecOptions.print(this, definition));
            return ExitCodes.OK;
        }
        if (executor == null && !dryRun) {
            return SlurmSweep.run(slurm, definition, tasks, out, workers, quiet);
        }
        return new SweepJob(kernel, definition, tasks, executor, options, out, quiet, resume, resumeFailed,
                shard == null ? null : Shard.parse(shard), dryRun).run();
    }

    static Kernel kernel(String name) {
        try {
            return Kernels.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--kernel: " + e.getMessage());
        }
    }

    static SweepExecutor executor(String name) {
        try {
            return SweepExecutors.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--executor: " + e.getMessage());
        }
    }

    static ExecutionOptions executionOptions(Integer workers, int chunk, String halt, Double timeout, int retries) {
        if (workers != null && workers < 1) {
            throw new UserError("--workers: " + workers + " is out of range; workers must be >= 1");
        }
        if (chunk < 0) {
            throw new UserError("--chunk: " + chunk + " is out of range; chunk must be >= 0 (0: executor's choice)");
        }
        if (timeout != null && !(timeout > 0 && Double.isFinite(timeout))) {
            throw new UserError("--timeout: " + timeout + " is out of range; timeout must be a number of seconds > 0");
        }
        if (retries < 0) {
            throw new UserError("--retries: " + retries + " is out of range; retries must be >= 0");
        }
        HaltPolicy policy;
        try {
            policy = HaltPolicy.parse(halt);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ExecutionOptions o = ExecutionOptions.defaults().withChunk(chunk).withHalt(policy).withRetries(retries);
        if (workers != null) {
            o = o.withWorkers(workers);
        }
        if (timeout != null) {
            o = o.withTimeout(Duration.ofNanos((long) (timeout * 1e9)));
        }
        return o;
    }
}
