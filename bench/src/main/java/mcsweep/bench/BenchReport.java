package mcsweep.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import mcsweep.kernel.Seeds;
import mcsweep.kernel.io.AtomicFile;

/** Reads JMH's results into an {@link OverheadAnalysis}, prints the report and writes the CSV. */
final class BenchReport {

    private final OverheadAnalysis analysis;
    private final Map<String, Score> kernel;      // "rng sink" -> ns per step
    private final Map<String, Score> jvmStarts;   // variant -> ns
    private final Map<String, Score> sweeps;      // "sweep executor" -> ns
    private final List<String> others;            // any other benchmark, as JMH scored it

    BenchReport(OverheadAnalysis analysis, Map<String, Score> kernel, Map<String, Score> jvmStarts,
                        Map<String, Score> sweeps, List<String> others) {
        this.analysis = analysis;
        this.kernel = kernel;
        this.jvmStarts = jvmStarts;
        this.sweeps = sweeps;
        this.others = others;
    }

    OverheadAnalysis analysis() {
        return analysis;
    }

    static BenchReport of(Collection<RunResult> results) {
        Map<String, Score> kernel = new LinkedHashMap<>();
        Map<String, Score> jvm = new LinkedHashMap<>();
        Map<String, Score> sweeps = new TreeMap<>();
        Map<OverheadAnalysis.Key, Score> executorSweeps = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (RunResult r : results) {
            var p = r.getParams();
            String bench = p.getBenchmark();
            if (!Score.isTime(r.getPrimaryResult().getScoreUnit()) || !known(bench)) {
                others.add(other(r)); // e.g. ResultQueueOfferBenchmark (a throughput), SlowdownCostBenchmark
                continue;
            }
            Score s = score(r.getPrimaryResult());
            if (bench.equals(KernelStepBenchmark.class.getName() + ".step")) { // the others are baselines
                kernel.put(p.getParam("rng") + " " + p.getParam("sink"), s);
            } else if (bench.startsWith(NamedKernelStepBenchmark.class.getName() + ".")) {
                kernel.put("kernel:" + p.getParam("kernel") + " " + p.getParam("format"), s);
            } else if (bench.startsWith(JvmStartBenchmark.class.getName() + ".")) {
                jvm.put(p.getParam("variant"), s);
            } else if (bench.startsWith(ExecutorSweepBenchmark.class.getName() + ".")) {
                executorSweeps.put(new OverheadAnalysis.Key(p.getParam("executor"), Integer.parseInt(p.getParam("workers")),
                        Integer.parseInt(p.getParam("batch")), Long.parseLong(p.getParam("steps"))), s);
            } else if (bench.startsWith(LessonSweepBenchmark.class.getName() + ".")) {
                sweeps.put(p.getParam("sweep") + " " + p.getParam("executor"), s);
            }
        }
        // Benchmark tasks keep no trace and use the default generator: their kernel speed is this one.
        Score step = kernel.get(Seeds.DEFAULT_ALGORITHM + " none");
        if (step == null) {
            step = kernel.entrySet().stream().filter(e -> e.getKey().endsWith(" none")).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        double nsPerStep = step == null ? Double.NaN : step.median();
        return new BenchReport(new OverheadAnalysis(nsPerStep, jvm.get("java"), executorSweeps), kernel, jvm, sweeps,
                List.copyOf(others));
    }

    private static boolean known(String bench) {
        return List.of(KernelStepBenchmark.class, NamedKernelStepBenchmark.class, JvmStartBenchmark.class,
                ExecutorSweepBenchmark.class, LessonSweepBenchmark.class).stream()
                .anyMatch(c -> bench.startsWith(c.getName() + "."));
    }

    /** {@code SlowdownCostBenchmark.plain  405 ± 174 ns/op}, with the parameters, as JMH's table has it. */
    private static String other(RunResult r) {
        var p = r.getParams();
        String name = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.', p.getBenchmark().lastIndexOf('.') - 1) + 1);
        StringBuilder params = new StringBuilder();
        for (String k : p.getParamsKeys()) {
            params.append(params.length() == 0 ? " (" : ", ").append(k).append('=').append(p.getParam(k));
        }
        if (params.length() > 0) {
            params.append(')');
        }
        var res = r.getPrimaryResult();
        return String.format(Locale.ROOT, "%s%s  %s ± %s %s", name, params, Format.sig(res.getScore()),
                Format.sig(res.getScoreError()), res.getScoreUnit());
    }

    static Score score(Result<?> r) {
        double k = Score.nanosPer(r.getScoreUnit());
        double median = r.getStatistics().getN() > 0 ? r.getStatistics().getPercentile(50) : r.getScore();
        return new Score(median * k, r.getScore() * k, r.getScoreError() * k);
    }

    /** JMH's error above this share of a figure marks it as unreliable ({@code !}). */
    static final double NOISY = 0.20;

    /** A figure with its error, and {@code !} when the error is over {@link #NOISY} of it. */
    private static String figure(Score s, boolean[] noisy) {
        boolean flag = Math.abs(s.error()) > NOISY * Math.abs(s.median());
        noisy[0] |= flag;
        return Format.withError(s) + (flag ? " !" : "");
    }

    /**
     * The task length the user asked about, in steps: {@code --iterations}, or {@code --task-ms} converted
     * with the measured kernel speed (NaN-safe: {@code iterations} if the speed is unknown).
     */
    long steps(long iterations, double taskMillis) {
        if (Double.isNaN(taskMillis) || !(analysis.nanosPerStep() > 0)) {
            return iterations;
        }
        return Math.max(1, Math.round(taskMillis * 1e6 / analysis.nanosPerStep()));
    }

    void print(PrintStream out, long iterationsGiven, double taskMillis, int tasks, Path python) {
        boolean[] noisy = {false};
        long iterations = steps(iterationsGiven, taskMillis);
        out.println();
        out.println("==== mcsweep bench: which executor for my sweep? (medians ± JMH's 99.9% error) ====");
        if (!kernel.isEmpty()) {
            out.println();
            out.println("Kernel, time per step (KernelStepBenchmark, or NamedKernelStepBenchmark for --kernel):");
            out.printf(Locale.ROOT, "  %-22s %-18s %-18s%n", "generator / kernel", "kernel only", "with CSV writer");
            Map<String, String[]> byRng = new LinkedHashMap<>();
            kernel.forEach((k, v) -> {
                String[] parts = k.split(" ");
                byRng.computeIfAbsent(parts[0], x -> new String[] {"n/a", "n/a"})
                        [parts[1].equals("none") ? 0 : 1] = figure(v, noisy);
            });
            byRng.forEach((rng, v) -> out.printf(Locale.ROOT, "  %-22s %-18s %-18s%n", rng, v[0], v[1]));
        }
        if (!jvmStarts.isEmpty()) {
            out.println();
            out.println("Per-process start-up, start to exit (JvmStartBenchmark):");
            jvmStarts.forEach((v, s) -> out.printf(Locale.ROOT, "  %-26s %s%s%n", v, figure(s, noisy),
                    v.startsWith("python") && python != null ? "   (" + python + " -c 'import numpy')" : ""));
        }
        List<OverheadAnalysis.Row> rows = analysis.table();
        if (!rows.isEmpty()) {
            out.println();
            out.println("Executor cost (ExecutorSweepBenchmark: whole sweeps of zero-step tasks at two batch sizes b1, b2;");
            out.println("  a sweep of M tasks takes F + M c: c = overhead per task, the slope; F = fixed cost per sweep,");
            out.println("  the intercept (starting and stopping pools, threads, worker JVMs); errors propagated from JMH's;");
            out.println("  c relative to sequential's and to one JVM start-up, F in JVM start-ups):");
            out.printf(Locale.ROOT, "  %-12s %7s  %-20s %-14s %-14s %-20s %-12s %s%n", "executor", "workers",
                    "overhead/task c", "vs sequential", "vs JVM start", "fixed/sweep F", "F/JVM start", "b1, b2");
            for (var r : rows) {
                var f = r.fit();
                out.printf(Locale.ROOT, "  %-12s %7d  %-20s %-14s %-14s %-20s %-12s %s%n", r.executor(), r.workers(),
                        fixed(f.perTask(), noisy), f.perTask().median() <= 0 ? "-" : Format.ratio(r.vsSequential()),
                        f.perTask().median() <= 0 ? "-" : Format.ratio(r.vsJvmStart()),
                        Double.isNaN(f.fixed().median()) ? "n/a" : fixed(f.fixed(), noisy),
                        Double.isNaN(r.fixedVsJvmStart()) ? "n/a" : r.fixedVsJvmStart() <= 0 ? "0"
                                : Format.ratio(r.fixedVsJvmStart()),
                        f.smallBatch() == f.largeBatch() ? Integer.toString(f.smallBatch())
                                : String.format(Locale.ROOT, "%d, %d", f.smallBatch(), f.largeBatch()));
            }
            out.println();
            out.printf(Locale.ROOT, "Crossover: task length above which the overhead per task c is under 5%% / 1%% of"
                    + " the task's wall time c + s k%n  (kernel %s per step; k = wall time per step per task,"
                    + " fitted from two sweeps of work, within [kernel/workers, kernel];%n  warm-up = the most a sweep pays beyond that"
                    + " for its workers' cold kernel, once):%n", Format.duration(analysis.nanosPerStep()));
            out.printf(Locale.ROOT, "  %-12s %7s  %-10s %-10s %-26s %-26s%n", "executor", "workers", "k", "warm-up",
                    "under 5%", "under 1%");
            for (var r : rows) {
                if (r.crossovers().isEmpty()) {
                    continue;
                }
                var c5 = r.crossovers().get(0);
                var c1 = r.crossovers().get(1);
                if (r.fit().perTask().median() <= 0) {
                    // A slope at or below zero says only that c is lost in the noise: no crossover to speak of.
                    out.printf(Locale.ROOT, "  %-12s %7d  %-10s %-10s %-53s%n", r.executor(), r.workers(), "-", "-",
                            "- (c lost in noise: rerun with --full or on a quieter machine)");
                    continue;
                }
                out.printf(Locale.ROOT, "  %-12s %7d  %-10s %-10s %-26s %-26s%n", r.executor(), r.workers(),
                        Format.duration(r.nanosPerStep())
                                + (r.warmupNanos() > 0 && !analysis.slopeFitted(r.executor(), r.workers()) ? "*" : ""),
                        r.warmupNanos() > 0 ? Format.duration(r.warmupNanos()) : "-",
                        Format.steps(c5.steps()) + " steps (" + Format.duration(c5.millis() * 1e6) + ")",
                        Format.steps(c1.steps()) + " steps (" + Format.duration(c1.millis() * 1e6) + ")");
            }
            if (rows.stream().anyMatch(r -> r.warmupNanos() > 0 && !analysis.slopeFitted(r.executor(), r.workers()))) {
                out.println("  * the kernel ran cold in the measured sweep (worker JVMs JIT-compiling it): k is taken"
                        + " as one core's speed, an upper bound\n    (warm workers may run up to W times faster), and"
                        + " the measured excess counts as warm-up");
            }
        }
        if (!sweeps.isEmpty()) {
            out.println();
            out.println("The lesson's sweeps end to end, one worker per core, CSV traces (LessonSweepBenchmark):");
            sweeps.forEach((k, s) -> {
                String[] parts = k.split(" ");
                out.printf(Locale.ROOT, "  %-8s %-14s %s%s%n", parts[0], parts[1], figure(s, noisy),
                        parts[1].equals(LessonSweepBenchmark.PYTHON_PATHOS)
                                ? "   (the lesson's Python program, Pathos ProcessPool, one node per core)" : "");
            });
            if (sweeps.keySet().stream().noneMatch(k -> k.endsWith(" " + LessonSweepBenchmark.PYTHON_PATHOS))) {
                out.println("  (no Python reference: it needs python3 with numpy and pathos on the PATH)");
            }
        }
        if (!others.isEmpty()) {
            out.println();
            out.println("Other benchmarks, as JMH scored them (mean ± 99.9% error):");
            others.forEach(o -> out.println("  " + o));
        }
        out.println();
        var rec = analysis.recommend(iterations, tasks);
        if (!rec.ranked().isEmpty()) {
            String length = Double.isNaN(taskMillis) || iterations == iterationsGiven && !(analysis.nanosPerStep() > 0)
                    ? String.format(Locale.ROOT, "%,d steps (--iterations %d)", iterations, iterations)
                    : String.format(Locale.ROOT, "%s (--task-ms %s: %,d steps at %s per step)",
                            Format.duration(taskMillis * 1e6),
                            java.math.BigDecimal.valueOf(taskMillis).stripTrailingZeros().toPlainString(), iterations,
                            Format.duration(analysis.nanosPerStep()));
            out.printf(Locale.ROOT, "Predicted for %,d tasks of %s, each executor at its largest worker count:%n"
                    + "  sweep = F + M (c + s k) + warm-up; overhead = (F + M c + warm-up) / sweep:%n", tasks, length);
            for (var p : rec.ranked()) {
                out.printf(Locale.ROOT, "  %-12s %7d  sweep %-10s = F %-10s + %d x %-10s + warm-up %-10s overhead %s%n",
                        p.executor(), p.workers(), Format.duration(p.sweepNanos()), Format.duration(p.fixedNanos()),
                        tasks, Format.duration(p.taskNanos()), p.warmupNanos() > 0 ? Format.duration(p.warmupNanos()) : "0",
                        Double.isNaN(p.overheadShare()) ? "n/a" : Format.percent(p.overheadShare()));
            }
        }
        if (!rec.ranked().isEmpty()) {
            String line = rec.line();
            if (!Double.isNaN(taskMillis) && analysis.nanosPerStep() > 0) {
                // In the user's own terms: the task length they gave, the steps it was converted to beside it.
                line = line.replaceFirst("^for (\\d+) (tasks?) of ([\\d,]+) steps", String.format(Locale.ROOT,
                        "for %,d $2 of %s (%s steps)", tasks, Format.duration(taskMillis * 1e6), "$3"));
            }
            out.println("Recommendation: " + line);
        }
        if (noisy[0]) {
            out.printf(Locale.ROOT, "%n! JMH's error is over %s of this figure: the machine was busy or the run too short."
                    + "%n  Rerun with --full (more forks and iterations), on a quieter machine, or both.%n",
                    Format.percent(NOISY));
        }
    }

    /**
     * F (noise around zero for most in-JVM executors), or c when the fit put it at or below zero: "~0"
     * rather than a negative time.
     */
    private static String fixed(Score f, boolean[] noisy) {
        if (f.median() <= 0 && f.median() + Math.abs(f.error()) >= 0) {
            return "~0 (± " + Format.duration(Math.abs(f.error())) + ")";
        }
        return figure(f, noisy);
    }

    /**
     * The table as CSV: times in nanoseconds (per task {@code c}, per sweep {@code F}, the two zero-step
     * batches' sweep times they were fitted from, {@code k} per step, the cold-kernel warm-up), ratios as plain numbers, empty
     * where unknown.
     */
    String csv() {
        StringBuilder s = new StringBuilder("executor,workers,per_task_ns_median,per_task_ns_mean,per_task_ns_error,"
                + "fixed_ns_median,fixed_ns_mean,fixed_ns_error,batch_small,batch_small_sweep_ns,batch_large,"
                + "batch_large_sweep_ns,per_task_vs_sequential,per_task_vs_jvm_start,fixed_vs_jvm_start,"
                + "wall_ns_per_step,warmup_ns,crossover_5pct_steps,crossover_5pct_ms,crossover_1pct_steps,crossover_1pct_ms\n");
        for (var r : analysis.table()) {
            var f = r.fit();
            var z = analysis.zeroStepSweeps(r.executor(), r.workers());
            s.append(r.executor()).append(',').append(r.workers());
            for (Score sc : new Score[] {f.perTask(), f.fixed()}) {
                s.append(',').append(num(sc.median())).append(',').append(num(sc.mean())).append(',')
                        .append(num(sc.error()));
            }
            s.append(',').append(f.smallBatch()).append(',').append(num(z.get(f.smallBatch()).median()))
                    .append(',').append(f.largeBatch()).append(',').append(num(z.get(f.largeBatch()).median()))
                    .append(',').append(num(r.vsSequential())).append(',').append(num(r.vsJvmStart()))
                    .append(',').append(num(r.fixedVsJvmStart())).append(',').append(num(r.nanosPerStep()))
                    .append(',').append(num(r.warmupNanos()));
            for (int i = 0; i < OverheadAnalysis.SHARES.length; i++) {
                var c = i < r.crossovers().size() ? r.crossovers().get(i) : null;
                s.append(',').append(c == null ? "" : num(c.steps())).append(',').append(c == null ? "" : num(c.millis()));
            }
            s.append('\n');
        }
        return s.toString();
    }

    void writeCsv(Path file) throws Exception {
        byte[] bytes = csv().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, true, out -> out.write(bytes));
    }

    private static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
