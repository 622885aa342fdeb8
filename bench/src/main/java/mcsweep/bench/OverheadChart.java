package mcsweep.bench;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import mcsweep.kernel.io.AtomicFile;

/**
 * overhead.png: two log-log panels from {@link OverheadAnalysis}'s model, each executor at its largest
 * worker count. Left: predicted wall time of the user's sweep ({@code --tasks M}) against task length,
 * {@code F + M (c + s k)} plus any cold-kernel warm-up, beside the kernel alone on one core
 * ({@code M s t}): where a curve flattens on the left, the sweep is all overhead. Right: the per-task overhead share {@code c / (c + s k)}, with the
 * 5% and 1% lines whose crossings are the crossover lengths; {@code F}, paid once per sweep, is not in it.
 */
final class OverheadChart {

    /** One distinct colour per executor, the same in both panels (XChart's default palette repeats hues). */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private OverheadChart() {
    }

    private static Color colour(OverheadAnalysis a, String executor) {
        return PALETTE[a.executors().indexOf(executor) % PALETTE.length];
    }

    static void write(OverheadAnalysis a, int tasks, Path file) throws Exception {
        List<XYChart> charts = List.of(sweep(a, tasks), share(a));
        AtomicFile.write(file, true, out -> BitmapEncoder.saveBitmap(charts, 1, 2, out, BitmapEncoder.BitmapFormat.PNG));
    }

    private static List<Double> lengths() {
        List<Double> xs = new ArrayList<>();
        for (double s = 10; s <= 1e9 * 1.01; s *= Math.sqrt(10)) {
            xs.add(s);
        }
        return xs;
    }

    /** Short, so that the horizontal legend of six executors fits under an 800-pixel panel. */
    private static String label(String executor, int workers) {
        return executor + " x" + workers;
    }

    private static XYChart sweep(OverheadAnalysis a, int tasks) {
        XYChart c = base(String.format(Locale.ROOT, "Predicted sweep, %,d tasks: F + M (c + s k) + warm-up (x W workers)", tasks),
                "steps per task", "sweep wall time (s)");
        for (String e : a.executors()) {
            List<Integer> ws = a.workers(e);
            int w = ws.get(ws.size() - 1);
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (double s : lengths()) {
                double t = a.sweepNanos(e, w, tasks, (long) s);
                if (t > 0) {
                    px.add(s);
                    py.add(t / 1e9);
                }
            }
            if (!px.isEmpty()) {
                XYSeries series = c.addSeries(label(e, w), px, py);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineColor(colour(a, e));
            }
        }
        if (a.nanosPerStep() > 0) {
            XYSeries k = c.addSeries("kernel, 1 core", List.of(10.0, 1e9),
                    List.of(tasks * 10 * a.nanosPerStep() / 1e9, tasks * 1e9 * a.nanosPerStep() / 1e9));
            k.setLineStyle(SeriesLines.DASH_DASH);
            k.setLineColor(Color.GRAY);
            k.setMarker(SeriesMarkers.NONE);
        }
        if (c.getSeriesMap().isEmpty()) {
            c.addSeries("no data", List.of(1.0, 10.0), List.of(1.0, 1.0));
        }
        return c;
    }

    private static XYChart share(OverheadAnalysis a) {
        XYChart c = base("Overhead share of a task, c / (c + s k) (x W workers)", "steps per task",
                "overhead share of task time (%)");
        for (String e : a.executors()) {
            List<Integer> ws = a.workers(e);
            int w = ws.get(ws.size() - 1);
            OverheadAnalysis.Fit fit = a.fit(e, w);
            if (fit == null || !(fit.perTask().median() > 0)) {
                continue;
            }
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (double s : lengths()) {
                double t = a.taskNanos(e, w, (long) s);
                double share = 100 * fit.perTask().median() / t;
                if (t > 0 && share > 1e-3) {
                    px.add(s);
                    py.add(share);
                }
            }
            if (!px.isEmpty()) {
                XYSeries series = c.addSeries(label(e, w), px, py);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineColor(colour(a, e));
            }
        }
        for (double p : new double[] {5, 1}) {
            XYSeries s = c.addSeries((int) p + "%", List.of(10.0, 1e9), List.of(p, p));
            s.setLineStyle(SeriesLines.DOT_DOT);
            s.setLineColor(Color.DARK_GRAY);
            s.setMarker(SeriesMarkers.NONE);
        }
        return c;
    }

    private static XYChart base(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(800).height(640).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // never over a curve
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        return c;
    }
}
