package mcsweep.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OverheadAnalysisTest {

    private static final double NS_PER_STEP = 30;

    private static OverheadAnalysis.Key key(String e, int w, int b, long s) {
        return new OverheadAnalysis.Key(e, w, b, s);
    }

    /** Sweep times of an exact model {@code F + M (c + s k)} at the profile's batch sizes. */
    private static void put(Map<OverheadAnalysis.Key, Score> m, String e, int w, double f, double c, double k) {
        for (int b : new int[] {16, 4096}) {
            m.put(key(e, w, b, 0), Score.of(f + b * c));
        }
        m.put(key(e, w, 256, 10_000), Score.of(f + 256 * (c + 10_000 * k)));
    }

    /**
     * sequential (free start, 200 ns a task), forkjoin (1 ms to start its pool, 2 us a task, perfect
     * scaling on 2 workers), pool (200 ms to start 2 worker JVMs, 40 us a task) and process (no fixed
     * cost, 30 ms a task: a JVM start shared by 2 workers; only zero-step batches of 4 and 16).
     */
    private static Map<OverheadAnalysis.Key, Score> sweepLike() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        put(m, "sequential", 1, 0, 200, NS_PER_STEP);
        put(m, "forkjoin", 1, 1e6, 3_000, NS_PER_STEP);
        put(m, "forkjoin", 2, 1e6, 2_000, NS_PER_STEP / 2);
        put(m, "pool", 2, 200e6, 40e3, NS_PER_STEP / 2);
        m.put(key("process", 2, 4, 0), Score.of(4 * 30e6));
        m.put(key("process", 2, 16, 0), Score.of(16 * 30e6));
        return m;
    }

    @Test
    void fitSeparatesTheFixedCostPerSweepFromTheOverheadPerTask() {
        var a = new OverheadAnalysis(NS_PER_STEP, null, sweepLike());

        var pool = a.fit("pool", 2);
        assertThat(pool.perTask().median()).isCloseTo(40e3, within(1e-6));
        assertThat(pool.fixed().median()).isCloseTo(200e6, within(1e-3));
        assertThat(pool.smallBatch()).isEqualTo(16);
        assertThat(pool.largeBatch()).isEqualTo(4096);
        var process = a.fit("process", 2);
        assertThat(process.perTask().median()).isCloseTo(30e6, within(1e-3));
        assertThat(process.fixed().median()).isCloseTo(0, within(1e-3));
        assertThat(a.fit("nobody", 1)).isNull();
    }

    @Test
    void fitPropagatesJmhErrorsAsIndependentAndFitsMeansLikeMedians() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(key("pool", 2, 10, 0), new Score(300, 310, 3));
        m.put(key("pool", 2, 110, 0), new Score(1_300, 1_290, 4));
        var fit = new OverheadAnalysis(NS_PER_STEP, null, m).fit("pool", 2);

        // c = (1300 - 300) / 100; F = (110 x 300 - 10 x 1300) / 100.
        assertThat(fit.perTask().median()).isCloseTo(10, within(1e-12));
        assertThat(fit.perTask().mean()).isCloseTo(9.8, within(1e-12));
        assertThat(fit.perTask().error()).isCloseTo(5.0 / 100, within(1e-12));
        assertThat(fit.fixed().median()).isCloseTo(200, within(1e-9));
        assertThat(fit.fixed().mean()).isCloseTo((110 * 310 - 10 * 1_290) / 100.0, within(1e-9));
        assertThat(fit.fixed().error()).isCloseTo(Math.sqrt(330 * 330 + 40 * 40) / 100, within(1e-12));
    }

    @Test
    void oneBatchSizeGivesAnUpperBoundPerTaskAndNoFixedCost() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(key("threads", 2, 16, 0), new Score(1_600, 1_600, 160));
        var a = new OverheadAnalysis(NS_PER_STEP, null, m);

        var fit = a.fit("threads", 2);
        assertThat(fit.perTask()).isEqualTo(new Score(100, 100, 10));
        assertThat(fit.fixed().median()).isNaN();
        assertThat(fit.fixedOrZero()).isZero();
        assertThat(a.sweepNanos("threads", 2, 10, 0)).isEqualTo(1_000);
    }

    @Test
    void crossoverIsWhereTheOverheadIsThatShareOfTheTask() {
        // 100 ms of overhead at 30 ns per step: 5% when the work is 19 x 100 ms = 63.3 M steps.
        double s = OverheadAnalysis.crossoverSteps(100e6, NS_PER_STEP, 0.05);
        assertThat(s).isCloseTo(100e6 * 0.95 / (0.05 * 30), within(1e-3));
        assertThat(100e6 / (100e6 + s * NS_PER_STEP)).isCloseTo(0.05, within(1e-12));
        assertThat(OverheadAnalysis.crossoverSteps(100e6, NS_PER_STEP, 0.01)).isCloseTo(330e6, within(1.0));
        assertThatThrownBy(() -> OverheadAnalysis.crossoverSteps(1, 1, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share");
    }

    @Test
    void tableComparesTheOverheadPerTaskWithSequentialAndWithOneJvmStart() {
        var a = new OverheadAnalysis(NS_PER_STEP, Score.of(80e6), sweepLike());

        List<OverheadAnalysis.Row> rows = a.table();

        assertThat(rows).extracting(OverheadAnalysis.Row::executor)
                .containsExactly("sequential", "forkjoin", "forkjoin", "pool", "process");
        var seq = rows.get(0);
        assertThat(seq.vsSequential()).isCloseTo(1.0, within(1e-9));
        assertThat(seq.vsJvmStart()).isCloseTo(200 / 80e6, within(1e-15));
        // One worker: the crossover is c (1 - p) / (p t), and its time is steps x t.
        assertThat(seq.crossovers()).hasSize(2);
        assertThat(seq.crossovers().get(0).steps()).isCloseTo(200 * 0.95 / (0.05 * 30), within(1e-6));
        assertThat(seq.crossovers().get(0).millis()).isCloseTo(200 * 0.95 / 0.05 / 1e6, within(1e-12));
        var pool = rows.get(3);
        assertThat(pool.workers()).isEqualTo(2);
        assertThat(pool.vsSequential()).isCloseTo(200, within(1e-6));
        assertThat(pool.vsJvmStart()).isCloseTo(40e3 / 80e6, within(1e-12));
        assertThat(pool.fixedVsJvmStart()).isCloseTo(2.5, within(1e-9));
        // The crossover is per task: the 200 ms start-up is not in it, only 40 us against 15 ns a step.
        assertThat(pool.nanosPerStep()).isCloseTo(15, within(1e-9));
        assertThat(pool.crossovers().get(1).steps()).isCloseTo(40e3 * 0.99 / (0.01 * 15), within(1e-3));
        var process = rows.get(4);
        assertThat(process.vsJvmStart()).isCloseTo(30e6 / 80e6, within(1e-9));
    }

    @Test
    void slopeTakesTheFixedCostOutAndLiesBetweenPerfectParallelismAndOneCore() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        for (String e : List.of("fast", "cold", "half", "single")) {
            m.put(key(e, 2, 1, 0), Score.of(1e6 + 1_000));   // F = 1 ms, c = 1 us
            m.put(key(e, 2, 11, 0), Score.of(1e6 + 11_000));
        }
        m.put(key("fast", 2, 10, 1_000), Score.of(1e6 + 10 * (1_000 + 5_000)));    // 5 ns/step: too good
        m.put(key("cold", 2, 10, 1_000), Score.of(1e6 + 10 * (1_000 + 100_000)));  // 100 ns/step: a cold JVM
        m.put(key("half", 2, 10, 1_000), Score.of(1e6 + 10 * (1_000 + 20_000)));
        m.put(key("half", 2, 10, 100), Score.of(1e6 + 10 * (1_000 + 2_000)));     // a second point, same line
        var a = new OverheadAnalysis(NS_PER_STEP, null, m);

        assertThat(a.slope("fast", 2)).isCloseTo(15.0, within(1e-9));
        assertThat(a.slope("cold", 2)).isCloseTo(30.0, within(1e-9));
        assertThat(a.slope("half", 2)).isCloseTo(20.0, within(1e-9));
        assertThat(a.slope("single", 2)).isEqualTo(30.0);
    }

    @Test
    void sweepTimePaysTheFixedCostOnceAndTheOverheadPerTaskForEachTask() {
        var a = new OverheadAnalysis(NS_PER_STEP, null, sweepLike());

        assertThat(a.taskNanos("sequential", 1, 0)).isCloseTo(200, within(1e-6));
        assertThat(a.taskNanos("pool", 2, 10_000)).isCloseTo(40e3 + 10_000 * 15, within(1e-3));
        assertThat(a.sweepNanos("pool", 2, 324, 10_000)).isCloseTo(200e6 + 324 * 190e3, within(1e-2));
        assertThat(a.sweepNanos("pool", 2, 1, 10_000)).isCloseTo(200e6 + 190e3, within(1e-2));
        assertThat(a.taskNanos("nobody", 1, 10)).isNaN();
    }

    @Test
    void aColdKernelInTheWorkersIsAWarmUpPaidOncePerSweepNotASlowerStep() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(key("pool", 2, 16, 0), Score.of(200e6 + 16 * 40e3));
        m.put(key("pool", 2, 4096, 0), Score.of(200e6 + 4096 * 40e3));
        m.put(key("pool", 2, 256, 10_000), Score.of(200e6 + 256 * (40e3 + 10_000 * 100.0))); // 100 ns a step
        var a = new OverheadAnalysis(NS_PER_STEP, null, m);

        assertThat(a.measuredSlope("pool", 2)).isCloseTo(100, within(1e-9));
        assertThat(a.slope("pool", 2)).isCloseTo(30, within(1e-9));
        // The measured sweep's excess over one warm core: 70 ns x 10,000 steps x 256 tasks.
        assertThat(a.warmupNanos("pool", 2)).isCloseTo(70 * 10_000 * 256.0, within(1e-3));
        // At the measured point the prediction gives back the measurement.
        assertThat(a.sweepNanos("pool", 2, 256, 10_000)).isCloseTo(200e6 + 256 * 1.04e6, within(1e-2));
        // A small sweep pays the cold kernel on all its steps; a large one only the measured warm-up.
        assertThat(a.sweepNanos("pool", 2, 10, 10_000)).isCloseTo(200e6 + 10 * 340e3 + 10 * 10_000 * 70.0,
                within(1e-2));
        assertThat(a.sweepNanos("pool", 2, 324, 10_000)).isCloseTo(200e6 + 324 * 340e3 + 179.2e6, within(1e-2));
        var p = a.recommend(10_000, 324).ranked().get(0);
        assertThat(p.warmupNanos()).isCloseTo(179.2e6, within(1e-3));
        assertThat(p.overheadShare()).isCloseTo((200e6 + 324 * 40e3 + 179.2e6) / p.sweepNanos(), within(1e-12));
        // A warm kernel has no warm-up, nor has one measured 20% slower than the kernel benchmark (noise).
        assertThat(new OverheadAnalysis(NS_PER_STEP, null, sweepLike()).warmupNanos("forkjoin", 2)).isZero();
        Map<OverheadAnalysis.Key, Score> noisy = sweepLike();
        put(noisy, "threads", 1, 0, 1_000, NS_PER_STEP * 1.2);
        var b = new OverheadAnalysis(NS_PER_STEP, null, noisy);
        assertThat(b.measuredSlope("threads", 1)).isCloseTo(36, within(1e-9));
        assertThat(b.warmupNanos("threads", 1)).isZero();
        assertThat(b.sweepNanos("threads", 1, 324, 10_000)).isCloseTo(324 * (1_000 + 10_000 * 30.0), within(1e-3));
    }

    @Test
    void twoSweepsOfWorkSeparateTheWarmSpeedFromTheWarmUp() {
        // pool, 2 workers: F = 200 ms, c = 40 us, then 150 ms of cold kernel per sweep and 15 ns a step warm.
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(key("pool", 2, 16, 0), Score.of(200e6 + 16 * 40e3));
        m.put(key("pool", 2, 4096, 0), Score.of(200e6 + 4096 * 40e3));
        m.put(key("pool", 2, 256, 10_000), Score.of(200e6 + 256 * 40e3 + 150e6 + 2.56e6 * 15));
        m.put(key("pool", 2, 64, 100_000), Score.of(200e6 + 64 * 40e3 + 150e6 + 6.4e6 * 15));
        var a = new OverheadAnalysis(NS_PER_STEP, null, m);

        assertThat(a.slopeFitted("pool", 2)).isTrue();
        assertThat(a.measuredSlope("pool", 2)).isCloseTo(15, within(1e-6));
        assertThat(a.slope("pool", 2)).isCloseTo(15, within(1e-6));
        assertThat(a.warmupNanos("pool", 2)).isCloseTo(150e6, within(1e-1));
        // Both measured sweeps come back; a single task pays the cold kernel only on its own steps.
        assertThat(a.sweepNanos("pool", 2, 256, 10_000)).isCloseTo(m.get(key("pool", 2, 256, 10_000)).median(),
                within(1.0));
        assertThat(a.sweepNanos("pool", 2, 64, 100_000)).isCloseTo(m.get(key("pool", 2, 64, 100_000)).median(),
                within(1.0));
        double coldRate = 150e6 / 2.56e6; // beyond the warm 15 ns, in the smaller sweep
        assertThat(a.sweepWarmupNanos("pool", 2, 1, 10_000)).isCloseTo(10_000 * coldRate, within(1e-3));
        assertThat(a.sweepNanos("pool", 2, 324, 10_000)).isCloseTo(200e6 + 324 * (40e3 + 150e3) + 150e6,
                within(1.0));

        // One worker, noisy: the fitted slope (~21 ns) is below one core's 30 ns, so k = 30 ns and the
        // warm-up is the sweeps' mean excess over it, (86 + 49) / 2 ms, though the larger one's alone
        // (49 ms against 25% of 192 ms of work) would pass for noise.
        m.put(key("pool", 1, 16, 0), Score.of(200e6 + 16 * 40e3));
        m.put(key("pool", 1, 4096, 0), Score.of(200e6 + 4096 * 40e3));
        m.put(key("pool", 1, 256, 10_000), Score.of(200e6 + 256 * 40e3 + 86e6 + 2.56e6 * 30));
        m.put(key("pool", 1, 64, 100_000), Score.of(200e6 + 64 * 40e3 + 49e6 + 6.4e6 * 30));
        var one = new OverheadAnalysis(NS_PER_STEP, null, m);
        assertThat(one.slope("pool", 1)).isEqualTo(30.0);
        assertThat(one.warmupNanos("pool", 1)).isCloseTo(67.5e6, within(1.0));
    }

    @Test
    void recommendationPredictsWholeSweepsAndSaysWhatProcessPerTaskCosts() {
        var a = new OverheadAnalysis(NS_PER_STEP, Score.of(60e6), sweepLike());

        var r = a.recommend(10_000, 324);

        // forkjoin 1 ms + 324 x 152 us = 50.2 ms; sequential 324 x 300.2 us = 97.3 ms;
        // pool 200 ms + 324 x 190 us = 262 ms; process 324 x (30 ms + 0.3 ms: no length measured, one core).
        assertThat(r.ranked()).extracting(OverheadAnalysis.Prediction::executor)
                .containsExactly("forkjoin", "sequential", "pool", "process");
        var forkjoin = r.ranked().get(0);
        assertThat(forkjoin.workers()).isEqualTo(2);
        assertThat(forkjoin.fixedNanos()).isCloseTo(1e6, within(1e-3));
        assertThat(forkjoin.sweepNanos()).isCloseTo(1e6 + 324 * 152e3, within(1e-2));
        var pool = r.ranked().get(2);
        assertThat(pool.overheadShare()).isCloseTo((200e6 + 324 * 40e3) / (200e6 + 324 * 190e3), within(1e-9));
        var process = r.ranked().get(3);
        assertThat(process.overheadShare()).isCloseTo(30e6 / (30e6 + 3e5), within(1e-9));
        assertThat(r.line()).isEqualTo("for 324 tasks of 10,000 steps: forkjoin (50.2 ms predicted);"
                + " process-per-task would spend 99.0% of its time starting JVMs");
    }

    @Test
    void aLongEnoughSweepAmortisesThePoolsStartUp() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        put(m, "pool", 2, 200e6, 40e3, NS_PER_STEP / 2);
        m.put(key("process", 2, 4, 0), Score.of(4 * 30e6));
        m.put(key("process", 2, 16, 0), Score.of(16 * 30e6));
        var a = new OverheadAnalysis(NS_PER_STEP, null, m);

        // 7 tasks of 10^6 steps: pool 200 ms + 7 x 15.04 ms = 305 ms; process 7 x (30 + 30) ms = 420 ms.
        var few = a.recommend(1_000_000, 7);
        assertThat(few.ranked()).extracting(OverheadAnalysis.Prediction::executor).containsExactly("pool", "process");
        assertThat(few.ranked().get(0).sweepNanos()).isCloseTo(200e6 + 7 * (40e3 + 15e6), within(1e-1));
        // One task: pool's start-up is not amortised, process wins.
        assertThat(a.recommend(1_000_000, 1).ranked().get(0).executor()).isEqualTo("process");
    }

    @Test
    void aNoisyNegativeFixedCostCountsAsNone() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(key("sequential", 1, 16, 0), Score.of(1_000));
        m.put(key("sequential", 1, 4096, 0), Score.of(409_600 + 9_000)); // intercept about -1 us
        var a = new OverheadAnalysis(NS_PER_STEP, null, m);

        assertThat(a.fit("sequential", 1).fixed().median()).isNegative();
        var p = a.recommend(0, 100).ranked().get(0);
        assertThat(p.fixedNanos()).isZero();
        assertThat(p.sweepNanos()).isCloseTo(100 * a.fit("sequential", 1).perTask().median(), within(1e-9));
        assertThat(p.overheadShare()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void executorsWithinAQuarterOfTheBestAreNamedBesideIt() {
        Map<OverheadAnalysis.Key, Score> m = sweepLike();
        put(m, "virtual", 2, 0, 2_000, 18.0); // 324 x 182 us = 59.0 ms: 17% slower than forkjoin
        var a = new OverheadAnalysis(NS_PER_STEP, null, m);

        assertThat(a.recommend(10_000, 324).line())
                .startsWith("for 324 tasks of 10,000 steps: forkjoin (50.2 ms predicted; virtual within 25%);");
    }

    @Test
    void aShareJustUnderAHundredPercentIsNotRoundedUp() {
        assertThat(Format.percent(0.996)).isEqualTo("99.6%");
        assertThat(Format.percent(0.94)).isEqualTo("94%");
        assertThat(Format.percent(0.0341)).isEqualTo("3.41%");
    }

    @Test
    void largeRatiosAreGroupedAndRoundedLikeTheOtherColumns() {
        assertThat(Format.ratio(332_624)).isEqualTo("333,000x");
        assertThat(Format.ratio(28_820)).isEqualTo("28,800x");
        assertThat(Format.ratio(1_234)).isEqualTo("1,230x");
        assertThat(Format.ratio(130.4)).isEqualTo("130x");
        assertThat(Format.ratio(1.0)).isEqualTo("1.00x");
        assertThat(Format.ratio(1 / 5_500.0)).isEqualTo("1/5,500");
    }

    @Test
    void withoutAProcessExecutorTheJvmStartUpMeasuresWhatOneJvmPerTaskWouldCost() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        put(m, "sequential", 1, 0, 2_000, NS_PER_STEP);
        var a = new OverheadAnalysis(NS_PER_STEP, Score.of(70e6), m);

        var r = a.recommend(1_000_000, 7);

        // 1e6 steps x 30 ns = 30 ms of work against a 70 ms start: 70% of the time starting JVMs.
        assertThat(r.ranked()).singleElement().satisfies(p -> {
            assertThat(p.executor()).isEqualTo("sequential");
            assertThat(p.taskNanos()).isCloseTo(2_000 + 1e6 * 30, within(1e-3));
        });
        assertThat(r.line()).isEqualTo("for 7 tasks of 1,000,000 steps: sequential (210 ms predicted);"
                + " one JVM per task would spend 70% of its time starting JVMs (70.0 ms start-up vs 30.0 ms"
                + " of work per task)");
    }

    @Test
    void withoutKernelSpeedThereIsNoCrossoverButTheTableStands() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(key("sequential", 1, 16, 0), Score.of(3_200));
        var a = new OverheadAnalysis(Double.NaN, null, m);

        assertThat(a.table()).singleElement().satisfies(row -> {
            assertThat(row.crossovers()).isEmpty();
            assertThat(row.vsJvmStart()).isNaN();
            assertThat(row.fit().perTask().median()).isEqualTo(200);
        });
        assertThat(a.recommend(10, 1).line()).startsWith("for 1 task of 10 steps: sequential");
    }

    @Test
    void nothingMeasuredSaysSo() {
        var a = new OverheadAnalysis(NS_PER_STEP, null, Map.of());
        assertThat(a.table()).isEmpty();
        assertThat(a.recommend(10_000, 324).line()).endsWith("no executor was measured");
    }
}
