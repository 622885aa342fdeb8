package mcsweep.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What the performance-regression gate measures ({@code java -jar bench.jar --check}): a short JMH
 * selection, each figure with the JMH run that measures it and the reference loop it is divided by.
 *
 * <ul>
 *   <li>{@code kernel.none}, {@code kernel.csv}, {@code kernel.npy}: ns per step of the kernel, trace discarded, or encoded as
 *       CSV or as NumPy ({@link NamedKernelStepBenchmark});
 *   <li>{@code task.EXECUTOR}: per-task overhead of each in-JVM executor and of {@code pool}, the slope of
 *       whole sweeps of 16 and 4,096 (pool: 1,024) zero-step tasks ({@link ExecutorSweepBenchmark}, the
 *       same fit as the report's {@link OverheadAnalysis});
 *   <li>{@code jvm.start}: one sweep of one zero-step task under {@code process}: one worker JVM start-up
 *       as the executor pays it (archive and flags included);
 *   <li>{@code scan.forkjoin}: the lesson's scan end to end, 324 tasks x 10,000 steps with CSV files
 *       ({@link LessonSweepBenchmark}); only for the lesson's kernel.
 * </ul>
 * Figures that move bytes (traces, files, start-up) are divided by the memory-bound reference loop,
 * the others by the scalar one ({@link ReferenceLoopBenchmark}), both measured in the same run.
 */
final class GateFigures {

    private GateFigures() {
    }

    /** The reference loop a figure is divided by. */
    enum Reference {
        SCALAR("scalar"), MEMORY("memory");

        final String method;

        Reference(String method) {
            this.method = method;
        }
    }

    /**
     * One JMH run: benchmarks matching {@code include} with these parameters and settings.
     *
     * @param params JMH parameters; every value list is run as a cross product, as JMH does
     */
    record Selection(String include, Map<String, List<String>> params, int forks, int warmups, TimeValue warmupTime,
                     int iterations, TimeValue time) {
    }

    /** One figure: how to measure it and how to read it from JMH's results. */
    interface Figure {
        String id();

        /** For people, in the table. */
        String description();

        Reference reference();

        /** Whether the figure runs the kernel's steps (so the deliberate slowdown must move it). */
        boolean runsKernel();

        List<Selection> selections();

        /** The figure in nanoseconds, or null if the results hold no measurement of it. */
        Score read(List<RunResult> results);
    }

    static final String REFERENCE = "mcsweep\\.bench\\.ReferenceLoopBenchmark\\.";
    static final String NAMED_KERNEL = "mcsweep\\.bench\\.NamedKernelStepBenchmark\\.";
    static final String EXECUTOR = "mcsweep\\.bench\\.ExecutorSweepBenchmark\\.";
    static final String SWEEP = "mcsweep\\.bench\\.LessonSweepBenchmark\\.";

    /** The in-JVM executors and pool, when found; never process (its per-task cost is jvm.start) or others. */
    static final List<String> TASK_EXECUTORS = List.of("sequential", "threads", "forkjoin", "virtual", "pool");

    private static final TimeValue SHORT = TimeValue.milliseconds(300);

    /**
     * JVM flags of every gate fork: a fixed, pre-touched heap, so that no measurement pays for growing the
     * heap or first-touching its pages, which varied with what the fork happened to allocate first.
     */
    static final List<String> JVM_ARGS = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");

    /** The reference loops, measured in every run (and again with every re-measurement). */
    static Selection references() {
        return new Selection(REFERENCE, Map.of(), 2, 3, TimeValue.milliseconds(200), 8, TimeValue.milliseconds(200));
    }

    /** The gate's figures for {@code spec} with the executors found on the class path. */
    static List<Figure> all(KernelSpec spec, List<String> executors, int cores) {
        List<Figure> f = new ArrayList<>();
        for (String format : List.of("none", "csv", "npy")) {
            f.add(simple("kernel." + format, switch (format) {
                        case "none" -> "kernel, ns per step";
                        case "csv" -> "kernel + CSV trace, ns per step";
                        default -> "kernel + NumPy trace, ns per step";
                    },
                    format.equals("none") ? Reference.SCALAR : Reference.MEMORY, true,
                    new Selection(NAMED_KERNEL, kernelParams(spec, Map.of("format", List.of(format))), 2, 3, SHORT, 8, SHORT),
                    NAMED_KERNEL, Map.of("format", format)));
        }
        for (String e : TASK_EXECUTORS) {
            if (executors.contains(e)) {
                f.add(new TaskOverhead(e, e.equals("sequential") ? 1 : cores, spec));
            }
        }
        if (executors.contains("process")) {
            f.add(simple("jvm.start", "one worker JVM start-up (process, 1 task)", Reference.MEMORY, false,
                    new Selection(EXECUTOR, kernelParams(spec, Map.of("executor", List.of("process"),
                            "workers", List.of("1"), "batch", List.of("1"), "steps", List.of("0"))),
                            2, 2, SHORT, 6, SHORT),
                    EXECUTOR, Map.of("executor", "process", "batch", "1")));
        }
        if (spec.isLesson() && executors.contains("forkjoin")) {
            f.add(simple("scan.forkjoin", "lesson scan end to end, 324 x 10,000 steps, CSV (forkjoin)",
                    Reference.MEMORY, true,
                    new Selection(SWEEP, Map.of("sweep", List.of("scan"), "executor", List.of("forkjoin")), 2, 2, null, 5,
                            null),
                    SWEEP, Map.of("sweep", "scan", "executor", "forkjoin")));
        }
        return List.copyOf(f);
    }

    /**
     * The reference loop's time per operation in nanoseconds, the mean of its medians when it was measured
     * more than once (before and after the figures), or null if not measured.
     */
    static Score reference(Reference r, List<RunResult> results) {
        String name = REFERENCE.replace("\\", "") + r.method;
        List<Score> s = results.stream().filter(x -> x.getParams().getBenchmark().equals(name))
                .map(x -> BenchReport.score(x.getPrimaryResult())).toList();
        if (s.isEmpty()) {
            return null;
        }
        return new Score(s.stream().mapToDouble(Score::median).average().orElseThrow(),
                s.stream().mapToDouble(Score::mean).average().orElseThrow(),
                s.stream().mapToDouble(Score::error).max().orElseThrow());
    }

    private static Map<String, List<String>> kernelParams(KernelSpec spec, Map<String, List<String>> more) {
        Map<String, List<String>> p = new LinkedHashMap<>(more);
        p.put("kernel", List.of(spec.kernel()));
        p.put("kernelParams", List.of(spec.encoded()));
        return p;
    }

    private static Figure simple(String id, String description, Reference reference, boolean runsKernel,
                                 Selection selection, String include, Map<String, String> match) {
        return new Figure() {
            public String id() {
                return id;
            }

            public String description() {
                return description;
            }

            public Reference reference() {
                return reference;
            }

            public boolean runsKernel() {
                return runsKernel;
            }

            public List<Selection> selections() {
                return List.of(selection);
            }

            public Score read(List<RunResult> results) {
                return find(results, include.replace("\\", ""), match);
            }
        };
    }

    /** The first result of a benchmark whose name starts with {@code prefix} and whose parameters match. */
    static Score find(List<RunResult> results, String prefix, Map<String, String> match) {
        for (RunResult r : results) {
            var p = r.getParams();
            if (!p.getBenchmark().startsWith(prefix)) {
                continue;
            }
            boolean all = match.entrySet().stream().allMatch(e -> e.getValue().equals(p.getParam(e.getKey())));
            if (all) {
                return BenchReport.score(r.getPrimaryResult());
            }
        }
        return null;
    }

    /** {@code c}, the slope of sweep time against batch size (see {@link OverheadAnalysis#fit}). */
    private record TaskOverhead(String executor, int workers, KernelSpec spec) implements Figure {

        int largeBatch() {
            return executor.equals("pool") ? 1024 : 4096;
        }

        public String id() {
            return "task." + executor;
        }

        public String description() {
            return "per-task overhead, " + executor + " x" + workers;
        }

        public Reference reference() {
            return Reference.SCALAR;
        }

        public boolean runsKernel() {
            return false; // zero-step tasks: the kernel's loop never runs
        }

        public List<Selection> selections() {
            return List.of(new Selection(EXECUTOR, kernelParams(spec, Map.of("executor", List.of(executor),
                    "workers", List.of(Integer.toString(workers)), "batch", List.of("16", Integer.toString(largeBatch())),
                    "steps", List.of("0"))), 3, 3, SHORT, 5, SHORT));
        }

        public Score read(List<RunResult> results) {
            Map<OverheadAnalysis.Key, Score> sweeps = new LinkedHashMap<>();
            for (int b : new int[] {16, largeBatch()}) {
                Score s = find(results, EXECUTOR.replace("\\", ""), Map.of("executor", executor,
                        "workers", Integer.toString(workers), "batch", Integer.toString(b), "steps", "0"));
                if (s == null) {
                    return null;
                }
                sweeps.put(new OverheadAnalysis.Key(executor, workers, b, 0), s);
            }
            return new OverheadAnalysis(Double.NaN, null, sweeps).fit(executor, workers).perTask();
        }
    }
}
