package mcsweep.bench;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import mcsweep.kernel.io.AtomicFile;

/**
 * overhead.png: two log-log panels. Left: measured wall time per task against task length, per executor
 * with one worker, beside the kernel alone (steps x ns/step): the gap is the overhead. Right: the
 * overhead share {@code T(0)/T(s)} against task length per executor at its largest worker count, from
 * {@link OverheadAnalysis}'s model, with the 5% and 1% lines whose crossings are the crossover lengths.
 */
final class OverheadChart {

    private OverheadChart() {
    }

    static void write(OverheadAnalysis a, Path file) throws Exception {
        List<XYChart> charts = List.of(measured(a), share(a));
        AtomicFile.write(file, true, out -> BitmapEncoder.saveBitmap(charts, 1, 2, out, BitmapEncoder.BitmapFormat.PNG));
    }

    private static XYChart measured(OverheadAnalysis a) {
        XYChart c = base("Time per task, 1 worker (measured)", "steps per task (0 steps drawn at 1)",
                "time per task (ms)");
        double maxSteps = 100;
        for (String e : a.executors()) {
            NavigableMap<Long, Double> curve = a.curve(e, 1);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Map.Entry<Long, Double> p : curve.entrySet()) {
                if (p.getValue() > 0) { // log axes: zero-step tasks go at 1 step
                    xs.add((double) Math.max(1, p.getKey()));
                    ys.add(p.getValue() / 1e6);
                    maxSteps = Math.max(maxSteps, p.getKey());
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = c.addSeries(e, xs, ys);
                s.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (a.nanosPerStep() > 0) {
            XYSeries k = c.addSeries("kernel alone", List.of(1.0, maxSteps),
                    List.of(a.nanosPerStep() / 1e6, maxSteps * a.nanosPerStep() / 1e6));
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
        XYChart c = base("Overhead share of each task (model, most workers)", "steps per task",
                "overhead share of task time (%)");
        List<Double> xs = new ArrayList<>();
        for (double s = 10; s <= 1e9; s *= Math.sqrt(10)) {
            xs.add(s);
        }
        for (String e : a.executors()) {
            List<Integer> ws = a.workers(e);
            int w = ws.get(ws.size() - 1);
            Double zero = a.curve(e, w).get(0L);
            if (zero == null || zero <= 0) {
                continue;
            }
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (double s : xs) {
                double t = a.taskNanos(e, w, (long) s);
                double share = 100 * Math.min(1, zero / t);
                if (t > 0 && share > 1e-3) {
                    px.add(s);
                    py.add(share);
                }
            }
            if (!px.isEmpty()) {
                XYSeries s = c.addSeries(e + " (" + w + (w == 1 ? " worker)" : " workers)"), px, py);
                s.setMarker(SeriesMarkers.NONE);
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
