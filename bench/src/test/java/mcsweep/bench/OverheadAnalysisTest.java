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

    private static OverheadAnalysis.Key key(String e, int w, long s) {
        return new OverheadAnalysis.Key(e, w, s);
    }

    /** sequential, forkjoin (2 workers, perfect scaling) and process (a 4.7 ms start per task, 1 core). */
    private static Map<OverheadAnalysis.Key, Score> sweepLike() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(key("sequential", 1, 0), Score.of(2_000));
        m.put(key("sequential", 1, 10_000), Score.of(302_000));
        m.put(key("forkjoin", 1, 0), Score.of(4_000));
        m.put(key("forkjoin", 2, 0), Score.of(3_000));
        m.put(key("forkjoin", 2, 10_000), Score.of(153_000));
        m.put(key("process", 2, 0), Score.of(4_700_000));
        m.put(key("process", 2, 10_000), Score.of(5_000_000));
        return m;
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
    void tableComparesZeroStepTasksWithSequentialAndWithOneJvmStart() {
        var a = new OverheadAnalysis(NS_PER_STEP, Score.of(80e6), sweepLike());

        List<OverheadAnalysis.Row> rows = a.table();

        assertThat(rows).extracting(OverheadAnalysis.Row::executor)
                .containsExactly("sequential", "forkjoin", "forkjoin", "process");
        var seq = rows.get(0);
        assertThat(seq.vsSequential()).isEqualTo(1.0);
        assertThat(seq.vsJvmStart()).isEqualTo(2_000 / 80e6);
        // One worker: the crossover is overhead (1 - p) / (p t), and its time is steps x t.
        assertThat(seq.crossovers()).hasSize(2);
        assertThat(seq.crossovers().get(0).steps()).isCloseTo(2_000 * 0.95 / (0.05 * 30), within(1e-9));
        assertThat(seq.crossovers().get(0).millis()).isCloseTo(2_000 * 0.95 / 0.05 / 1e6, within(1e-12));
        var process = rows.get(3);
        assertThat(process.workers()).isEqualTo(2);
        assertThat(process.vsSequential()).isEqualTo(4.7e6 / 2_000);
        assertThat(process.vsJvmStart()).isEqualTo(4.7e6 / 80e6);
    }

    @Test
    void slopeLiesBetweenPerfectParallelismAndOneCore() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(key("fast", 2, 0), Score.of(0));
        m.put(key("fast", 2, 1_000), Score.of(5_000));       // 5 ns/step: better than 2 workers can do
        m.put(key("cold", 2, 0), Score.of(0));
        m.put(key("cold", 2, 1_000), Score.of(100_000));     // 100 ns/step: a cold JVM's interpreter
        m.put(key("half", 2, 0), Score.of(0));
        m.put(key("half", 2, 1_000), Score.of(20_000));
        m.put(key("single", 2, 0), Score.of(1_000));
        var a = new OverheadAnalysis(NS_PER_STEP, null, m);

        assertThat(a.slope("fast", 2)).isEqualTo(15.0);
        assertThat(a.slope("cold", 2)).isEqualTo(30.0);
        assertThat(a.slope("half", 2)).isEqualTo(20.0);
        assertThat(a.slope("single", 2)).isEqualTo(30.0);
    }

    @Test
    void taskTimeIsInterpolatedBetweenLengthsAndExtrapolatedBeyondWithTheSlope() {
        var a = new OverheadAnalysis(NS_PER_STEP, null, sweepLike());

        assertThat(a.taskNanos("sequential", 1, 0)).isEqualTo(2_000);
        assertThat(a.taskNanos("sequential", 1, 5_000)).isEqualTo(152_000);
        assertThat(a.taskNanos("forkjoin", 2, 10_000)).isEqualTo(153_000);
        assertThat(a.taskNanos("forkjoin", 2, 110_000)).isEqualTo(153_000 + 100_000 * 15.0);
        assertThat(a.taskNanos("nobody", 1, 10)).isNaN();
    }

    @Test
    void recommendationPicksTheFastestSweepAndSaysWhatProcessPerTaskCosts() {
        var a = new OverheadAnalysis(NS_PER_STEP, Score.of(60e6), sweepLike());

        var r = a.recommend(10_000, 324);

        assertThat(r.ranked()).extracting(OverheadAnalysis.Prediction::executor)
                .containsExactly("forkjoin", "sequential", "process");
        assertThat(r.ranked().get(0).workers()).isEqualTo(2);
        assertThat(r.ranked().get(0).sweepNanos()).isEqualTo(324 * 153_000.0);
        // 4.7 ms against 10,000 steps at 30 ns (one core's speed: the measured slope is no better).
        assertThat(r.ranked().get(2).overheadShare()).isCloseTo(4.7e6 / (4.7e6 + 3e5), within(1e-12));
        assertThat(r.ranked().get(0).overheadShare()).isCloseTo(3_000 / (3_000 + 10_000 * 15.0), within(1e-12));
        assertThat(r.line()).isEqualTo("for 324 tasks of 10,000 steps: forkjoin (49.6 ms predicted);"
                + " process-per-task would spend 94% of its time starting JVMs");
    }

    @Test
    void aNoisyZeroStepTimeAboveTheLongerTasksStillGivesAShareBelowOne() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(key("pool", 2, 0), Score.of(20e6));
        m.put(key("pool", 2, 10_000), Score.of(15e6));
        var a = new OverheadAnalysis(NS_PER_STEP, null, m);

        assertThat(a.recommend(10_000, 10).ranked().get(0).overheadShare()).isCloseTo(20e6 / (20e6 + 3e5),
                within(1e-12));
    }

    @Test
    void executorsWithinAQuarterOfTheBestAreNamedBesideIt() {
        Map<OverheadAnalysis.Key, Score> m = sweepLike();
        m.put(key("virtual", 2, 0), Score.of(3_000));
        m.put(key("virtual", 2, 10_000), Score.of(180_000)); // 18% slower than forkjoin
        var a = new OverheadAnalysis(NS_PER_STEP, null, m);

        assertThat(a.recommend(10_000, 324).line())
                .startsWith("for 324 tasks of 10,000 steps: forkjoin (49.6 ms predicted; virtual within 25%);");
    }

    @Test
    void aShareJustUnderAHundredPercentIsNotRoundedUp() {
        assertThat(Format.percent(0.996)).isEqualTo("99.6%");
        assertThat(Format.percent(0.94)).isEqualTo("94%");
        assertThat(Format.percent(0.0341)).isEqualTo("3.41%");
    }

    @Test
    void withoutAProcessExecutorTheJvmStartUpMeasuresWhatOneJvmPerTaskWouldCost() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(key("sequential", 1, 0), Score.of(2_000));
        var a = new OverheadAnalysis(NS_PER_STEP, Score.of(70e6), m);

        var r = a.recommend(1_000_000, 7);

        // 1e6 steps x 30 ns = 30 ms of work against a 70 ms start: 70% of the time starting JVMs.
        assertThat(r.ranked()).singleElement().satisfies(p -> {
            assertThat(p.executor()).isEqualTo("sequential");
            assertThat(p.taskNanos()).isEqualTo(2_000 + 1e6 * 30);
        });
        assertThat(r.line()).isEqualTo("for 7 tasks of 1,000,000 steps: sequential (210 ms predicted);"
                + " one JVM per task would spend 70% of its time starting JVMs (70.0 ms start-up vs 30.0 ms"
                + " of work per task)");
    }

    @Test
    void withoutKernelSpeedThereIsNoCrossoverButTheTableStands() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(key("sequential", 1, 0), Score.of(2_000));
        var a = new OverheadAnalysis(Double.NaN, null, m);

        assertThat(a.table()).singleElement().satisfies(row -> {
            assertThat(row.crossovers()).isEmpty();
            assertThat(row.vsJvmStart()).isNaN();
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
