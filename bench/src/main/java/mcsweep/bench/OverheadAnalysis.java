package mcsweep.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the benchmark numbers into the answer to "which executor for my sweep?": the overhead table, the
 * crossover task lengths and a recommendation. Pure arithmetic on numbers, so it is tested on synthetic
 * ones; {@link BenchReport} feeds it JMH's results.
 *
 * <p>The model. A sweep of {@code M} tasks of {@code s} steps run by executor {@code e} with {@code W}
 * workers takes {@code T = F + M m(s)}, {@code m(s) = c + s k}:
 * <ul>
 *   <li>{@code F}, the <b>fixed cost per sweep</b>: what one execute call pays however many tasks it
 *       runs (starting and stopping a thread pool, or {@code pool}'s worker JVMs);
 *   <li>{@code c}, the <b>overhead per task</b>: the wall time each extra zero-step task adds to a long
 *       sweep (hand-off and result, or for {@code process} a whole JVM start), already shared over the
 *       workers since it is measured at {@code W};
 *   <li>{@code k}, the wall time each extra step adds to each task.
 * </ul>
 * {@code c} and {@code F} come from the sweep times {@code T1, T2} of two batch sizes {@code b1 < b2} of
 * zero-step tasks: the slope {@code c = (T2 - T1) / (b2 - b1)} and the intercept
 * {@code F = (b2 T1 - b1 T2) / (b2 - b1)}; their errors are JMH's, propagated as independent
 * ({@code err c = sqrt(e1² + e2²) / (b2 - b1)}, {@code err F = sqrt((b2 e1)² + (b1 e2)²) / (b2 - b1)}).
 * A measured {@code F} below zero is noise around a free start and counts as zero in predictions. With
 * a single batch size {@code c = T / b}, an upper bound with {@code F} folded in, and {@code F} unknown.
 *
 * <p>{@code k} comes from sweeps of real work, each of batch {@code b} and length {@code s}, whose time
 * beyond their overheads is {@code X = T - F - b c}: with two of different total steps {@code N = b s},
 * {@code k} is the slope of {@code X} against {@code N} (so a warm-up paid once per sweep cancels out);
 * with one, {@code k = X / N}. It is clamped to {@code [t/W, t]} where {@code t} is the kernel's warm time
 * per step (no executor beats perfect parallelism over its workers, and none runs a warm kernel slower
 * than one core does); {@code t} when no length was measured. When the sweeps took longer than
 * {@code N k} by more than noise ({@link #WARM_TOLERANCE}), the excess is a cold kernel (JIT warm-up in
 * worker JVMs started by the sweep), paid once per sweep rather than per step: see {@link #warmupNanos}.
 * Why two batch sizes rather than a per-task score: one batch's time divided by its size spreads
 * {@code F} over however many tasks the batch holds (pool at 16 tasks looked 130x costlier per task
 * than it is warm).
 *
 * <p>The <b>crossover</b> for a share {@code p} is the task length where the per-task overhead is that
 * share of the task, {@code c / (c + s k) = p}, i.e. {@code s = c (1 - p) / (p k)}: a per-task notion,
 * for long sweeps; {@code F} is paid once and shows in the predicted sweep time instead.
 */
final class OverheadAnalysis {

    /** The executor every other is compared with. */
    static final String BASELINE = "sequential";

    /** The shares the crossover is reported for. */
    static final double[] SHARES = {0.05, 0.01};

    /**
     * A measured time per step at most this factor above the kernel's is noise (two benchmarks on a busy
     * 2-core machine differ by 10% or so), not a cold kernel: a cold one runs 1.5-3x slower.
     */
    static final double WARM_TOLERANCE = 1.25;

    /** Predictions within this factor of the best are named as about as good. */
    static final double CLOSE = 1.25;

    /** One measurement: the wall time of one execute call of {@code batch} tasks of {@code steps} steps. */
    record Key(String executor, int workers, int batch, long steps) {
    }

    /**
     * The fitted line of one executor and worker count.
     *
     * @param perTask    {@code c}, the overhead per task
     * @param fixed      {@code F}, the fixed cost per sweep; NaN if only one batch size was measured
     * @param smallBatch {@code b1}, the smaller batch of zero-step tasks fitted
     * @param largeBatch {@code b2}; equal to {@code b1} when only one was measured
     */
    record Fit(Score perTask, Score fixed, int smallBatch, int largeBatch) {

        /** {@code F} as predictions use it: never below zero, zero if unknown. */
        double fixedOrZero() {
            return fixed.median() > 0 ? fixed.median() : 0;
        }
    }

    /** The task length, in steps and milliseconds, above which the overhead share is under {@code share}. */
    record Crossover(double share, double steps, double millis) {
    }

    /**
     * One line of the table.
     *
     * @param vsSequential    {@code c} divided by {@code sequential}'s at one worker, NaN if unknown
     * @param vsJvmStart      {@code c} divided by one JVM start-up, NaN if unknown
     * @param fixedVsJvmStart {@code F} divided by one JVM start-up, NaN if unknown
     * @param nanosPerStep    {@code k}, the wall time per step per task in a long sweep
     * @param warmupNanos     the most a sweep pays for a cold kernel in its workers (see {@link #warmupNanos})
     * @param crossovers      one per {@link #SHARES}, empty if the kernel's time per step is unknown
     */
    record Row(String executor, int workers, Fit fit, double vsSequential, double vsJvmStart,
               double fixedVsJvmStart, double nanosPerStep, double warmupNanos, List<Crossover> crossovers) {
    }

    /**
     * What one executor would do with the user's sweep.
     *
     * @param fixedNanos    {@code F}, paid once
     * @param taskNanos     {@code m(s) = c + s k}, what each task adds
     * @param warmupNanos   what this sweep pays for a cold kernel in its workers
     * @param sweepNanos    {@code F + M m(s) + warm-up}
     * @param overheadShare {@code (F + M c + warm-up) / sweep}: the share of the sweep not spent on warm steps
     */
    record Prediction(String executor, int workers, double fixedNanos, double taskNanos, double warmupNanos,
                      double sweepNanos, double overheadShare) {
    }

    /** The executors ranked for a sweep of {@code tasks} tasks of {@code iterations} steps, best first. */
    record Recommendation(long iterations, int tasks, int workers, List<Prediction> ranked, String line) {
    }

    private final double nanosPerStep;
    private final Score jvmStart;
    private final Map<Key, Score> sweeps;

    /**
     * @param nanosPerStep the kernel's time per step without trace, NaN if not measured
     * @param jvmStart     one JVM start-up as a one-JVM-per-task executor pays it, or {@code null}
     * @param sweeps       wall time per execute call, by executor, workers, batch size and task length
     */
    OverheadAnalysis(double nanosPerStep, Score jvmStart, Map<Key, Score> sweeps) {
        this.nanosPerStep = nanosPerStep;
        this.jvmStart = jvmStart;
        this.sweeps = Map.copyOf(sweeps);
    }

    double nanosPerStep() {
        return nanosPerStep;
    }

    /** Executors measured, {@code sequential} first, then by name. */
    List<String> executors() {
        TreeSet<String> names = new TreeSet<>(Comparator.comparing((String n) -> !n.equals(BASELINE))
                .thenComparing(Comparator.naturalOrder()));
        sweeps.keySet().forEach(k -> names.add(k.executor()));
        return List.copyOf(names);
    }

    /**
     * Worker counts measured for {@code executor}, ascending; {@code sequential} only at one worker, since
     * at more it still uses one and a row for it would mean nothing.
     */
    List<Integer> workers(String executor) {
        return sweeps.keySet().stream().filter(k -> k.executor().equals(executor)).map(Key::workers)
                .filter(w -> w == 1 || !executor.equals(BASELINE)).distinct().sorted().toList();
    }

    /** Measured sweep times of zero-step tasks by batch size, for one executor and worker count. */
    NavigableMap<Integer, Score> zeroStepSweeps(String executor, int workers) {
        NavigableMap<Integer, Score> c = new TreeMap<>();
        sweeps.forEach((k, v) -> {
            if (k.executor().equals(executor) && k.workers() == workers && k.steps() == 0) {
                c.put(k.batch(), v);
            }
        });
        return c;
    }

    /** {@code c} and {@code F} for one executor and worker count (see the class comment); null if no zero-step data. */
    Fit fit(String executor, int workers) {
        NavigableMap<Integer, Score> z = zeroStepSweeps(executor, workers);
        if (z.isEmpty()) {
            return null;
        }
        int b1 = z.firstKey();
        int b2 = z.lastKey();
        Score t1 = z.firstEntry().getValue();
        Score t2 = z.lastEntry().getValue();
        if (b1 == b2) {
            return new Fit(new Score(t1.median() / b1, t1.mean() / b1, t1.error() / b1),
                    new Score(Double.NaN, Double.NaN, Double.NaN), b1, b1);
        }
        double d = b2 - b1;
        Score c = new Score((t2.median() - t1.median()) / d, (t2.mean() - t1.mean()) / d,
                Math.hypot(t1.error(), t2.error()) / d);
        Score f = new Score((b2 * t1.median() - b1 * t2.median()) / d, (b2 * t1.mean() - b1 * t2.mean()) / d,
                Math.hypot(b2 * t1.error(), b1 * t2.error()) / d);
        return new Fit(c, f, b1, b2);
    }

    /**
     * The sweeps of real work measured for one executor and worker count, by total steps {@code N = b s}
     * (the largest batch where two have the same total).
     */
    private NavigableMap<Long, Key> work(String executor, int workers) {
        NavigableMap<Long, Key> w = new TreeMap<>();
        sweeps.keySet().stream()
                .filter(k -> k.executor().equals(executor) && k.workers() == workers && k.steps() > 0)
                .sorted(Comparator.comparingInt(Key::batch))
                .forEach(k -> w.put(k.batch() * k.steps(), k));
        return w;
    }

    /** {@code X = T - F - b c}: the time a work sweep spent on steps (warm or cold), beyond its overheads. */
    private double stepTime(Fit fit, Key k) {
        return sweeps.get(k).median() - fit.fixedOrZero() - k.batch() * fit.perTask().median();
    }

    /**
     * The wall time per step per task as measured, before any clamping: with two sweeps of work, the
     * slope of their step time {@code X} against their total steps {@code N} (a warm-up paid once per
     * sweep cancels out); with one, {@code X / N}. NaN if no work was measured.
     */
    double measuredSlope(String executor, int workers) {
        Fit fit = fit(executor, workers);
        NavigableMap<Long, Key> w = work(executor, workers);
        if (fit == null || w.isEmpty()) {
            return Double.NaN;
        }
        Map.Entry<Long, Key> lo = w.firstEntry();
        Map.Entry<Long, Key> hi = w.lastEntry();
        if (w.size() == 1) {
            return stepTime(fit, lo.getValue()) / lo.getKey();
        }
        return (stepTime(fit, hi.getValue()) - stepTime(fit, lo.getValue())) / (hi.getKey() - lo.getKey());
    }

    /** Whether {@code k} was fitted from two sweeps of work, so that it is a warm speed, not a bound. */
    boolean slopeFitted(String executor, int workers) {
        return work(executor, workers).size() >= 2;
    }

    /**
     * {@code k}: the wall time each extra step adds to each task of a long sweep for {@code executor} at
     * {@code workers}; see the class comment. NaN when neither the kernel's speed nor a task length
     * above zero is known.
     */
    double slope(String executor, int workers) {
        double measured = measuredSlope(executor, workers);
        if (!(nanosPerStep > 0)) {
            return measured > 0 ? measured : Double.NaN;
        }
        if (!(measured > 0)) {
            return nanosPerStep;
        }
        return Math.min(nanosPerStep, Math.max(nanosPerStep / workers, measured));
    }

    /**
     * The time the measured sweeps of work took beyond {@code F + b (c + s k)}, averaged over them, when
     * that is more than noise ({@link #WARM_TOLERANCE} of their warm work): the workers' kernel was still
     * being compiled (pool's worker JVMs start cold in every sweep). JIT warm-up is paid once per worker,
     * not per step, so a sweep of {@code N} steps pays {@code min(this, N (r - k))}, {@code r} the smallest
     * measured sweep's time per step: in proportion to the work while the kernel is still cold, then no
     * more. Zero when the kernel ran at warm speed or nothing was measured.
     */
    double warmupNanos(String executor, int workers) {
        Fit fit = fit(executor, workers);
        NavigableMap<Long, Key> w = work(executor, workers);
        if (fit == null || w.isEmpty() || !(nanosPerStep > 0)) {
            return 0;
        }
        double k = slope(executor, workers);
        double excess = w.entrySet().stream().mapToDouble(e -> stepTime(fit, e.getValue()) - e.getKey() * k)
                .average().orElse(0);
        double steps = w.keySet().stream().mapToLong(Long::longValue).average().orElse(0);
        return excess > (WARM_TOLERANCE - 1) * steps * nanosPerStep ? excess : 0;
    }

    /** {@code m(s) = c + s k}, the wall time a task of {@code steps} steps adds to a long sweep; NaN if unknown. */
    double taskNanos(String executor, int workers, long steps) {
        Fit fit = fit(executor, workers);
        if (fit == null) {
            return Double.NaN;
        }
        double k = slope(executor, workers);
        return Math.max(0, fit.perTask().median()) + steps * (k > 0 ? k : 0);
    }

    /** The warm-up a sweep of {@code tasks} tasks of {@code steps} steps pays; see {@link #warmupNanos}. */
    double sweepWarmupNanos(String executor, int workers, int tasks, long steps) {
        double w = warmupNanos(executor, workers);
        if (w == 0) {
            return 0;
        }
        Map.Entry<Long, Key> smallest = work(executor, workers).firstEntry();
        double coldRate = stepTime(fit(executor, workers), smallest.getValue()) / smallest.getKey();
        return Math.min(w, (double) tasks * steps * Math.max(0, coldRate - slope(executor, workers)));
    }

    /** {@code F + M m(s)} plus any warm-up: the predicted wall time of a sweep; NaN if unknown. */
    double sweepNanos(String executor, int workers, int tasks, long steps) {
        Fit fit = fit(executor, workers);
        return fit == null ? Double.NaN : fit.fixedOrZero() + tasks * taskNanos(executor, workers, steps)
                + sweepWarmupNanos(executor, workers, tasks, steps);
    }

    /** The overhead table: one row per executor and worker count that has a zero-step measurement. */
    List<Row> table() {
        Fit base = fit(BASELINE, 1);
        List<Row> rows = new ArrayList<>();
        for (String e : executors()) {
            for (int w : workers(e)) {
                Fit fit = fit(e, w);
                if (fit == null) {
                    continue;
                }
                double c = fit.perTask().median();
                double vsSeq = base == null ? Double.NaN : c / base.perTask().median();
                double vsJvm = jvmStart == null ? Double.NaN : c / jvmStart.median();
                double fVsJvm = jvmStart == null ? Double.NaN : fit.fixed().median() / jvmStart.median();
                List<Crossover> cs = new ArrayList<>();
                double slope = slope(e, w);
                if (slope > 0 && nanosPerStep > 0) {
                    for (double p : SHARES) {
                        double s = crossoverSteps(c, slope, p);
                        cs.add(new Crossover(p, s, s * nanosPerStep / 1e6));
                    }
                }
                rows.add(new Row(e, w, fit, vsSeq, vsJvm, fVsJvm, slope, warmupNanos(e, w), List.copyOf(cs)));
            }
        }
        return rows;
    }

    /** Steps per task above which an overhead of {@code overheadNanos} is under {@code share} of the task. */
    static double crossoverSteps(double overheadNanos, double nanosPerStepOfWallTime, double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("share must be in (0, 1): " + share);
        }
        return Math.max(0, overheadNanos) * (1 - share) / (share * nanosPerStepOfWallTime);
    }

    /**
     * Ranks the executors for {@code tasks} tasks of {@code iterations} steps, using each one's largest
     * measured worker count (one per core in the profiles), and writes the one-line answer.
     */
    Recommendation recommend(long iterations, int tasks) {
        List<Prediction> ranked = new ArrayList<>();
        int maxWorkers = 1;
        for (String e : executors()) {
            List<Integer> ws = workers(e);
            if (ws.isEmpty()) {
                continue;
            }
            int w = ws.get(ws.size() - 1);
            maxWorkers = Math.max(maxWorkers, w);
            Fit fit = fit(e, w);
            if (fit == null) {
                continue;
            }
            double m = taskNanos(e, w, iterations);
            double f = fit.fixedOrZero();
            double warmup = sweepWarmupNanos(e, w, tasks, iterations);
            double sweep = f + tasks * m + warmup;
            double overhead = f + tasks * Math.max(0, fit.perTask().median()) + warmup;
            ranked.add(new Prediction(e, w, f, m, warmup, sweep, sweep > 0 ? overhead / sweep : Double.NaN));
        }
        ranked.sort(Comparator.comparingDouble(Prediction::sweepNanos));
        StringBuilder line = new StringBuilder("for ").append(tasks).append(tasks == 1 ? " task of " : " tasks of ")
                .append(String.format(Locale.ROOT, "%,d", iterations)).append(" steps: ");
        if (ranked.isEmpty()) {
            line.append("no executor was measured");
        } else {
            Prediction best = ranked.get(0);
            line.append(best.executor()).append(" (").append(Format.duration(best.sweepNanos())).append(" predicted");
            // Rankings inside the noise of a short run are not a recommendation: name the close ones.
            List<String> close = ranked.stream().skip(1).filter(p -> p.sweepNanos() <= best.sweepNanos() * CLOSE)
                    .map(Prediction::executor).toList();
            if (!close.isEmpty()) {
                line.append("; ").append(String.join(", ", close)).append(" within ")
                        .append(Format.percent(CLOSE - 1));
            }
            line.append(')');
            Prediction process = ranked.stream().filter(p -> p.executor().equals("process")).findFirst().orElse(null);
            if (process != null && process.overheadShare() > 0) {
                line.append("; process-per-task would spend ").append(Format.percent(process.overheadShare()))
                        .append(" of its time starting JVMs");
            } else if (jvmStart != null && nanosPerStep > 0) {
                double work = iterations * nanosPerStep;
                line.append("; one JVM per task would spend ")
                        .append(Format.percent(jvmStart.median() / (jvmStart.median() + work)))
                        .append(" of its time starting JVMs (").append(Format.duration(jvmStart.median()))
                        .append(" start-up vs ").append(Format.duration(work)).append(" of work per task)");
            }
        }
        return new Recommendation(iterations, tasks, maxWorkers, List.copyOf(ranked), line.toString());
    }
}
