package mcsweep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regression gate's arithmetic, on numbers alone (so it is tested on synthetic ones): compares each
 * figure's value now (a multiple of its reference loop) with the baseline's, and derives tolerances from the
 * spread of repeated runs.
 *
 * <p>A figure is a <b>regression</b> when {@code now / baseline > 1 + tolerance}, an <b>improvement</b>
 * when {@code now / baseline < 1 / (1 + tolerance)} (symmetric on a log scale), otherwise <b>ok</b>.
 * The gate re-measures regressions once and fails only on those that stay out of tolerance; improvements
 * are reported so the baseline can be raised, never failed.
 */
final class GateCheck {

    /**
     * The smallest tolerance given to any figure. One sitting's runs cannot show how far the next sitting
     * (or another CPU model: the machine class changes between sessions) lands: a quiet recording of
     * 2026-11-26 spread kernel.csv by 15% and kernel.npy by 45%, while `.ci/run` from a fresh clone, quiet
     * too, measured them at 1.37x and 1.54x of the quiet baseline recorded an hour before. The figures that
     * matter regress by 4x or more under the gate's slowdown proof, so a 50% floor costs no sharpness there.
     */
    static final double MIN_TOLERANCE = 0.50;

    /**
     * Tolerance = this many times the largest distance of one recorded run from the median (rounded up to
     * 5%). The largest, not a typical one: a baseline recorded from 5 runs has seen about as far as one run
     * strays on that machine, and the margin above it plus the gate's single re-measurement (both
     * measurements must be out) make a false alarm need two runs in a row wilder than any of the five.
     */
    static final double SPREAD_FACTOR = 1.5;

    /** The tolerance of a figure recorded from one run, when no spread was measured. */
    static final double SINGLE_RUN_TOLERANCE = 0.60;

    private GateCheck() {
    }

    enum Verdict {
        OK("ok"), REGRESSION("REGRESSION"), IMPROVEMENT("faster: raise the baseline"), NEW("new: not in the baseline"),
        MISSING("not measured"), NOISE("lost in noise (fit <= 0)");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /**
     * One line of the table.
     *
     * @param baseline   the baseline's value (multiple of the reference), NaN if new
     * @param now        the value measured now, NaN if missing
     * @param nanos      the figure now in nanoseconds, for people
     * @param errorShare JMH's error now as a share of the figure, NaN if unknown
     */
    record Row(String id, String description, double baseline, double now, double nanos, double errorShare,
               double tolerance, Verdict verdict, boolean remeasured) {

        double ratio() {
            return now / baseline;
        }
    }

    /** The verdict for one figure. */
    static Verdict verdict(double baseline, double now, double tolerance) {
        if (Double.isNaN(baseline)) {
            return Verdict.NEW;
        }
        if (Double.isNaN(now)) {
            return Verdict.MISSING;
        }
        double r = now / baseline;
        if (r > 1 + tolerance) {
            return Verdict.REGRESSION;
        }
        if (r < 1 / (1 + tolerance)) {
            return Verdict.IMPROVEMENT;
        }
        return Verdict.OK;
    }

    /** The median of some values (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The largest relative distance of a value from the median. */
    static double spread(List<Double> values) {
        double m = median(values);
        return values.stream().mapToDouble(v -> Math.abs(v / m - 1)).max().orElse(Double.NaN);
    }

    /** The typical relative distance of a value from the median: the median of those distances. */
    static double typicalSpread(List<Double> values) {
        double m = median(values);
        return median(values.stream().map(v -> Math.abs(v / m - 1)).toList());
    }

    /**
     * The tolerance for a figure whose runs gave {@code values}: {@link #SPREAD_FACTOR} times their largest
     * distance from the median ({@link #spread}), at least {@link #MIN_TOLERANCE}, rounded up to a multiple
     * of 5%; {@link #SINGLE_RUN_TOLERANCE} from fewer than three runs (no spread worth the name).
     */
    static double tolerance(List<Double> values) {
        if (values.size() < 3) {
            return SINGLE_RUN_TOLERANCE;
        }
        double t = Math.max(MIN_TOLERANCE, SPREAD_FACTOR * spread(values));
        return Math.ceil(t * 20 - 1e-9) / 20;
    }

    /**
     * A baseline figure recorded from several runs: the median of the values (figure / reference), the median
     * time, the largest distance of one run from the median, and the tolerance {@link #tolerance} derives.
     */
    static Baseline.Entry entry(String description, String reference, List<Measured> runs) {
        List<Double> values = runs.stream().map(Measured::value).toList();
        double nanos = median(runs.stream().map(Measured::nanos).toList());
        return new Baseline.Entry(description, reference, median(values), nanos,
                values.size() > 1 ? spread(values) : Double.NaN, tolerance(values), values);
    }

    /** Rows for every figure of the baseline and every figure measured now, baseline's order first. */
    static List<Row> compare(Baseline baseline, Map<String, Measured> now) {
        return compare(baseline, now, id -> true);
    }

    /**
     * Rows for the baseline's figures that were {@code selected} ({@code --only}) and every figure measured
     * now; a selected figure not measured is {@link Verdict#MISSING}, one not selected has no row.
     */
    static List<Row> compare(Baseline baseline, Map<String, Measured> now, java.util.function.Predicate<String> selected) {
        List<Row> rows = new ArrayList<>();
        baseline.figures().forEach((id, b) -> {
            if (!selected.test(id)) {
                return;
            }
            Measured m = now.get(id);
            double v = m == null ? Double.NaN : m.value();
            Verdict verdict = m != null && !(m.value() > 0) ? Verdict.NOISE : verdict(b.value(), v, b.tolerance());
            rows.add(new Row(id, b.description(), b.value(), v, m == null ? Double.NaN : m.nanos(),
                    m == null ? Double.NaN : m.errorShare(), b.tolerance(), verdict, false));
        });
        now.forEach((id, m) -> {
            if (!baseline.figures().containsKey(id)) {
                rows.add(new Row(id, m.description(), Double.NaN, m.value(), m.nanos(), m.errorShare(), Double.NaN,
                        Verdict.NEW, false));
            }
        });
        return rows;
    }

    /** Ids of the rows whose figure matches {@code expected} as a whole. */
    static List<String> matching(List<Row> rows, java.util.regex.Pattern expected) {
        return rows.stream().map(Row::id).filter(id -> expected.matcher(id).matches()).toList();
    }

    /** Ids of the rows that regressed. */
    static List<String> regressed(List<Row> rows) {
        return rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).map(Row::id).toList();
    }

    /**
     * The deliberate-slowdown proof: whether the figures that regressed are exactly those matching
     * {@code expected} (at least one), and every figure was measured.
     */
    static boolean exactly(List<Row> rows, java.util.regex.Pattern expected) {
        List<String> e = matching(rows, expected);
        return !e.isEmpty() && e.equals(regressed(rows)) && rows.stream().noneMatch(r -> r.verdict() == Verdict.MISSING);
    }

    /**
     * A figure as measured in one run.
     *
     * @param value      figure / reference loop
     * @param nanos      the figure in ns
     * @param errorShare JMH's error over the figure (the reference's error not included)
     */
    record Measured(String description, String reference, double value, double nanos, double errorShare) {
    }

    /** {@code 1.23x}, for values and ratios in the table. */
    static String times(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : Format.sig(v);
    }
}
