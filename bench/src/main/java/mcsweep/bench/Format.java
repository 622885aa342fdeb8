package mcsweep.bench;

import java.util.Locale;

/** Human-readable numbers for the report. */
final class Format {

    private Format() {
    }

    /** {@code 812 ns}, {@code 3.4 us}, {@code 68.2 ms}, {@code 1.25 s}: three significant digits. */
    static String duration(double nanos) {
        if (Double.isNaN(nanos)) {
            return "n/a";
        }
        double a = Math.abs(nanos);
        if (a < 1e3) {
            return sig(nanos) + " ns";
        }
        if (a < 1e6) {
            return sig(nanos / 1e3) + " us";
        }
        if (a < 1e9) {
            return sig(nanos / 1e6) + " ms";
        }
        return sig(nanos / 1e9) + " s";
    }

    /** A duration with JMH's error in the same unit, e.g. {@code 68.2 ± 3.1 ms}. */
    static String withError(Score s) {
        String d = duration(s.median());
        if (Double.isNaN(s.error())) {
            return d;
        }
        String unit = d.substring(d.indexOf(' ') + 1);
        double scale = switch (unit) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 1;
        };
        return d.substring(0, d.indexOf(' ')) + " ± " + sig(s.error() / scale) + " " + unit;
    }

    /** A ratio: {@code 1.00x}, {@code 230x}, {@code 333,000x}, or {@code 1/18,000} when small. */
    static String ratio(double r) {
        if (Double.isNaN(r)) {
            return "n/a";
        }
        if (r >= 1000) {
            return String.format(Locale.ROOT, "%,.0fx", roundSig(r, 3));
        }
        if (r >= 0.1) {
            return sig(r) + "x";
        }
        if (r <= 0) {
            return "0";
        }
        return "1/" + String.format(Locale.ROOT, "%,.0f", roundSig(1 / r, 2));
    }

    static String percent(double share) {
        double p = share * 100;
        if (p >= 99 && p < 100) {
            return String.format(Locale.ROOT, "%.1f%%", Math.floor(p * 10) / 10); // never round up to 100%
        }
        return (p >= 10 || p == 0 ? String.format(Locale.ROOT, "%.0f", p) : sig(p)) + "%";
    }

    /** Steps, rounded to two significant digits: {@code 1,200} or {@code 3.4 M}. */
    static String steps(double s) {
        if (Double.isNaN(s)) {
            return "n/a";
        }
        double r = roundSig(s, 2);
        return r >= 1e7 ? sig(r / 1e6) + " M" : String.format(Locale.ROOT, "%,.0f", r);
    }

    static String sig(double v) {
        double a = Math.abs(v);
        if (a >= 100 || a == 0) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static double roundSig(double v, int digits) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.pow(10, digits - 1 - (int) Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }
}
