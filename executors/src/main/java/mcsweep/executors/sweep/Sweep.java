package mcsweep.executors.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepExecutors;
import mcsweep.executors.SweepListener;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.executors.TaskFailure;
import mcsweep.executors.TaskResult;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.Scheme;
import mcsweep.kernel.Seeds;

/**
 * A sweep built in code: the same tasks, seeds and trace files that {@code mcsweep sweep} makes from the
 * same options (the command line plans its tasks through this class). Build one with {@link #builder},
 * then {@link #run()} it:
 *
 * <pre>{@code
 * SweepResult r = Sweep.builder("metropolis")
 *         .values("beta", 0.5, 1.0).values("x0", 1.0).values("h", 1.0)
 *         .iterations(100_000)
 *         .executor("forkjoin").workers(2)
 *         .build()
 *         .run();
 * for (TaskSummary t : r.tasks()) {
 *     System.out.println(t.parameters() + " " + t.get("mean"));
 * }
 * }</pre>
 *
 * <p>A sweep is immutable and can run any number of times, always with the same results. {@code run}
 * writes the trace files (when an output folder was given) and nothing else: the job log,
 * {@code summary.csv}, resume and shards are the command line's, on top of the same tasks.
 */
public final class Sweep {

    private final Kernel kernel;
    private final List<Task> tasks;
    private final String template;
    private final Path out;
    private final SweepExecutor executor;
    private final ExecutionOptions options;

    private Sweep(Kernel kernel, List<Task> tasks, String template, Path out, SweepExecutor executor,
                  ExecutionOptions options) {
        this.kernel = kernel;
        this.tasks = tasks;
        this.template = template;
        this.out = out;
        this.executor = executor;
        this.options = options;
    }

    /**
     * @param kernel a kernel's name, as {@code mcsweep kernels} lists them
     * @return a builder for a sweep of that kernel
     * @throws InvalidSweepException if no kernel has that name
     */
    public static Builder builder(String kernel) {
        try {
            return builder(Kernels.byName(kernel));
        } catch (InvalidSweepException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidSweepException("--kernel: " + e.getMessage());
        }
    }

    /**
     * @param kernel the kernel every task runs (executors that run tasks in other JVMs find it there by its
     *               name, so it must be on their class path too)
     * @return a builder for a sweep of that kernel
     */
    public static Builder builder(Kernel kernel) {
        return new Builder(Objects.requireNonNull(kernel, "kernel"));
    }

    /** @return the kernel every task runs */
    public Kernel kernel() {
        return kernel;
    }

    /** @return every task, in index order (immutable) */
    public List<Task> tasks() {
        return tasks;
    }

    /** @return the trace file name template, or {@code null} when the sweep writes no traces */
    public String template() {
        return template;
    }

    /** @return the output folder, or {@code null} when the sweep writes no traces */
    public Path out() {
        return out;
    }

    /** @return the executor {@link #run()} uses */
    public SweepExecutor executor() {
        return executor;
    }

    /** @return the options {@link #run()} gives the executor */
    public ExecutionOptions options() {
        return options;
    }

    /**
     * Runs every task and waits for the last. Same as {@code run(SweepListener.NONE)}.
     *
     * @return one summary per task, in task order
     * @throws UncheckedIOException if the output folder cannot be created
     */
    public SweepResult run() {
        return run(SweepListener.NONE);
    }

    /**
     * Runs every task on the executor and waits for the last, telling {@code listener} of each outcome as it
     * comes (on the calling thread, one at a time, in the order tasks finish). If the calling thread is
     * interrupted, running tasks stop at a block boundary, their partial files are removed, and the result
     * says so.
     *
     * @param listener told of each task's result or failure
     * @return one summary per task, in task order
     * @throws UncheckedIOException if the output folder cannot be created
     */
    public SweepResult run(SweepListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (out != null) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
            }
        }
        TaskSummary[] rows = new TaskSummary[tasks.size()];
        SweepOutcome outcome = executor.execute(tasks, options, new SweepListener() {
            @Override
            public void onResult(TaskResult result) {
                rows[result.task().index()] = row(result.task(), result, null);
                listener.onResult(result);
            }

            @Override
            public void onFailure(TaskFailure failure) {
                rows[failure.task().index()] = row(failure.task(), null, failure.error());
                listener.onFailure(failure);
            }
        });
        List<TaskSummary> list = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            list.add(rows[i] != null ? rows[i] : row(tasks.get(i), null, "not started"));
        }
        return new SweepResult(list, outcome.completed(), outcome.failed(), outcome.notStarted(),
                outcome.interrupted());
    }

    private TaskSummary row(Task task, TaskResult result, String error) {
        Map<String, Double> values = new LinkedHashMap<>();
        double[] p = task.params();
        List<Parameter> params = kernel.parameters();
        for (int i = 0; i < params.size(); i++) {
            values.put(params.get(i).name(), p[i]);
        }
        return new TaskSummary(task.index(), values, task.replica(), task.seed(), task.output(),
                result == null ? null : result.summary(), error);
    }

    /**
     * Collects a sweep's definition; {@link #build()} checks it all at once. Defaults are the command line's:
     * product of the lists, 1 replica, seed 42, {@code L64X128MixRandom}, {@link Scheme#DEFAULT}, no output
     * folder (no traces), format csv with the kernel's default file names, executor {@code forkjoin} with one worker per
     * processor. {@link #iterations} has no default.
     */
    public static final class Builder {

        private final Kernel kernel;
        private final Map<String, List<Double>> values = new LinkedHashMap<>();
        private boolean zip;
        private int replicas = 1;
        private long iterations;
        private long seed = 42;
        private String rng = Seeds.DEFAULT_ALGORITHM;
        private Scheme scheme = Scheme.DEFAULT;
        private Path out;
        private String template;
        private String format = "csv";
        private SweepExecutor executor;
        private ExecutionOptions options = ExecutionOptions.defaults();

        private Builder(Kernel kernel) {
            this.kernel = kernel;
        }

        /**
         * The values of one parameter; the sweep takes the product of all lists (or zips them).
         *
         * @throws InvalidSweepException if this parameter's values were given already
         */
        public Builder values(String parameter, double... values) {
            List<Double> list = new ArrayList<>(values.length);
            for (double v : values) {
                list.add(v);
            }
            return values(parameter, list);
        }

        /**
         * The values of one parameter, as a list.
         *
         * @throws InvalidSweepException if this parameter's values were given already
         */
        public Builder values(String parameter, List<Double> values) {
            if (this.values.put(Objects.requireNonNull(parameter, "parameter"), List.copyOf(values)) != null) {
                throw new InvalidSweepException("values for " + parameter + " given twice; give each parameter once");
            }
            return this;
        }

        /** Every parameter's values at once (in any order), as {@code values} would give them one by one. */
        public Builder values(Map<String, List<Double>> values) {
            values.forEach(this::values);
            return this;
        }

        /** Takes the Cartesian product of the lists, the first parameter varying slowest (the default). */
        public Builder product() {
            this.zip = false;
            return this;
        }

        /** Pairs the lists element by element; a list of one value goes with every element. */
        public Builder zip() {
            this.zip = true;
            return this;
        }

        /** @param zip whether to {@link #zip()} rather than take the {@link #product()} */
        public Builder zip(boolean zip) {
            this.zip = zip;
            return this;
        }

        /** @param replicas independent runs of each combination, with different streams, at least 1 */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /** @param iterations steps per task, at least 1 (required) */
        public Builder iterations(long iterations) {
            this.iterations = iterations;
            return this;
        }

        /** @param seed the sweep seed, any 64-bit integer; each task's stream derives from it and the task */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @param rng a {@code java.util.random} algorithm that a seed determines */
        public Builder rng(String rng) {
            this.rng = Objects.requireNonNull(rng, "rng");
            return this;
        }

        /** @param scheme the stream scheme ({@link Scheme#V1} for the lesson program's draws) */
        public Builder scheme(Scheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        /** @param out the folder trace files go into (created by {@link Sweep#run()}), or {@code null} for none */
        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        /**
         * @param template trace file name; placeholders: parameter names, {@code {iterations}},
         *                 {@code {replica}}, {@code {index}}, {@code {seed}}; {@code null} for the kernel's default
         */
        public Builder template(String template) {
            this.template = template;
            return this;
        }

        /** @param format trace format: {@code csv}, {@code npy}, or {@code none} for summaries only */
        public Builder format(String format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * @param name an executor's name, as {@code mcsweep executors} lists them
         * @throws InvalidSweepException if no executor has that name
         */
        public Builder executor(String name) {
            try {
                this.executor = SweepExecutors.byName(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidSweepException("--executor: " + e.getMessage());
            }
            return this;
        }

        /** @param executor the executor {@link Sweep#run()} uses */
        public Builder executor(SweepExecutor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param workers tasks at once, at least 1
         * @throws InvalidSweepException if {@code workers} is below 1
         */
        public Builder workers(int workers) {
            SweepPlan.checkRange("--workers", "workers", workers, 1, Integer.MAX_VALUE);
            this.options = options.withWorkers(workers);
            return this;
        }

        /** @param options everything else the executor takes (chunk, halt policy, timeout, retries) */
        public Builder options(ExecutionOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Plans every task; writes nothing.
         *
         * @throws InvalidSweepException naming the option and what is allowed, if anything is wrong
         */
        public Sweep build() {
            String tpl = SweepPlan.template(kernel, format, template, replicas);
            Path folder = tpl == null ? null : out;
            if (folder == null) {
                tpl = null;
            }
            List<Task> planned = SweepPlan.tasks(new SweepPlan.Spec(kernel, values, zip, replicas, iterations, seed,
                    rng, folder, tpl));
            if (scheme != Scheme.DEFAULT) {
                planned = planned.stream().map(t -> t.withScheme(scheme)).toList();
            }
            SweepExecutor chosen = executor != null ? executor : SweepExecutors.byName("forkjoin");
            return new Sweep(kernel, planned, tpl, folder, chosen, folder == null ? options
                    : options.logDir() != null ? options : options.withLogDir(folder.resolve(ReservedNames.LOGS)));
        }
    }
}
