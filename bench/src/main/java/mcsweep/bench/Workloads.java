package mcsweep.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import mcsweep.executors.SweepListener;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.executors.TaskFailure;
import mcsweep.executors.TaskResult;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.Seeds;

/** The tasks the benchmarks run: the lesson's Metropolis kernel, seeded the way the CLI seeds them. */
final class Workloads {

    static final long SWEEP_SEED = 42;

    private Workloads() {
    }

    /** {@code n} distinct tasks of the lesson's kernel, {@code steps} steps each, that keep no trace. */
    static List<Task> tasks(int n, long steps) {
        List<Task> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(task(i, 0.5 + 0.01 * i, 1.0, 1.0, steps, null));
        }
        return tasks;
    }

    /**
     * {@code n} tasks of any kernel, {@code steps} steps each, no trace: the same values, told apart by
     * their replica number, so that every task has its own stream.
     */
    static List<Task> tasks(KernelSpec spec, int n, long steps) {
        if (spec.equals(KernelSpec.LESSON)) {
            return tasks(n, steps); // the tasks every stored result measured
        }
        Kernel kernel = Kernels.byName(spec.kernel());
        List<String> names = kernel.parameters().stream().map(Parameter::name).toList();
        double[] params = spec.values();
        List<Task> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long seed = Seeds.taskSeed(SWEEP_SEED, names, params, i);
            tasks.add(new Task(i, kernel.name(), params, steps, i, seed, Seeds.DEFAULT_ALGORITHM, null));
        }
        return tasks;
    }

    /** The lesson's first sweep: 7 (beta, x0) pairs, h = 1, 100,000 steps, files {@code b{beta}_m{x0}.dat}. */
    static List<Task> lessonSweep(Path dir) {
        double[][] pairs = {{0.5, 0.5}, {0.5, 1.0}, {1.0, 0.5}, {1.0, 1.0}, {1.0, 2.0}, {2.0, 1.0}, {2.0, 2.0}};
        List<Task> tasks = new ArrayList<>();
        for (double[] p : pairs) {
            tasks.add(task(tasks.size(), p[1], 1.0, p[0], 100_000,
                    dir == null ? null : dir.resolve("b" + p[0] + "_m" + p[1] + ".dat")));
        }
        return tasks;
    }

    /** The lesson's scan: betas x x0s x hs = 9 x 9 x 4 = 324 tasks of 10,000 steps. */
    static List<Task> lessonScan(Path dir) {
        double[] values = {0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0};
        double[] hs = {0.25, 0.5, 1.0, 2.5};
        List<Task> tasks = new ArrayList<>();
        for (double beta : values) {
            for (double x0 : values) {
                for (double h : hs) {
                    tasks.add(task(tasks.size(), x0, h, beta, 10_000,
                            dir == null ? null : dir.resolve("b" + beta + "_m" + x0 + "_h" + h + ".dat")));
                }
            }
        }
        return tasks;
    }

    private static Task task(int index, double x0, double h, double beta, long steps, Path output) {
        Kernel kernel = Kernels.byName(MetropolisKernel.NAME);
        double[] params = new double[3];
        params[MetropolisKernel.X0] = x0;
        params[MetropolisKernel.H] = h;
        params[MetropolisKernel.BETA] = beta;
        List<String> names = kernel.parameters().stream().map(Parameter::name).toList();
        long seed = Seeds.taskSeed(SWEEP_SEED, names, params, 0);
        return new Task(index, kernel.name(), params, steps, 0, seed, Seeds.DEFAULT_ALGORITHM, output);
    }

    /**
     * Counts results and folds one summary value of each into {@link #sum}, so that the benchmark can
     * return something that depends on every task.
     */
    static final class Collector implements SweepListener {
        int results;
        double sum;
        TaskFailure firstFailure;

        @Override
        public void onResult(TaskResult result) {
            results++;
            sum += result.summary().value(0);
        }

        @Override
        public void onFailure(TaskFailure failure) {
            if (firstFailure == null) {
                firstFailure = failure;
            }
        }

        /** Fails the benchmark loudly: timing a broken executor would print a meaningless number. */
        double check(String executor, SweepOutcome outcome, int expected) {
            if (results != expected || outcome.completed() != expected) {
                throw new IllegalStateException(executor + ": " + results + " of " + expected + " tasks finished"
                        + (firstFailure == null ? "" : "; first failure: " + firstFailure.error()));
            }
            return sum;
        }
    }
}
