package mcsweep.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.HaltPolicy;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepExecutors;
import mcsweep.executors.Task;
import mcsweep.executors.command.CommandKernel;
import mcsweep.executors.sweep.Sweep;
import mcsweep.executors.sweep.SweepPlan;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Scheme;
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
                + " (199: 99 or more); 130 interrupted by Ctrl-C (SIGINT); 143 terminated (SIGTERM);"
                + " 74 results could not be recorded (see joblog.tsv).",
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
    List<String> params = new ArrayList<>();

    @Option(names = "--iterations", paramLabel = "N",
            description = "steps per task, 1 to 2^63-1 (required, here or in --spec)")
    long iterations;

    @Option(names = "--zip", description = "pair the lists element by element instead of taking their product;"
            + " a list of one value goes with every element")
    boolean zip;

    @Option(names = "--replicas", paramLabel = "R", defaultValue = "1",
            description = "independent runs of each combination, with different streams, >= 1 (default: ${DEFAULT-VALUE})")
    int replicas;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "sweep seed, any 64-bit integer; each task's stream derives from it and the task's values"
                    + " (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mc_data",
            description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--template", paramLabel = "NAME",
            description = "trace file name; placeholders: parameter names, {iterations}, {replica}, {index}, {seed}"
                    + " (default: the kernel's parameters, name={name} joined by _; metropolis: b{beta}_m{x0}_h{h}.csv;"
                    + " _r{replica} added when --replicas > 1)")
    String template;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "trace format: csv, npy (NumPy), or none for summaries only (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = MetropolisKernel.NAME,
            description = "kernel to run (default: ${DEFAULT-VALUE}); see 'mcsweep kernels'")
    String kernelName;

    @Option(names = "--command", paramLabel = "'PROGRAM ARGS'",
            description = "run a program per task instead of a kernel, like GNU Parallel: {NAME} for a parameter,"
                    + " {iterations}, {seed}, {index}, {replica}, {file} (the output it writes)")
    String command;

    @Option(names = "--rng", paramLabel = "ALGORITHM", defaultValue = Seeds.DEFAULT_ALGORITHM,
            description = "java.util.random algorithm (default: ${DEFAULT-VALUE})")
    String rng;

    @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "v2",
            description = "stream scheme: v2, or v1 for the lesson program's draws, as before v2 existed (default: ${DEFAULT-VALUE})")
    String scheme;

    @Option(names = {"-e", "--executor"}, paramLabel = "NAME", defaultValue = "forkjoin",
            description = "where tasks run (default: ${DEFAULT-VALUE}); see 'mcsweep executors'")
    String executorName;

    @Option(names = {"-j", "--workers"}, paramLabel = "N",
            description = "tasks at once (default: number of processors); at most 32767 for forkjoin, 10000 for threads,"
                    + " 1000000 for virtual, 1024 for process and pool")
    Integer workers;

    @Option(names = "--chunk", paramLabel = "K", defaultValue = "0",
            description = "tasks per submission, 0 to 1000000; 0 lets the executor choose (default)")
    int chunk;

    @Option(names = "--halt", paramLabel = "WHEN", defaultValue = "never",
            description = "on a failed task: never (keep going), soon (start nothing new), now (cancel running)")
    String halt;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "per-task time limit, 0.001 to 1e+07 seconds, under every executor (in-JVM tasks stop at their next block)")
    Double timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "0",
            description = "extra attempts for a task whose worker process died or timed out, 0 to 100"
                    + " (default: ${DEFAULT-VALUE})")
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
        Kernel kernel = command != null ? commandKernel(command) : kernel(kernelName);
        Map<String, List<Double>> values = values();
        SweepPlan.template(kernel, format, template, replicas); // refuses a bad --format before the other options
        SweepExecutor executor = slurm.selected(executorName) ? null : executor(executorName);
        slurm.warnIfIgnored(executorName);
        // Executors that run tasks in processes keep each task's stderr there (only when it wrote some).
        ExecutionOptions options = executionOptions(executorName, workers, chunk, halt, timeout, retries)
                .withLogDir(out.resolve(SweepFiles.LOGS));
        Scheme streams = scheme(scheme);
        // The Java API plans the tasks: the command line is a layer over it (job log, resume, shards, summary).
        Sweep sweep = Sweep.builder(kernel).values(values).zip(zip).replicas(replicas).iterations(iterations)
                .seed(seed).rng(rng).scheme(streams).out(out).format(format).template(template).build();
        List<Task> tasks = sweep.tasks();
        String tpl = sweep.template();
        SweepDefinition definition = SweepDefinition.of(kernel.name(), streams, rng, seed, iterations, zip, replicas,
                format, tpl, SpecOptions.inKernelOrder(kernel, values));
        if (printSpec) {
            System.out.print(SpecOptions.print(this, definition));
            return ExitCodes.OK;
        }
        if (executor == null && !dryRun) {
            return SlurmSweep.run(slurm, definition, tasks, out, workers, quiet);
        }
        for (String w : OptionEffects.warnings(executorName, workers != null, chunk != 0, timeout != null,
                retries != 0)) {
            System.err.println("mcsweep: warning: " + w);
        }
        return new SweepJob(kernel, definition, tasks, executor, options, out, quiet, resume, resumeFailed,
                shard == null ? null : Shard.parse(shard), dryRun).run();
    }

    /** Each parameter's values, from --x0, --h, --beta and -P NAME=LIST; a parameter given twice is refused. */
    private Map<String, List<Double>> values() {
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
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new UserError("-P: '" + p + "' is not NAME=LIST; write e.g. -P beta=0.5,1");
            }
            String name = p.substring(0, eq).trim();
            if (values.put(name, ValueLists.parse("-P " + name, p.substring(eq + 1))) != null) {
                throw new UserError("values for " + name + " given twice; give each parameter once");
            }
        }
        return values;
    }

    static Kernel kernel(String name) {
        try {
            return Kernels.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--kernel: " + e.getMessage());
        }
    }

    static Scheme scheme(String id) {
        try {
            return Scheme.parse(id);
        } catch (IllegalArgumentException e) {
            throw new UserError("--scheme: " + e.getMessage());
        }
    }

    static Kernel commandKernel(String template) {
        try {
            return CommandKernel.of(template);
        } catch (IllegalArgumentException e) {
            throw new UserError("--command: " + e.getMessage());
        }
    }

    static SweepExecutor executor(String name) {
        try {
            return SweepExecutors.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--executor: " + e.getMessage());
        }
    }

    static ExecutionOptions executionOptions(String executor, Integer workers, int chunk, String halt,
                                             Double timeout, int retries) {
        if (workers != null) {
            Limits.workers(executor).check("--workers", workers);
        }
        Limits.CHUNK.check("--chunk", chunk);
        if (timeout != null) {
            Limits.timeout("--timeout", timeout);
        }
        Limits.RETRIES.check("--retries", retries);
        HaltPolicy policy;
        try {
            policy = HaltPolicy.parse(halt);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ExecutionOptions o = ExecutionOptions.defaults().withChunk(chunk).withHalt(policy).withRetries(retries);
        if (workers != null) {
            o = o.withWorkers(workers);
        } else {
            o = o.withWorkers(Math.min(o.workers(), (int) Limits.workers(executor).max()));
        }
        if (timeout != null) {
            o = o.withTimeout(Duration.ofNanos(Math.round(timeout * 1e9)));
        }
        return o;
    }
}
