package mcsweep.bench;

import java.awt.BasicStroke;
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
import org.knowm.xchart.style.markers.SeriesMarkers;

import mcsweep.kernel.io.AtomicFile;

/**
 * overhead.png: two log-log panels from {@link OverheadAnalysis}'s model, each executor at its largest
 * worker count. Left: how long the user's sweep ({@code --tasks M}) would take against the length of its
 * tasks, {@code F + M (c + s k)} plus any cold-kernel warm-up, beside the kernel alone on one core
 * ({@code M s t}): where a curve flattens on the left, the sweep is all overhead. Right: the share of each
 * task lost to overhead, {@code c / (c + s k)}, with the 5% and 1% lines whose crossings are the crossover
 * lengths; {@code F}, paid once per sweep, is not in it.
 *
 * <p>Drawn for reading: plain tick labels (10, 1k, 1M), grid lines at decades only, and a colour and a
 * dash pattern of its own for each executor, since several in-JVM executors often lie on one line. The
 * series hold base-10 logarithms on linear axes whose tick labels undo them: XChart's own log axes label
 * ticks {@code 1E4} and ignore a custom label function.
 */
final class OverheadChart {

    /** One distinct colour per executor, the same in both panels (XChart's default palette repeats hues). */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    /** Dash patterns, one per executor: where curves coincide, the pattern still tells them apart. */
    private static final float[][] DASHES = {null, {12f, 6f}, {3f, 4f}, {12f, 4f, 3f, 4f}, {20f, 6f},
        {6f, 3f, 2f, 3f, 2f, 3f}, {2f, 2f}, {8f, 8f}};

    private OverheadChart() {
    }

    static void write(OverheadAnalysis a, int tasks, Path file) throws Exception {
        List<XYChart> charts = charts(a, tasks);
        AtomicFile.write(file, true, out -> BitmapEncoder.saveBitmap(charts, 1, 2, out, BitmapEncoder.BitmapFormat.PNG));
    }

    /** The two panels: the sweep's predicted time, and the overhead share of a task. */
    static List<XYChart> charts(OverheadAnalysis a, int tasks) {
        return List.of(sweep(a, tasks), share(a));
    }

    /** {@code 10}, {@code 100}, {@code 1k}, {@code 10k}, {@code 1M}, {@code 1G}: a count on a log axis. */
    static String count(double v) {
        String[] units = {"", "k", "M", "G", "T"};
        int u = 0;
        double x = v;
        while (Math.abs(x) >= 1000 && u < units.length - 1) {
            x /= 1000;
            u++;
        }
        return plain(x) + units[u];
    }

    /** {@code 10 us}, {@code 1 ms}, {@code 1 s}, {@code 100 s}: seconds on a log axis. */
    static String seconds(double s) {
        if (s >= 1) {
            return plain(s) + " s";
        }
        if (s >= 1e-3) {
            return plain(s * 1e3) + " ms";
        }
        if (s >= 1e-6) {
            return plain(s * 1e6) + " us";
        }
        return plain(s * 1e9) + " ns";
    }

    /** {@code 0.01%}, {@code 1%}, {@code 100%}. */
    static String percent(double p) {
        return plain(p) + "%";
    }

    private static String plain(double v) {
        // Decimal rounding: binary rounding turns 10^6 into 999999.9999999999.
        java.math.BigDecimal r = new java.math.BigDecimal(v).round(new java.math.MathContext(2)).stripTrailingZeros();
        return r.scale() <= 0 ? String.format(Locale.ROOT, "%,d", r.toBigInteger()) : r.toPlainString();
    }

    /** The label of a tick at {@code log10} value {@code v}: the decade's number, or nothing between decades. */
    static String decade(double v, java.util.function.DoubleFunction<String> format) {
        double r = Math.rint(v);
        return Math.abs(v - r) < 1e-6 ? format.apply(Math.pow(10, r)) : "";
    }

    private static List<Double> lengths() {
        List<Double> xs = new ArrayList<>();
        for (double s = 10; s <= 1e9 * 1.01; s *= Math.sqrt(10)) {
            xs.add(s);
        }
        return xs;
    }

    /** Short, so that the legend of six executors fits under an 800-pixel panel. */
    static String label(String executor, int workers) {
        return executor + (workers == 1 ? ", 1 worker" : ", " + workers + " workers");
    }

    private static void style(XYSeries s, OverheadAnalysis a, String executor) {
        int i = Math.max(0, a.executors().indexOf(executor));
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(PALETTE[i % PALETTE.length]);
        float[] dash = DASHES[i % DASHES.length];
        float width = Math.max(1.5f, 4f - 0.5f * i); // earlier (drawn first) lines wider, so they show under later ones
        s.setLineStyle(dash == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    }

    private static XYChart sweep(OverheadAnalysis a, int tasks) {
        XYChart c = base(String.format(Locale.ROOT, "How long a sweep of %,d tasks takes (predicted)", tasks),
                "steps per task" + stepTime(a), "time for the whole sweep");
        c.getStyler().setyAxisTickLabelsFormattingFunction(v -> decade(v, OverheadChart::seconds));
        for (String e : a.executors()) {
            List<Integer> ws = a.workers(e);
            if (ws.isEmpty()) {
                continue;
            }
            int w = ws.get(ws.size() - 1);
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (double s : lengths()) {
                double t = a.sweepNanos(e, w, tasks, Math.round(s));
                if (t > 0) {
                    px.add(Math.log10(s));
                    py.add(Math.log10(t / 1e9));
                }
            }
            if (!px.isEmpty()) {
                style(c.addSeries(label(e, w), px, py), a, e);
            }
        }
        if (a.nanosPerStep() > 0) {
            XYSeries k = c.addSeries("the steps alone, 1 core", List.of(1.0, 9.0),
                    List.of(Math.log10(tasks * 10 * a.nanosPerStep() / 1e9), Math.log10(tasks * 1e9 * a.nanosPerStep() / 1e9)));
            k.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 3f}, 0f));
            k.setLineColor(Color.GRAY);
            k.setMarker(SeriesMarkers.NONE);
        }
        if (c.getSeriesMap().isEmpty()) {
            c.addSeries("no data", List.of(1.0, 9.0), List.of(0.0, 0.0));
        }
        return decades(c);
    }

    private static XYChart share(OverheadAnalysis a) {
        XYChart c = base("Share of each task lost to overhead", "steps per task" + stepTime(a),
                "overhead, % of the task's time");
        c.getStyler().setyAxisTickLabelsFormattingFunction(v -> decade(v, OverheadChart::percent));
        for (String e : a.executors()) {
            List<Integer> ws = a.workers(e);
            if (ws.isEmpty()) {
                continue;
            }
            int w = ws.get(ws.size() - 1);
            OverheadAnalysis.Fit fit = a.fit(e, w);
            if (fit == null || !(fit.perTask().median() > 0)) {
                continue;
            }
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (double s : lengths()) {
                double t = a.taskNanos(e, w, Math.round(s));
                double share = 100 * fit.perTask().median() / t;
                if (t > 0 && share > 1e-3) {
                    px.add(Math.log10(s));
                    py.add(Math.log10(share));
                }
            }
            if (!px.isEmpty()) {
                style(c.addSeries(label(e, w), px, py), a, e);
            }
        }
        float[][] dashes = {{10f, 5f}, {2f, 4f}};
        double[] shares = {5, 1};
        for (int i = 0; i < shares.length; i++) {
            double y = Math.log10(shares[i]);
            XYSeries s = c.addSeries((int) shares[i] + "% overhead", List.of(1.0, 9.0), List.of(y, y));
            s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes[i], 0f));
            s.setLineColor(i == 0 ? Color.DARK_GRAY : Color.GRAY);
            s.setMarker(SeriesMarkers.NONE);
        }
        return decades(c);
    }

    /** Axes from one whole decade to another, so that every tick falls on a decade and gets its label. */
    private static XYChart decades(XYChart c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : c.getSeriesMap().values()) {
            for (double y : s.getYData()) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        c.getStyler().setXAxisMin(1.0).setXAxisMax(9.0);
        c.getStyler().setYAxisMin(Math.floor(lo)).setYAxisMax(Math.max(Math.ceil(hi), Math.floor(lo) + 1));
        return c;
    }

    /** {@code " (1k steps = 35 us)"}: the x axis in time too, when the kernel's speed is known. */
    private static String stepTime(OverheadAnalysis a) {
        return a.nanosPerStep() > 0 ? " (1k steps = " + Format.duration(1000 * a.nanosPerStep()) + " of kernel time)" : "";
    }

    private static XYChart base(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(800).height(640).title(title).xAxisTitle(x).yAxisTitle(y).build();
        var st = c.getStyler();
        st.setxAxisTickLabelsFormattingFunction(v -> decade(v, OverheadChart::count));
        st.setXAxisTickMarkSpacingHint(50); // a tick per decade, not per half
        st.setYAxisTickMarkSpacingHint(40);
        st.setPlotGridLinesColor(new Color(0xe0e0e0));
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setPlotBorderVisible(false);
        st.setLegendPosition(Styler.LegendPosition.OutsideE); // never over a curve
        st.setLegendLayout(Styler.LegendLayout.Vertical);
        st.setLegendBorderColor(Color.WHITE);
        st.setLegendSeriesLineLength(36); // long enough to show each dash pattern
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        return c;
    }
}
