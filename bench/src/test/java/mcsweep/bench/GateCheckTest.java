package mcsweep.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcsweep.bench.GateCheck.Verdict;

class GateCheckTest {

    private static Baseline baseline(Map<String, Double> values, double tolerance) {
        Map<String, Baseline.Entry> e = new LinkedHashMap<>();
        values.forEach((id, v) -> e.put(id, new Baseline.Entry(id + " description", "scalar", v, v * 10, 0.05,
                tolerance, List.of(v))));
        return new Baseline("metropolis (x0=0.5, h=1.0, beta=1.0)", "2026-11-26T12:00", "test CPU, 2 cores",
                "JDK 25", "abc1234", 5, 0, e);
    }

    private static GateCheck.Measured now(String id, double v) {
        return new GateCheck.Measured(id + " description", "scalar", v, v * 10, 0.01);
    }

    @Test
    void aFigureBeyondItsToleranceIsARegressionAndOneAsFarBelowAnImprovement() {
        assertThat(GateCheck.verdict(10, 12.4, 0.25)).isEqualTo(Verdict.OK);
        assertThat(GateCheck.verdict(10, 12.6, 0.25)).isEqualTo(Verdict.REGRESSION);
        // Symmetric on a log scale: 1 / 1.25 = 0.8.
        assertThat(GateCheck.verdict(10, 8.1, 0.25)).isEqualTo(Verdict.OK);
        assertThat(GateCheck.verdict(10, 7.9, 0.25)).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(GateCheck.verdict(Double.NaN, 7.9, 0.25)).isEqualTo(Verdict.NEW);
        assertThat(GateCheck.verdict(10, Double.NaN, 0.25)).isEqualTo(Verdict.MISSING);
    }

    @Test
    void toleranceIsOneAndAHalfTimesTheLargestDistanceFromTheMedianAtLeastTheFloorRoundedUpToFivePercent() {
        assertThat(GateCheck.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(GateCheck.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        // Distances from the median 10: 0, 0.1, 0.1, 0, 0.3 -> largest 0.3, typical (median) 0.1.
        List<Double> runs = List.of(10.0, 11.0, 9.0, 10.0, 13.0);
        assertThat(GateCheck.spread(runs)).isCloseTo(0.3, within(1e-12));
        assertThat(GateCheck.typicalSpread(runs)).isCloseTo(0.1, within(1e-12));
        assertThat(GateCheck.tolerance(runs)).isCloseTo(GateCheck.MIN_TOLERANCE, within(1e-12)); // 1.5 x 30% = 45%
        // Every recorded run counts: one wild run widens the tolerance (record on a quiet machine).
        assertThat(GateCheck.tolerance(List.of(10.0, 11.0, 9.0, 10.0, 14.1))).isCloseTo(0.65, within(1e-12)); // 61.5% up
        assertThat(GateCheck.tolerance(List.of(10.0, 10.1, 9.9, 10.0, 10.2))).isCloseTo(GateCheck.MIN_TOLERANCE, within(1e-12));
        assertThat(GateCheck.tolerance(List.of(10.0, 11.0, 9.0, 10.0, 13.3))).isCloseTo(GateCheck.MIN_TOLERANCE, within(1e-12)); // 49.5%
        assertThat(GateCheck.tolerance(List.of(10.0, 11.0, 9.0, 10.0, 13.5))).isCloseTo(0.55, within(1e-12)); // 52.5% up
        assertThat(GateCheck.tolerance(List.of(10.0, 12.0))).isEqualTo(GateCheck.SINGLE_RUN_TOLERANCE);
    }

    @Test
    void aBaselineFigureRecordedFromFiveRunsHoldsTheirMediansEveryValueTheSpreadAndTheTolerance() {
        List<GateCheck.Measured> runs = List.of(
                new GateCheck.Measured("kernel, ns per step", "scalar", 10.0, 40.0, 0.01),
                new GateCheck.Measured("kernel, ns per step", "scalar", 12.0, 44.0, 0.01),
                new GateCheck.Measured("kernel, ns per step", "scalar", 9.0, 38.0, 0.01),
                new GateCheck.Measured("kernel, ns per step", "scalar", 11.0, 42.0, 0.01),
                new GateCheck.Measured("kernel, ns per step", "scalar", 10.5, 41.0, 0.01));

        Baseline.Entry e = GateCheck.entry("kernel, ns per step", "scalar", runs);

        assertThat(e.value()).isEqualTo(10.5);
        assertThat(e.nanos()).isEqualTo(41.0);
        assertThat(e.values()).containsExactly(10.0, 12.0, 9.0, 11.0, 10.5);
        assertThat(e.spread()).isCloseTo(1.5 / 10.5, within(1e-12)); // 9.0 is the farthest
        assertThat(e.tolerance()).isCloseTo(GateCheck.MIN_TOLERANCE, within(1e-12)); // 1.5 x 14.3% = 21.4%, below the floor
        assertThat(e.reference()).isEqualTo("scalar");
        assertThat(GateCheck.entry("d", "scalar", runs.subList(0, 1)).spread()).isNaN();
    }

    @Test
    void compareListsTheBaselinesFiguresThenNewOnesAndMarksMissingOnes() {
        Baseline b = baseline(Map.of("kernel.none", 10.0), 0.2);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("kernel.none", 10.0);
        values.put("task.pool", 100.0);
        b = baseline(values, 0.2);
        Map<String, GateCheck.Measured> measured = new LinkedHashMap<>();
        measured.put("kernel.none", now("kernel.none", 13.0));
        measured.put("jvm.start", now("jvm.start", 5.0));

        List<GateCheck.Row> rows = GateCheck.compare(b, measured);

        assertThat(rows).extracting(GateCheck.Row::id).containsExactly("kernel.none", "task.pool", "jvm.start");
        assertThat(rows).extracting(GateCheck.Row::verdict)
                .containsExactly(Verdict.REGRESSION, Verdict.MISSING, Verdict.NEW);
        assertThat(rows.get(0).ratio()).isCloseTo(1.3, within(1e-12));
    }

    @Test
    void onlyTheSelectedFiguresOfTheBaselineGetRowsSoAPartialRunHasNoMissingFigures() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("kernel.none", 10.0);
        values.put("task.pool", 100.0);
        values.put("scan.forkjoin", 1000.0);
        Baseline b = baseline(values, 0.2);
        Pattern only = Pattern.compile("kernel\\..*|scan\\..*");

        var rows = GateCheck.compare(b, Map.of("kernel.none", now("kernel.none", 30.0),
                "scan.forkjoin", now("scan.forkjoin", 3000.0)), id -> only.matcher(id).matches());

        assertThat(rows).extracting(GateCheck.Row::id).containsExactly("kernel.none", "scan.forkjoin");
        assertThat(GateCheck.exactly(rows, only)).isTrue();
        // Without the selection, the figure not measured is missing, and the proof cannot pass.
        assertThat(GateCheck.exactly(GateCheck.compare(b, Map.of("kernel.none", now("kernel.none", 30.0),
                "scan.forkjoin", now("scan.forkjoin", 3000.0))), only)).isFalse();
    }

    @Test
    void aFittedOverheadAtOrBelowZeroIsNoiseNotARegressionNorAnImprovement() {
        Baseline b = baseline(Map.of("task.pool", 100.0), 0.2);

        var rows = GateCheck.compare(b, Map.of("task.pool",
                new GateCheck.Measured("per-task overhead, pool x2", "scalar", Double.NaN, -2e5, Double.NaN)));

        assertThat(rows).extracting(GateCheck.Row::verdict).containsExactly(Verdict.NOISE);
    }

    @Test
    void theSlowdownProofPassesOnlyWhenExactlyTheExpectedFiguresRegress() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("kernel.none", 10.0);
        values.put("kernel.csv", 10.0);
        values.put("task.threads", 10.0);
        Baseline b = baseline(values, 0.2);
        Pattern kernel = Pattern.compile("kernel\\..*");

        var exact = GateCheck.compare(b, Map.of("kernel.none", now("kernel.none", 30.0),
                "kernel.csv", now("kernel.csv", 15.0), "task.threads", now("task.threads", 10.0)));
        var tooMany = GateCheck.compare(b, Map.of("kernel.none", now("kernel.none", 30.0),
                "kernel.csv", now("kernel.csv", 15.0), "task.threads", now("task.threads", 20.0)));
        var tooFew = GateCheck.compare(b, Map.of("kernel.none", now("kernel.none", 30.0),
                "kernel.csv", now("kernel.csv", 10.0), "task.threads", now("task.threads", 10.0)));
        var missing = GateCheck.compare(b, Map.of("kernel.none", now("kernel.none", 30.0),
                "kernel.csv", now("kernel.csv", 15.0)));

        assertThat(GateCheck.exactly(exact, kernel)).isTrue();
        assertThat(GateCheck.exactly(tooMany, kernel)).isFalse();
        assertThat(GateCheck.exactly(tooFew, kernel)).isFalse();
        assertThat(GateCheck.exactly(missing, kernel)).isFalse();
        assertThat(GateCheck.exactly(exact, Pattern.compile("nothing"))).isFalse();
    }

    @Test
    void theTableHasEveryColumnAndFlagsNoisyFiguresWithAdvice() {
        Baseline b = baseline(Map.of("kernel.none", 10.0), 0.2);
        var rows = GateCheck.compare(b, Map.of("kernel.none",
                new GateCheck.Measured("kernel, ns per step", "scalar", 13.0, 40.0, 0.5)));

        String table = GateMain.table(rows, "FAIL: 1 regression(s)", 1_000_000_000L);

        assertThat(table).contains("figure", "baseline", "now", "ratio", "tolerance", "verdict")
                .contains("kernel.none").contains("1.30").contains("±20%").contains("REGRESSION")
                .contains("40.0 ns !").contains("rerun on a quieter one").contains("FAIL: 1 regression(s)");
    }

    @Test
    void aBaselineSurvivesTheRoundTripThroughItsJsonFile(@TempDir Path dir) throws Exception {
        Baseline b = baseline(Map.of("kernel.none", 10.0, "task.pool", 2e4), 0.35);

        b.write(dir.resolve("base"));
        Baseline read = Baseline.read(dir.resolve("base"));

        assertThat(read).isEqualTo(b);
        assertThat(Files.readString(dir.resolve("base").resolve(Baseline.FILE))).contains("\"tolerance\": 0.35");
        assertThat(GateMain.tolerances(read)).contains("| kernel.none |").contains("±35%").contains("abc1234");
    }
}
