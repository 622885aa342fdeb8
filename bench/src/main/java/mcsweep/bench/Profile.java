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

/**
 * What a bench.jar run measures, as groups of benchmarks each run by its own JMH {@code Runner}, so each
 * gets its own forks, iterations and parameters. The include lists are explicit: a new benchmark class
 * (such as ResultQueueOfferBenchmark) runs in the full profile's "other" group or when named on the
 * command line, never silently inside the 5-minute default.
 *
 * <p>Executors are measured as whole sweeps (see {@link ExecutorTaskBenchmark}): two batch sizes of
 * zero-step tasks give each one's per-task overhead and fixed per-sweep cost, one batch of longer tasks
 * its speed on real work. Executors are split by their cost per zero-step task (measured
 * once in this JVM before the benchmarks, see {@link BenchMain}): a "slow" executor, one whose tasks cost
 * {@value #SLOW_TASK_MILLIS} ms or more each (one JVM per task), gets smaller batches and fewer
 * operations, since one of its tasks already costs a JVM start.
 *
 * <p><b>The default profile's budget</b> (2 cores; every JMH fork is a fresh JVM that costs about 1.3 s
 * of start-up, JIT and JMH set-up on this machine class; 0.3 s iterations, each at least one operation):
 * <pre>
 *   kernel    3 rng x 2 sinks = 6 forks x (1.3 s + 2 x 0.3 s warm-up + 5 x 0.3 s)          ~  20 s
 *   jvmstart  3 java variants + python = 4 forks x (1.3 s + 0.5 s archive + 12 starts
 *             x 0.07-0.2 s)                                                                 ~  15 s
 *   executor, fast (in-JVM, pool), per executor:
 *             overhead: 2 worker counts x batches of 16 and 4,096 zero-step tasks = 4 forks
 *             x (1.3 s + 7 x 0.3 s; pool's sweeps of 0.1-0.5 s stretch a few iterations)    ~  14 s
 *             work: 2 worker counts x (256 tasks of 10^4 steps, 64 of 10^5; 0.1-0.5 s a
 *             sweep) = 4 forks                                                              ~  15 s
 *   executor, slow (process, ~0.06 s per task): 2 worker counts x batches of 4 and 16
 *             zero-step tasks, no warm-up, 5 operations: 4 x 1.3 s + 5 x (0.25 + 1 + 0.2
 *             + 0.75 s); no longer tasks (10^4 steps, 0.5 ms, vanish under a JVM start)     ~  17 s
 *             plus the probe that classified it (16 and 48 tasks per executor)              ~   5 s
 *   10^6-step tasks (0.05 s each) only in --full.
 *   sequential only:            20 + 15 + 29                                               ~  64 s
 *   six executors (sequential, threads, forkjoin, virtual, pool fast; process slow):
 *                               20 + 15 + 5 x 29 + 17 + 5                                  ~ 202 s
 * </pre>
 * That leaves about 30% headroom under 300 s (measured: 133 s before the second work length). The full profile (2 forks, 1 s iterations, 10^6-step tasks,
 * the lesson's sweeps end to end, and any other benchmark) takes 20-40 minutes with six executors.
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
    record Found(List<String> executors, List<String> slow, int cores, boolean python) {

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
            if (Runtime.version().feature() >= 23 && !user.getJvm().hasValue()) {
                // JMH 1.37's own Utils use sun.misc.Unsafe's memory access, which JDK 23+ warns about in
                // every fork (JEP 471). Forks run this JDK unless -jvm names another; the flag does not
                // exist before 23, where it would stop the fork.
                List<String> append = new ArrayList<>(user.getJvmArgsAppend().orElse(List.of()));
                append.add("--sun-misc-unsafe-memory-access=allow");
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
    static final String EXECUTOR = "mcsweep\\.bench\\.ExecutorTaskBenchmark\\.";
    static final String SWEEP = "mcsweep\\.bench\\.LessonSweepBenchmark\\.";

    List<Group> groups(Found found) {
        boolean full = this == FULL;
        TimeValue shortTime = TimeValue.milliseconds(300);
        TimeValue second = TimeValue.seconds(1);
        TimeValue time = full ? second : shortTime;
        List<Group> g = new ArrayList<>();
        g.add(new Group("kernel", KERNEL, List.of(), full ? 2 : 1, full ? 3 : 2, time, full ? 10 : 5, time,
                Map.of()));
        g.add(new Group("jvmstart", JVM_START, List.of(), full ? 2 : 1, full ? 3 : 2, null, full ? 20 : 10, null,
                Map.of("variant", variants(found.python()))));
        List<String> workers = workers(found);
        if (!found.fast().isEmpty()) {
            // 4,096 tasks: enough that pool's ~40 us per task (160 ms) stands out of the noise of its
            // worker JVMs' start-up (F, 0.1-0.3 s), which the 16-task batch measures almost alone.
            g.add(new Group("executor", EXECUTOR, List.of(), full ? 2 : 1, 2, time, full ? 10 : 5, time,
                    Map.of("executor", found.fast(), "workers", workers, "batch", List.of("16", "4096"),
                            "steps", List.of("0"))));
            // Two sweeps of work of different total steps: the slope between them is the warm speed even
            // where the workers start cold in every sweep (pool), the rest of the time is their warm-up.
            g.add(new Group("executor-work", EXECUTOR, List.of(), full ? 2 : 1, 2, time, full ? 10 : 5, time,
                    Map.of("executor", found.fast(), "workers", workers, "batch", List.of("256"),
                            "steps", List.of("10000"))));
            g.add(new Group("executor-work-long", EXECUTOR, List.of(), full ? 2 : 1, 2, time, full ? 10 : 5, time,
                    Map.of("executor", found.fast(), "workers", workers,
                            "batch", List.of(full ? "32" : "64"), "steps", List.of(full ? "1000000" : "100000"))));
        }
        if (!found.slow().isEmpty()) {
            g.add(new Group("executor-slow", EXECUTOR, List.of(), full ? 2 : 1, full ? 1 : 0, time, full ? 10 : 5,
                    time, Map.of("executor", found.slow(), "workers", workers, "batch", List.of("4", "16"),
                            "steps", List.of("0"))));
            if (full) {
                g.add(new Group("executor-slow-work", EXECUTOR, List.of(), 2, 1, time, 5, time,
                        Map.of("executor", found.slow(), "workers", workers, "batch", List.of("8"),
                                "steps", List.of("1000000"))));
            }
        }
        if (full) {
            g.add(new Group("sweeps", SWEEP, List.of(), 1, 1, null, 3, null,
                    Map.of("executor", found.executors())));
            g.add(new Group("other", "mcsweep\\.bench\\.", List.of(KERNEL, JVM_START, EXECUTOR, SWEEP),
                    null, null, null, null, null, Map.of()));
        }
        return g;
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
        return new Group("custom", null, List.of(), null, null, null, null, null, p);
    }

    private static List<String> workers(Found found) {
        return found.cores() > 1 ? List.of("1", Integer.toString(found.cores())) : List.of("1");
    }

    private static List<String> variants(boolean python) {
        return JvmStartBenchmark.VARIANTS.stream().filter(v -> python || !v.startsWith("python")).toList();
    }
}
