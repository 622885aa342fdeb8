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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code mcsweep sweep}: runs a kernel over a grid of parameter values.
 *
 * <p>Its picocli model is built through picocli's programmatic API ({@link #spec}) rather than from
 * annotations: reflecting over 35 annotated fields costs a JVM that has just started about 0.1 s (each
 * annotation type is a proxy class generated at run time, each field access a method handle), which is
 * more than the whole JVM start-up, and every sweep paid it before its first task. The values are read
 * from the parsed model into the fields below ({@link #readOptions}). The annotation gives only the name
 * and header that {@code mcsweep --help} lists.
 */
@Command(name = "sweep", header = SweepCommand.HEADER, description = SweepCommand.DESCRIPTION_FIRST_LINE)
final class SweepCommand implements Callable<Integer> {

    static final String HEADER = "Runs a kernel over a grid of parameter values.";
    static final String DESCRIPTION_FIRST_LINE =
            "Runs a kernel over every combination of the given values (the Cartesian product, like";

    String x0;
    String h;
    String beta;
    List<String> params = new ArrayList<>();
    long iterations;
    boolean zip;
    int replicas;
    long seed;
    Path out;
    String template;
    String format;
    String kernelName;
    String command;
    String rng;
    String scheme;
    String executorName;
    Integer workers;
    int chunk;
    String halt;
    Double timeout;
    int retries;
    boolean quiet;
    final SlurmOptions slurm = new SlurmOptions();
    Path specFile;
    boolean printSpec;
    boolean dryRun;
    boolean resume;
    boolean resumeFailed;
    String shard;

    /** The model this command was parsed with (set by {@link #spec}). */
    CommandSpec commandSpec;

    /**
     * The model of {@code mcsweep sweep} for {@code command}, in the order the help lists the options.
     * Options keep their values in the model (picocli's default binding) until {@link #readOptions}.
     */
    static CommandSpec spec(SweepCommand command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("sweep");
        // Without interpolation, matching each argument to an option does not resolve every option's names through
        // picocli's interpolator, which cost a sweep 5 ms before its first task; option() fills in the defaults.
        spec.interpolateVariables(false);
        command.commandSpec = spec;
        command.slurm.mixee = spec;
        spec.usageMessage().header(HEADER).sortOptions(false).autoWidth(true)
                .description(DESCRIPTION_FIRST_LINE,
                        "itertools.product), or over the lists taken element by element with --zip.",
                        "Each value list is comma-separated numbers and start:stop:step ranges, e.g. 0.1:0.5:0.1,1,2.",
                        "Writes one trace per task and summary.csv into --out, and prints a summary table.")
                .footer("", "Exit codes: 0 all tasks finished; 2 bad input (nothing written); 100+n n tasks failed"
                        + " (199: 99 or more); 130 interrupted by Ctrl-C (SIGINT); 143 terminated (SIGTERM);"
                        + " 74 results could not be recorded (see joblog.tsv).",
                        "", "Example (the lesson's 7-task sweep):",
                        "  mcsweep sweep --zip --beta 0.5,0.5,1,1,1,2,2 --x0 0.5,1,0.5,1,2,1,2 --h 1 --iterations 100000");
        option(spec, String.class, "LIST", null, "starting points (metropolis)", "--x0");
        option(spec, String.class, "LIST", null, "step parameters, > 0 (metropolis)", "--h");
        option(spec, String.class, "LIST", null, "inverse temperatures, > 0 (metropolis)", "--beta");
        spec.addOption(OptionSpec.builder("-P", "--param").paramLabel("NAME=LIST").type(List.class)
                .auxiliaryTypes(String.class).description("values of any kernel parameter, e.g. -P beta=0.5,1")
                .build());
        option(spec, long.class, "N", null, "steps per task, 1 to 2^63-1 (required, here or in --spec)",
                "--iterations");
        flag(spec, "pair the lists element by element instead of taking their product;"
                + " a list of one value goes with every element", "--zip");
        option(spec, int.class, "R", "1",
                "independent runs of each combination, with different streams, >= 1 (default: ${DEFAULT-VALUE})",
                "--replicas");
        option(spec, long.class, "SEED", "42",
                "sweep seed, any 64-bit integer; each task's stream derives from it and the task's values"
                        + " (default: ${DEFAULT-VALUE})", "--seed");
        option(spec, Path.class, "DIR", "mc_data", "output folder (default: ${DEFAULT-VALUE})", "--out");
        option(spec, String.class, "NAME", null,
                "trace file name; placeholders: parameter names, {iterations}, {replica}, {index}, {seed}"
                        + " (default: the kernel's parameters, name={name} joined by _; metropolis: b{beta}_m{x0}_h{h}.csv;"
                        + " _r{replica} added when --replicas > 1)", "--template");
        option(spec, String.class, "FORMAT", "csv",
                "trace format: csv, npy (NumPy), or none for summaries only (default: ${DEFAULT-VALUE})", "--format");
        option(spec, String.class, "NAME", MetropolisKernel.NAME,
                "kernel to run (default: ${DEFAULT-VALUE}); see 'mcsweep kernels'", "--kernel");
        option(spec, String.class, "'PROGRAM ARGS'", null,
                "run a program per task instead of a kernel, like GNU Parallel: {NAME} for a parameter,"
                        + " {iterations}, {seed}, {index}, {replica}, {file} (the output it writes)", "--command");
        option(spec, String.class, "ALGORITHM", Seeds.DEFAULT_ALGORITHM,
                "java.util.random algorithm (default: ${DEFAULT-VALUE})", "--rng");
        option(spec, String.class, "SCHEME", Scheme.DEFAULT.id(),
                "stream scheme: v4; v3, v2 or v1 reproduce traces written before it (v3: v4 with"
                        + " a double-precision logarithm; v1: the lesson program's draws) (default: ${DEFAULT-VALUE},"
                        + " or what --out's sweep.toml records)",
                "--scheme");
        option(spec, String.class, "NAME", "forkjoin",
                "where tasks run (default: ${DEFAULT-VALUE}); see 'mcsweep executors'", "-e", "--executor");
        option(spec, Integer.class, "N", null,
                "tasks at once (default: number of processors); at most 32767 for forkjoin, 10000 for threads,"
                        + " 1000000 for virtual, 1024 for process and pool", "-j", "--workers");
        option(spec, int.class, "K", "0", "tasks per submission, 0 to 1000000; 0 lets the executor choose (default)",
                "--chunk");
        option(spec, String.class, "WHEN", "never",
                "on a failed task: never (keep going), soon (start nothing new), now (cancel running)", "--halt");
        option(spec, Double.class, "SECONDS", null,
                "per-task time limit, 0.001 to 1e+07 seconds, under every executor (in-JVM tasks stop at their next block)",
                "--timeout");
        option(spec, int.class, "N", "0",
                "extra attempts for a task whose worker process died or timed out, 0 to 100"
                        + " (default: ${DEFAULT-VALUE})", "--retries");
        flag(spec, "no progress and no table; summary.csv only", "-q", "--quiet");
        SlurmOptions.addTo(spec);
        option(spec, Path.class, "FILE", null,
                "read the sweep from a TOML sweep file; options given here override it", "--spec");
        flag(spec, "print the sweep file for this command line, and run nothing", "--print-spec");
        flag(spec, "print the tasks and totals, and write nothing", "--dry-run");
        flag(spec, "run only the tasks that the job log in --out does not show done with an intact file",
                "--resume");
        flag(spec, "like --resume, and run failed tasks again too", "--resume-failed");
        option(spec, String.class, "K/N", null, "run the K-th of N slices of the tasks"
                + " (tasks with index mod N = K-1); combine the shards with 'mcsweep merge'", "--shard");
        // What mixinStandardHelpOptions adds, last as it does.
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    /**
     * An option with a value of {@code type}. {@code ${DEFAULT-VALUE}} in its description is replaced here, as
     * picocli's interpolation would, which sweep's model turns off (see {@link #spec}).
     */
    static void option(CommandSpec spec, Class<?> type, String label, String defaultValue, String description,
                       String... names) {
        String text = defaultValue == null ? description : description.replace("${DEFAULT-VALUE}", defaultValue);
        spec.addOption(OptionSpec.builder(names).type(type).paramLabel(label).defaultValue(defaultValue)
                .description(text).build());
    }

    /** An option without a value: {@code true} when given. */
    static void flag(CommandSpec spec, String description, String... names) {
        spec.addOption(OptionSpec.builder(names).type(boolean.class).description(description).build());
    }

    /** The value of option {@code name}: the one parsed, else its default, else {@code null}. */
    @SuppressWarnings("unchecked")
    static <T> T value(CommandSpec spec, String name) {
        return (T) spec.findOption(name).getValue();
    }

    /** A boolean, int or long option's value, with {@code false} or 0 when it has none. */
    private static boolean flagValue(CommandSpec spec, String name) {
        Boolean b = value(spec, name);
        return b != null && b;
    }

    private static long longValue(CommandSpec spec, String name) {
        Number n = value(spec, name);
        return n == null ? 0 : n.longValue();
    }

    /** Copies the parsed values from the model into the fields. */
    void readOptions() {
        CommandSpec s = commandSpec;
        x0 = value(s, "--x0");
        h = value(s, "--h");
        beta = value(s, "--beta");
        List<String> p = value(s, "--param");
        params = p == null ? new ArrayList<>() : new ArrayList<>(p);
        iterations = longValue(s, "--iterations");
        zip = flagValue(s, "--zip");
        replicas = (int) longValue(s, "--replicas");
        seed = longValue(s, "--seed");
        out = value(s, "--out");
        template = value(s, "--template");
        format = value(s, "--format");
        kernelName = value(s, "--kernel");
        command = value(s, "--command");
        rng = value(s, "--rng");
        scheme = value(s, "--scheme");
        executorName = value(s, "--executor");
        workers = value(s, "--workers");
        chunk = (int) longValue(s, "--chunk");
        halt = value(s, "--halt");
        timeout = value(s, "--timeout");
        retries = (int) longValue(s, "--retries");
        quiet = flagValue(s, "--quiet");
        slurm.readFrom(s);
        specFile = value(s, "--spec");
        printSpec = flagValue(s, "--print-spec");
        dryRun = flagValue(s, "--dry-run");
        resume = flagValue(s, "--resume");
        resumeFailed = flagValue(s, "--resume-failed");
        shard = value(s, "--shard");
    }

    @Override
    public Integer call() {
        readOptions();
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
