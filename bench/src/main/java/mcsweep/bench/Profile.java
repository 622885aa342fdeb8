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
 * <p><b>The default profile's budget</b> (2 cores, E executors, every fork a fresh JVM costing about 1 s
 * of start-up, JIT and JMH set-up):
 * <pre>
 *   kernel    3 rng x 2 sinks = 6 forks x (1 s + 2 x 0.5 s warm-up + 3 x 0.5 s)         =  21 s
 *   jvmstart  3 java variants + python = 4 forks x (1 s + archive 0.3 s + 12 starts x 0.1-0.2 s) ~ 13 s
 *   executor  E x 2 worker counts x 3 lengths (0, 100, 10^4 steps) = 6 forks per executor;
 *             in-JVM executors: 6 x (1 s + 1 x 0.5 s + 3 x 0.5 s)                      =  18 s each
 *             process/pool: an operation is 16 tasks, up to 16 JVM starts ~ 0.8-1.6 s, so each
 *             iteration is one operation: 6 x (1 s + 4 x ~1.2 s)                        ~  35 s each
 *   10^6-step tasks (16 x 30 ms = 0.5 s per operation, 2 s per process operation) do not fit: --full.
 *   sequential only:            21 + 13 + 18                                              ~  52 s
 *   after the merge (sequential, threads, forkjoin, virtual + process, pool):
 *                               21 + 13 + 4 x 18 + 2 x 35                                 ~ 176 s
 * </pre>
 * That leaves 40% headroom under 300 s for a loaded machine. The full profile (2 forks, longer
 * iterations, 10^6-step tasks, the lesson's sweeps end to end, and any other benchmark) takes 20-40
 * minutes with six executors.
 */
enum Profile {
    DEFAULT, FULL;

    /** What the run found on this machine, for the parameters that cannot be known at compile time. */
    record Found(List<String> executors, int cores, boolean python) {
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
        TimeValue half = TimeValue.milliseconds(500);
        TimeValue second = TimeValue.seconds(1);
        List<Group> g = new ArrayList<>();
        g.add(new Group("kernel", KERNEL, List.of(), full ? 2 : 1, full ? 3 : 2, full ? second : half,
                full ? 5 : 3, full ? second : half, Map.of()));
        g.add(new Group("jvmstart", JVM_START, List.of(), full ? 2 : 1, full ? 3 : 2, null, full ? 20 : 10, null,
                Map.of("variant", variants(found.python()))));
        Map<String, List<String>> exec = new LinkedHashMap<>(runtimeParams(found));
        exec.put("steps", full ? List.of("0", "100", "10000", "1000000") : List.of("0", "100", "10000"));
        g.add(new Group("executor", EXECUTOR, List.of(), full ? 2 : 1, full ? 2 : 1, full ? second : half,
                full ? 5 : 3, full ? second : half, exec));
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
        Map<String, List<String>> p = new LinkedHashMap<>(runtimeParams(found));
        p.put("variant", variants(found.python()));
        return new Group("custom", null, List.of(), null, null, null, null, null, p);
    }

    private static Map<String, List<String>> runtimeParams(Found found) {
        List<String> workers = found.cores() > 1 ? List.of("1", Integer.toString(found.cores())) : List.of("1");
        return Map.of("executor", found.executors(), "workers", workers);
    }

    private static List<String> variants(boolean python) {
        return JvmStartBenchmark.VARIANTS.stream().filter(v -> python || !v.startsWith("python")).toList();
    }
}
