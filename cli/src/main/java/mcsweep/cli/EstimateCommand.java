package mcsweep.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepListener;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.executors.TaskFailure;
import mcsweep.executors.TaskResult;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Numbers;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.PiKernel;
import mcsweep.kernel.Reduction;
import mcsweep.kernel.Seeds;
import mcsweep.kernel.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mcsweep estimate}: one large estimate split into independent streams, run on any executor, and
 * merged with the kernel's {@link Reduction}.
 *
 * <p>Stream {@code i} is a task with replica number {@code i}, so its seed comes from {@link Seeds} like any
 * other task's; the samples are shared out as evenly as possible (the first {@code samples % streams} streams
 * take one more). The summaries are merged in stream order whatever order they finished in, so the result
 * is bit-identical under every executor and worker count.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        header = "Splits one large estimate into independent streams and merges their results.",
        description = {
            "Runs --samples iterations of a kernel that declares a reduction (a mergeable",
            "summary, such as pi's sum of counts), split into --streams independent streams,",
            "on any executor; merges the streams' summaries in stream order and prints the",
            "merged summary: the same digits under every executor and worker count."},
        footer = {"", "Example: mcsweep estimate --kernel pi --samples 10^9 --streams 64 -e forkjoin"})
final class EstimateCommand implements Callable<Integer> {

    /** Counts travel as doubles in summaries: exact up to 2^53. */
    static final long MAX_SAMPLES = 1L << 53;

    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = PiKernel.NAME,
            description = "kernel with a reduction (default: ${DEFAULT-VALUE}); see 'mcsweep kernels'")
    String kernelName;

    @Option(names = "--samples", paramLabel = "N", required = true,
            description = "iterations in all, e.g. 1000000, 10^11 or 1e11")
    String samples;

    @Option(names = "--streams", paramLabel = "S", defaultValue = "64",
            description = "independent streams (tasks) to split them into (default: ${DEFAULT-VALUE})")
    int streams;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE", description = "a value for each kernel parameter")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "seed; stream i gets the seed of replica i (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rng", paramLabel = "ALGORITHM", defaultValue = Seeds.DEFAULT_ALGORITHM,
            description = "java.util.random algorithm (default: ${DEFAULT-VALUE})")
    String rng;

    @Option(names = {"-e", "--executor"}, paramLabel = "NAME", defaultValue = "sequential",
            description = "where streams run (default: ${DEFAULT-VALUE}); see 'mcsweep executors'")
    String executorName;

    @Option(names = {"-j", "--workers"}, paramLabel = "N", description = "streams at once (default: number of processors)")
    Integer workers;

    @Override
    public Integer call() {
        Kernel kernel = SweepCommand.kernel(kernelName);
        Reduction reduction = kernel.reduction().orElseThrow(() -> new UserError("--kernel: " + kernel.name()
                + " declares no reduction, so its streams cannot be merged; try --kernel pi"));
        long n = Counts.parse("--samples", samples);
        if (n > MAX_SAMPLES) {
            throw new UserError("--samples: " + samples + " is out of range; samples must be <= 2^53");
        }
        if (streams < 1 || streams > n) {
            throw new UserError("--streams: " + streams + " is out of range; streams must be >= 1 and <= --samples");
        }
        double[] values = values(kernel);
        try {
            Seeds.factory(rng);
        } catch (IllegalArgumentException e) {
            throw new UserError("--rng: " + e.getMessage());
        }
        SweepExecutor executor = SweepCommand.executor(executorName);
        ExecutionOptions options = SweepCommand.executionOptions(executorName, workers, 0, "now", null, 0);

        List<String> names = kernel.parameters().stream().map(Parameter::name).toList();
        List<Task> tasks = new ArrayList<>(streams);
        for (int i = 0; i < streams; i++) {
            long share = n / streams + (i < n % streams ? 1 : 0);
            tasks.add(new Task(i, kernel.name(), values, share, i, Seeds.taskSeed(seed, names, values, i), rng, null));
        }
        Summary[] parts = new Summary[streams];
        String[] failure = new String[1];
        long start = System.nanoTime();
        SweepOutcome outcome = executor.execute(tasks, options, new SweepListener() {
            @Override
            public void onResult(TaskResult r) {
                parts[r.task().index()] = r.summary();
            }

            @Override
            public void onFailure(TaskFailure f) {
                if (failure[0] == null) {
                    failure[0] = "stream " + f.task().index() + " failed: " + f.error();
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (outcome.interrupted()) {
            System.err.println("mcsweep: interrupted: " + outcome.completed() + " of " + streams + " streams finished");
            return ExitCodes.INTERRUPTED;
        }
        if (failure[0] != null || Arrays.asList(parts).contains(null)) {
            System.err.println("mcsweep: " + (failure[0] != null ? failure[0] : "a stream did not finish"));
            return ExitCodes.forFailures(Math.max(1, outcome.failed()));
        }
        print(kernel, reduction.mergeAll(Arrays.asList(parts)), System.out);
        // sequential runs every stream in the calling thread, whatever -j says
        String workersUsed = executor.name().equals("sequential") ? "" : " -j " + options.workers();
        System.err.printf(Locale.ROOT, "%d streams of %s on %s%s in %.2f s%n", streams, kernel.name(),
                executor.name(), workersUsed, seconds);
        return ExitCodes.OK;
    }

    private double[] values(Kernel kernel) {
        List<Parameter> ps = kernel.parameters();
        for (String given : params.keySet()) {
            if (ps.stream().noneMatch(p -> p.name().equals(given))) {
                throw new UserError("-P " + given + ": kernel " + kernel.name() + " has no parameter '" + given + "'");
            }
        }
        double[] values = new double[ps.size()];
        for (int i = 0; i < values.length; i++) {
            Parameter p = ps.get(i);
            String text = params.get(p.name());
            if (text == null) {
                throw new UserError("missing value for " + p.name() + "; give -P " + p.name() + "=VALUE, "
                        + p.description());
            }
            List<Double> list = ValueLists.parse("-P " + p.name(), text);
            if (list.size() != 1) {
                throw new UserError("-P " + p.name() + ": give one value, not " + list.size());
            }
            double v = list.get(0);
            if (!p.accepts(v)) {
                throw new UserError("-P " + p.name() + ": " + Numbers.format(v) + " is out of range; " + p.name()
                        + " must be " + p.range());
            }
            values[i] = v;
        }
        return values;
    }

    /** Every merged value at full precision (the digits that must match across executors), then the result. */
    static void print(Kernel kernel, Summary merged, PrintStream out) {
        List<String> names = merged.names();
        int w = names.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < names.size(); i++) {
            double v = merged.value(i);
            String text = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            out.printf("%-" + w + "s  %s%n", names.get(i), text);
        }
        if (kernel.name().equals(PiKernel.NAME)) {
            double est = merged.get("estimate");
            double err = merged.get("estimate_err");
            out.printf(Locale.ROOT, "pi = %s (%+.2f standard errors from Math.PI)%n",
                    SweepReport.withError(est, err), (est - Math.PI) / err);
        }
    }
}
