package mcsweep.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class OverheadChartTest {

    private static final String[] EXECUTORS = {"sequential", "forkjoin", "threads", "process"};
    private static final double[] FIXED = {0, 1e6, 1e6, 0};
    private static final double[] PER_TASK = {200, 4e3, 4e3, 60e6};

    private static OverheadAnalysis analysis;

    @BeforeAll
    static void syntheticNumbers() {
        System.setProperty("java.awt.headless", "true");
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        for (int i = 0; i < EXECUTORS.length; i++) {
            for (int w : new int[] {1, 2}) {
                for (int b : new int[] {16, 4096}) {
                    m.put(new OverheadAnalysis.Key(EXECUTORS[i], w, b, 0), Score.of(FIXED[i] + b * PER_TASK[i] / w));
                }
                m.put(new OverheadAnalysis.Key(EXECUTORS[i], w, 256, 10_000),
                        Score.of(FIXED[i] + 256 * (PER_TASK[i] + 10_000 * 30.0) / w));
            }
        }
        analysis = new OverheadAnalysis(30, Score.of(70e6), m);
    }

    private static List<String> names(XYChart c) {
        return List.copyOf(c.getSeriesMap().keySet());
    }

    @Test
    void theSweepPanelPlotsTheModelsPredictionForEachExecutorAtItsLargestWorkerCount() {
        XYChart sweep = OverheadChart.charts(analysis, 324).get(0);

        assertThat(names(sweep)).containsExactly("sequential, 1 worker", "forkjoin, 2 workers", "process, 2 workers",
                "threads, 2 workers", "the steps alone, 1 core");
        XYSeries fj = sweep.getSeriesMap().get("forkjoin, 2 workers");
        double[] xs = fj.getXData();
        double[] ys = fj.getYData();
        for (int i = 0; i < xs.length; i++) {
            double steps = Math.pow(10, xs[i]); // the series hold logarithms (see OverheadChart)
            assertThat(Math.pow(10, ys[i])).isCloseTo(analysis.sweepNanos("forkjoin", 2, 324, Math.round(steps)) / 1e9,
                    withinPercentage(1e-3)); // the chart truncated the step count where this rounds
        }
        assertThat(xs[0]).isEqualTo(1.0);
        assertThat(xs[xs.length - 1]).isCloseTo(9.0, within(1e-9));
    }

    @Test
    void sequentialAtTwoWorkersIsNotDrawnSinceItStillUsesOne() {
        for (XYChart c : OverheadChart.charts(analysis, 324)) {
            assertThat(names(c)).noneMatch(n -> n.startsWith("sequential, 2"));
        }
    }

    @Test
    void theSharePanelHasTheOverheadShareAndTwoDistinctReferenceLines() {
        XYChart share = OverheadChart.charts(analysis, 324).get(1);

        assertThat(names(share)).contains("5% overhead", "1% overhead");
        assertThat(share.getSeriesMap().get("5% overhead").getYData()).containsOnly(Math.log10(5));
        assertThat(share.getSeriesMap().get("1% overhead").getYData()).containsOnly(0.0);
        assertThat(share.getSeriesMap().get("5% overhead").getLineStyle().getDashArray())
                .isNotEqualTo(share.getSeriesMap().get("1% overhead").getLineStyle().getDashArray());
        XYSeries process = share.getSeriesMap().get("process, 2 workers");
        double c = analysis.fit("process", 2).perTask().median();
        assertThat(Math.pow(10, process.getYData()[0])).isCloseTo(100 * c / analysis.taskNanos("process", 2, 10),
                within(1e-9));
    }

    @Test
    void everyExecutorHasItsOwnColourAndDashPatternSoCoincidingCurvesStayVisible() {
        XYChart sweep = OverheadChart.charts(analysis, 324).get(0);
        List<XYSeries> executors = sweep.getSeriesMap().values().stream()
                .filter(s -> !s.getName().startsWith("the steps")).toList();

        assertThat(executors.stream().map(XYSeries::getLineColor).distinct()).hasSize(executors.size());
        assertThat(executors.stream().map(s -> dash(s.getLineStyle())).distinct()).hasSize(executors.size());
    }

    private static String dash(BasicStroke s) {
        return Arrays.toString(s.getDashArray());
    }

    @Test
    void titlesAndAxesSpeakPlainLanguageAndTickLabelsArePlainNumbers() {
        List<XYChart> charts = OverheadChart.charts(analysis, 324);

        assertThat(charts.get(0).getTitle()).isEqualTo("How long a sweep of 324 tasks takes (predicted)");
        assertThat(charts.get(1).getTitle()).isEqualTo("Share of each task lost to overhead");
        assertThat(charts.get(0).getXAxisTitle()).isEqualTo("steps per task (1k steps = 30.0 us of kernel time)");
        assertThat(charts.get(0).getYAxisTitle()).isEqualTo("time for the whole sweep");
        for (XYChart c : charts) {
            // Ticks at whole decades get plain labels; anything between gets none.
            assertThat(c.getStyler().getxAxisTickLabelsFormattingFunction().apply(3.0)).isEqualTo("1k");
            assertThat(c.getStyler().getxAxisTickLabelsFormattingFunction().apply(3.5)).isEmpty();
        }
        assertThat(charts.get(0).getStyler().getyAxisTickLabelsFormattingFunction().apply(-3.0)).isEqualTo("1 ms");
        assertThat(charts.get(1).getStyler().getyAxisTickLabelsFormattingFunction().apply(1.0)).isEqualTo("10%");
        assertThat(OverheadChart.count(10)).isEqualTo("10");
        assertThat(OverheadChart.count(100)).isEqualTo("100");
        assertThat(OverheadChart.count(1e4)).isEqualTo("10k");
        assertThat(OverheadChart.count(1e6)).isEqualTo("1M");
        assertThat(OverheadChart.seconds(0.001)).isEqualTo("1 ms");
        assertThat(OverheadChart.seconds(100)).isEqualTo("100 s");
        assertThat(OverheadChart.seconds(1e6)).isEqualTo("1,000,000 s"); // not 999999.9999999999 s
        assertThat(OverheadChart.count(1e9)).isEqualTo("1G");
        assertThat(OverheadChart.percent(0.01)).isEqualTo("0.01%");
    }

    @Test
    void writesBothPanelsSideBySideIntoOnePng() throws Exception {
        // Kept in target/ so that a person can look at it after the build.
        Path file = Path.of("target", "overhead-sample.png");
        Files.createDirectories(file.getParent());

        OverheadChart.write(analysis, 324, file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(640);
    }
}
