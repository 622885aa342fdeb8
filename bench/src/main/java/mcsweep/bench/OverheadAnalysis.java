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
 * <p>The model. {@code T(e, W, s)} is the measured wall time per task when executor {@code e} with
 * {@code W} workers runs a batch of tasks of {@code s} steps. Its <b>overhead</b> is {@code T(e, W, 0)},
 * the time per zero-step task. Between measured lengths {@code T} is interpolated linearly; beyond the
 * longest it grows by {@code slope(e, W)} per step: the measured slope from 0 to the longest length,
 * clamped to {@code [t/W, t]} where {@code t} is the kernel's warm time per step (no executor beats
 * perfect parallelism over its workers, and none runs a warm kernel slower than one core does; a cold
 * worker JVM's slower first steps thus count as overhead only where they were measured).
 * The <b>overhead share</b> of a task of {@code s} steps is {@code T(0) / (T(0) + s slope)}; the <b>crossover</b>
 * for a share {@code p} is the length where {@code T(0) / (T(0) + s slope) = p}, i.e.
 * {@code s = T(0) (1 - p) / (p slope)}; with one worker that is {@code overhead (1 - p) / (p t)}.
 */
final class OverheadAnalysis {

    /** The executor every other is compared with. */
    static final String BASELINE = "sequential";

    /** The shares the crossover is reported for. */
    static final double[] SHARES = {0.05, 0.01};

    /** Predictions within this factor of the best are named as about as good. */
    static final double CLOSE = 1.25;

    record Key(String executor, int workers, long steps) {
    }

    /** The task length, in steps and milliseconds, above which the overhead share is under {@code share}. */
    record Crossover(double share, double steps, double millis) {
    }

    /**
     * One line of the table.
     *
     * @param vsSequential overhead divided by {@code sequential}'s at one worker, NaN if unknown
     * @param vsJvmStart   overhead divided by one JVM start-up, NaN if unknown
     * @param crossovers   one per {@link #SHARES}, empty if the kernel's time per step is unknown
     */
    record Row(String executor, int workers, Score overhead, double vsSequential, double vsJvmStart,
               List<Crossover> crossovers) {
    }

    /** What one executor would do with the user's sweep. */
    record Prediction(String executor, int workers, double taskNanos, double sweepNanos, double overheadShare) {
    }

    /** The executors ranked for a sweep of {@code tasks} tasks of {@code iterations} steps, best first. */
    record Recommendation(long iterations, int tasks, int workers, List<Prediction> ranked, String line) {
    }

    private final double nanosPerStep;
    private final Score jvmStart;
    private final Map<Key, Score> perTask;

    /**
     * @param nanosPerStep the kernel's time per step without trace, NaN if not measured
     * @param jvmStart     one JVM start-up as a one-JVM-per-task executor pays it, or {@code null}
     * @param perTask      wall time per task, by executor, workers and task length
     */
    OverheadAnalysis(double nanosPerStep, Score jvmStart, Map<Key, Score> perTask) {
        this.nanosPerStep = nanosPerStep;
        this.jvmStart = jvmStart;
        this.perTask = Map.copyOf(perTask);
    }

    double nanosPerStep() {
        return nanosPerStep;
    }

    Score jvmStart() {
        return jvmStart;
    }

    Map<Key, Score> perTask() {
        return perTask;
    }

    /** Executors measured, {@code sequential} first, then by name. */
    List<String> executors() {
        TreeSet<String> names = new TreeSet<>(Comparator.comparing((String n) -> !n.equals(BASELINE))
                .thenComparing(Comparator.naturalOrder()));
        perTask.keySet().forEach(k -> names.add(k.executor()));
        return List.copyOf(names);
    }

    /** Worker counts measured for {@code executor}, ascending. */
    List<Integer> workers(String executor) {
        return perTask.keySet().stream().filter(k -> k.executor().equals(executor)).map(Key::workers)
                .distinct().sorted().toList();
    }

    /** Measured median time per task by length, for one executor and worker count. */
    NavigableMap<Long, Double> curve(String executor, int workers) {
        NavigableMap<Long, Double> c = new TreeMap<>();
        perTask.forEach((k, v) -> {
            if (k.executor().equals(executor) && k.workers() == workers) {
                c.put(k.steps(), v.median());
            }
        });
        return c;
    }

    /** The overhead table: one row per executor and worker count that has a zero-step measurement. */
    List<Row> table() {
        Score base = perTask.get(new Key(BASELINE, 1, 0));
        List<Row> rows = new ArrayList<>();
        for (String e : executors()) {
            for (int w : workers(e)) {
                Score o = perTask.get(new Key(e, w, 0));
                if (o == null) {
                    continue;
                }
                double vsSeq = base == null ? Double.NaN : o.median() / base.median();
                double vsJvm = jvmStart == null ? Double.NaN : o.median() / jvmStart.median();
                List<Crossover> cs = new ArrayList<>();
                double slope = slope(e, w);
                if (slope > 0) {
                    for (double p : SHARES) {
                        double s = crossoverSteps(o.median(), slope, p);
                        cs.add(new Crossover(p, s, s * nanosPerStep / 1e6));
                    }
                }
                rows.add(new Row(e, w, o, vsSeq, vsJvm, List.copyOf(cs)));
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
     * Wall time each extra step adds to a task for {@code executor} at {@code workers}; see the class
     * comment. NaN when neither the kernel's speed nor two task lengths are known.
     */
    double slope(String executor, int workers) {
        NavigableMap<Long, Double> c = curve(executor, workers);
        double measured = Double.NaN;
        if (c.size() >= 2 && c.lastKey() > c.firstKey()) {
            measured = (c.lastEntry().getValue() - c.firstEntry().getValue()) / (c.lastKey() - c.firstKey());
        }
        if (!(nanosPerStep > 0)) {
            return measured > 0 ? measured : Double.NaN;
        }
        if (!(measured > 0)) {
            return nanosPerStep;
        }
        return Math.min(nanosPerStep, Math.max(nanosPerStep / workers, measured));
    }

    /** Predicted wall time per task of {@code steps} steps; NaN if nothing was measured for it. */
    double taskNanos(String executor, int workers, long steps) {
        NavigableMap<Long, Double> c = curve(executor, workers);
        if (c.isEmpty()) {
            return Double.NaN;
        }
        Map.Entry<Long, Double> lo = c.floorEntry(steps);
        Map.Entry<Long, Double> hi = c.ceilingEntry(steps);
        if (lo == null) {
            return hi.getValue(); // shorter than anything measured: the cost of the shortest
        }
        if (hi == null) {
            double slope = slope(executor, workers);
            return lo.getValue() + (steps - lo.getKey()) * (slope > 0 ? slope : 0);
        }
        if (lo.getKey().equals(hi.getKey())) {
            return lo.getValue();
        }
        double f = (double) (steps - lo.getKey()) / (hi.getKey() - lo.getKey());
        return lo.getValue() + f * (hi.getValue() - lo.getValue());
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
            int w = ws.get(ws.size() - 1);
            maxWorkers = Math.max(maxWorkers, w);
            double t = taskNanos(e, w, iterations);
            if (!(t > 0)) {
                continue;
            }
            Score zero = perTask.get(new Key(e, w, 0));
            // The model's share, as for the crossover: a measured T(0) > T(s) (noise) cannot exceed 100%.
            double slope = slope(e, w);
            double share = zero == null ? Double.NaN
                    : zero.median() / (zero.median() + iterations * (slope > 0 ? slope : 0));
            ranked.add(new Prediction(e, w, t, t * tasks, share));
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
