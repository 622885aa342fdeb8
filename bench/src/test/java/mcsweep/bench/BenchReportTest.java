package mcsweep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    /** sequential measured (wrongly) at 1 and 2 workers, threads at 2; the kernel at 40 ns per step. */
    private static BenchReport report(double kernelError) {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        for (int w : new int[] {1, 2}) {
            m.put(new OverheadAnalysis.Key("sequential", w, 16, 0), new Score(16 * 300, 16 * 300, 100));
            m.put(new OverheadAnalysis.Key("sequential", w, 4096, 0), new Score(4096 * 300, 4096 * 300, 1000));
        }
        m.put(new OverheadAnalysis.Key("threads", 2, 16, 0), new Score(5e5 + 16 * 400, 5e5 + 16 * 400, 1e4));
        m.put(new OverheadAnalysis.Key("threads", 2, 4096, 0), new Score(5e5 + 4096 * 400, 5e5 + 4096 * 400, 1e4));
        Map<String, Score> kernel = Map.of("L64X128MixRandom none", new Score(40, 40, kernelError));
        return new BenchReport(new OverheadAnalysis(40, null, m), kernel, Map.of(), Map.of(), List.of());
    }

    private static String print(BenchReport r, long iterations, double taskMillis, int tasks) {
        var bytes = new ByteArrayOutputStream();
        r.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), iterations, taskMillis, tasks, null);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTaskLengthInMillisecondsIsAnsweredInTheUsersTermsWithTheStepsItMeans() {
        String text = print(report(1), 10_000, 20, 5000);

        // 20 ms at 40 ns per step = 500,000 steps.
        assertThat(text).contains("Predicted for 5,000 tasks of 20.0 ms (--task-ms 20: 500,000 steps at 40.0 ns per step)")
                .contains("Recommendation: for 5,000 tasks of 20.0 ms (500,000 steps): ");
    }

    @Test
    void stepsStayTheDefaultTerms() {
        String text = print(report(1), 10_000, Double.NaN, 324);

        assertThat(text).contains("Predicted for 324 tasks of 10,000 steps (--iterations 10000)")
                .contains("Recommendation: for 324 tasks of 10,000 steps: ");
    }

    @Test
    void sequentialAppearsOnlyAtOneWorkerWhereItsRowMeansSomething() {
        String text = print(report(1), 10_000, Double.NaN, 324);

        assertThat(text).containsPattern("sequential +1 ").doesNotContainPattern("sequential +2 ");
    }

    @Test
    void aFigureWhoseErrorIsOverTheStatedShareIsFlaggedWithWhatToDo() {
        String quiet = print(report(1), 10_000, Double.NaN, 324);
        String noisy = print(report(30), 10_000, Double.NaN, 324);

        assertThat(quiet).doesNotContain(" !").doesNotContain("--full");
        assertThat(noisy).contains("40.0 ± 30.0 ns !").contains("JMH's error is over 20% of this figure")
                .contains("Rerun with --full");
    }

    @Test
    void aPerTaskOverheadFittedBelowZeroIsShownAsNoiseNotAsANegativeTimeOrACrossover() {
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        m.put(new OverheadAnalysis.Key("sequential", 1, 16, 0), new Score(16 * 300, 16 * 300, 100));
        m.put(new OverheadAnalysis.Key("sequential", 1, 4096, 0), new Score(4096 * 300, 4096 * 300, 1000));
        // pool's larger batch measured faster than its smaller one on a crowded machine: c < 0 within its error.
        m.put(new OverheadAnalysis.Key("pool", 2, 4, 0), new Score(2e9, 2e9, 5e8));
        m.put(new OverheadAnalysis.Key("pool", 2, 16, 0), new Score(1.9e9, 1.9e9, 5e8));
        BenchReport r = new BenchReport(new OverheadAnalysis(40, null, m),
                Map.of("L64X128MixRandom none", new Score(40, 40, 1)), Map.of(), Map.of(), List.of());

        String text = print(r, 10_000, Double.NaN, 324);

        assertThat(text).containsPattern("pool +2  ~0 \\(± ").doesNotContain("0 steps (0 ns)")
                .containsPattern("pool +2  - +- +- \\(c lost in noise");
    }
}
