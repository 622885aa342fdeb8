package mcsweep.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import mcsweep.kernel.Slowdown;

/**
 * What a bench.jar run measures, as groups of benchmarks each run by its own JMH {@code Runner}, so each
 * gets its own forks, iterations and parameters. The include lists are explicit: a new benchmark class
 * (such as ResultQueueOfferBenchmark) runs in the full profile's "other" group or when named on the
 * command line, never silently inside the 5-minute default.
 *
 * <p>Executors are measured as whole sweeps (see {@link ExecutorSweepBenchmark}): two batch sizes of
 * zero-step tasks give each one's per-task overhead and fixed per-sweep cost, one batch of longer tasks
 * its speed on real work. Executors are split by their cost per zero-step task (measured
 * once in this JVM before the benchmarks, see {@link BenchMain}): a "slow" executor, one whose tasks cost
 * {@value #SLOW_TASK_MILLIS} ms or more each (one JVM per task), gets smaller batches and fewer
 * operations, since one of its tasks already costs a JVM start.
 *
 * <p>The default profile is sized to finish in under 5 minutes on 2 cores with six executors: one fork per
 * benchmark (each fork is a fresh JVM, a second or so of start-up and JMH set-up), short iterations, and
 * smaller batches for slow executors. The budget, with the times measured on the reference machine, is in
 * results/README.md; the full profile (2 forks, 1 s iterations, 10^6-step tasks, the lesson's sweeps end
 * to end, and any other benchmark) takes about half an hour.
 */
enum Profile {
    DEFAULT, FULL;

    /**
     * A cost per zero-step task at least this high marks an executor as slow: 4,096 of its tasks would
     * take 20 s or more. A JVM start per task is 20-100 ms; in-JVM executors and pool cost microseconds.
     */
    static final double SLOW_TASK_MILLIS = 5.0;

    /**
     * What the run found on this machine, for the parameters that cannot be known at compile time.
     *
     * @param executors every executor found, by name
     * @param slow      those among them whose batch of zero-step tasks is slow (see the class comment)
     */
    record Found(List<String> executors, List<String> slow, int cores, boolean python, boolean pathos,
                 KernelSpec spec) {

        List<String> fast() {
            return executors.stream().filter(e -> !slow.contains(e)).toList();
        }
    }

    /**
     * Settings for one JMH run; a {@code null} setting is left to the benchmark's annotations or JMH.
     * Each setting applies only if the user did not give the same JMH option.
     */
    record Group(String name, String include, List<String> excludes, Integer forks, Integer warmupIterations,
                 TimeValue warmupTime, Integer iterations, TimeValue time, Map<String, List<String>> params) {

        /** JMH options: the user's command line first, this group's settings where it said nothing. */
        Options options(CommandLineOptions user) {
            ChainedOptionsBuilder b = new OptionsBuilder().parent(user);
            if (include != null) {
                b.include(include);
            }
            excludes.forEach(b::exclude);
            if (forks != null && !user.getForkCount().hasValue()) {
                b.forks(forks);
            }
            if (warmupIterations != null && !user.getWarmupIterations().hasValue()) {
                b.warmupIterations(warmupIterations);
            }
            if (warmupTime != null && !user.getWarmupTime().hasValue()) {
                b.warmupTime(warmupTime);
            }
            if (iterations != null && !user.getMeasurementIterations().hasValue()) {
                b.measurementIterations(iterations);
            }
            if (time != null && !user.getMeasurementTime().hasValue()) {
                b.measurementTime(time);
            }
            List<String> append = new ArrayList<>(user.getJvmArgsAppend().orElse(List.of()));
            if (Runtime.version().feature() >= 23 && !user.getJvm().hasValue()) {
                // JMH 1.37's own Utils use sun.misc.Unsafe's memory access, which JDK 23+ warns about in
                // every fork (JEP 471). Forks run this JDK unless -jvm names another; the flag does not
                // exist before 23, where it would stop the fork.
                append.add("--sun-misc-unsafe-memory-access=allow");
            }
            if (Slowdown.enabled()) {
                // The deliberate slowdown must reach the forks, where the kernel runs.
                append.add("-Dmcsweep.slowdown=" + Slowdown.EXTRA);
            }
            if (!append.isEmpty()) {
                b.jvmArgsAppend(append.toArray(String[]::new));
            }
            params.forEach((k, v) -> {
                if (!user.getParameter(k).hasValue() && !v.isEmpty()) {
                    b.param(k, v.toArray(String[]::new));
                }
            });
            return b.build();
        }
    }

    static final String KERNEL = "mcsweep\\.bench\\.KernelStepBenchmark\\.";
    static final String JVM_START = "mcsweep\\.bench\\.JvmStartBenchmark\\.";
    static final String EXECUTOR = "mcsweep\\.bench\\.ExecutorSweepBenchmark\\.";
    static final String SWEEP = "mcsweep\\.bench\\.LessonSweepBenchmark\\.";
    static final String NAMED_KERNEL = "mcsweep\\.bench\\.NamedKernelStepBenchmark\\.";

    List<Group> groups(Found found) {
        boolean full = this == FULL;
        TimeValue shortTime = TimeValue.milliseconds(300);
        TimeValue second = TimeValue.seconds(1);
        TimeValue time = full ? second : shortTime;
        KernelSpec spec = found.spec();
        List<Group> g = new ArrayList<>();
        if (spec.isLesson()) {
            g.add(new Group("kernel", KERNEL, List.of(), full ? 2 : 1, full ? 3 : 2, time, full ? 10 : 5, time,
                    Map.of()));
        } else {
            g.add(new Group("kernel", NAMED_KERNEL, List.of(), full ? 2 : 1, full ? 3 : 2, time, full ? 10 : 5, time,
                    withKernel(spec, Map.of())));
        }
        g.add(new Group("jvmstart", JVM_START, List.of(), full ? 2 : 1, full ? 3 : 2, null, full ? 20 : 10, null,
                Map.of("variant", variants(found.python()))));
        if (!found.fast().isEmpty()) {
            // 4,096 tasks: enough that pool's ~40 us per task (160 ms) stands out of the noise of its
            // worker JVMs' start-up (F, 0.1-0.3 s), which the 16-task batch measures almost alone.
            executorGroups(g, "executor", found, found.fast(), full ? 2 : 1, 2, time, full ? 10 : 5, time,
                    List.of("16", "4096"), "0");
            // Two sweeps of work of different total steps: the slope between them is the warm speed even
            // where the workers start cold in every sweep (pool), the rest of the time is their warm-up.
            executorGroups(g, "executor-work", found, found.fast(), full ? 2 : 1, 2, time, full ? 10 : 5, time,
                    List.of("256"), "10000");
            executorGroups(g, "executor-work-long", found, found.fast(), full ? 2 : 1, 2, time, full ? 10 : 5, time,
                    List.of(full ? "32" : "64"), full ? "1000000" : "100000");
        }
        if (!found.slow().isEmpty()) {
            executorGroups(g, "executor-slow", found, found.slow(), full ? 2 : 1, full ? 1 : 0, time, full ? 10 : 5,
                    time, List.of("4", "16"), "0");
            if (full) {
                executorGroups(g, "executor-slow-work", found, found.slow(), 2, 1, time, 5, time, List.of("8"),
                        "1000000");
            }
        }
        if (full && spec.isLesson()) {
            g.add(new Group("sweeps", SWEEP, List.of(), 1, 1, null, 3, null,
                    Map.of("executor", sweepExecutors(found))));
        }
        if (full) {
            g.add(new Group("other", "mcsweep\\.bench\\.", List.of(KERNEL, JVM_START, EXECUTOR, SWEEP, NAMED_KERNEL,
                    "mcsweep\\.bench\\.ReferenceLoopBenchmark\\."), null, null, null, null, null, Map.of()));
        }
        return g;
    }

    /**
     * Groups of whole sweeps for {@code executors}: {@code sequential} at one worker only (at more it would
     * still use one, and its rows would mean nothing), the others at 1 and the number of cores.
     */
    private static void executorGroups(List<Group> g, String name, Found found, List<String> executors, int forks,
                                       int warmups, TimeValue warmupTime, int iterations, TimeValue time,
                                       List<String> batches, String steps) {
        List<String> parallel = executors.stream().filter(e -> !e.equals(OverheadAnalysis.BASELINE)).toList();
        if (executors.contains(OverheadAnalysis.BASELINE)) {
            g.add(new Group(name + " (sequential)", EXECUTOR, List.of(), forks, warmups, warmupTime, iterations, time,
                    withKernel(found.spec(), Map.of("executor", List.of(OverheadAnalysis.BASELINE), "workers",
                            List.of("1"), "batch", batches, "steps", List.of(steps)))));
        }
        if (!parallel.isEmpty()) {
            g.add(new Group(name, EXECUTOR, List.of(), forks, warmups, warmupTime, iterations, time,
                    withKernel(found.spec(), Map.of("executor", parallel, "workers", workers(found), "batch", batches,
                            "steps", List.of(steps)))));
        }
    }

    /** {@code params} plus the kernel and its values, as ExecutorSweepBenchmark and NamedKernelStepBenchmark take them. */
    static Map<String, List<String>> withKernel(KernelSpec spec, Map<String, List<String>> params) {
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        p.put("kernel", List.of(spec.kernel()));
        p.put("kernelParams", List.of(spec.encoded()));
        return p;
    }

    /**
     * The group for a run whose benchmarks the user named: the user's settings alone, plus the
     * parameters only known at run time.
     */
    static Group custom(Found found) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("executor", found.executors());
        p.put("workers", workers(found));
        p.put("variant", variants(found.python()));
        p.putAll(withKernel(found.spec(), Map.of()));
        return new Group("custom", null, List.of(), null, null, null, null, null, p);
    }

    /** Every executor, plus the lesson's Python program on Pathos as a reference when it can run. */
    static List<String> sweepExecutors(Found found) {
        List<String> e = new ArrayList<>(found.executors());
        if (found.pathos()) {
            e.add(LessonSweepBenchmark.PYTHON_PATHOS);
        }
        return List.copyOf(e);
    }

    private static List<String> workers(Found found) {
        return found.cores() > 1 ? List.of("1", Integer.toString(found.cores())) : List.of("1");
    }

    private static List<String> variants(boolean python) {
        return JvmStartBenchmark.VARIANTS.stream().filter(v -> python || !v.startsWith("python")).toList();
    }
}
