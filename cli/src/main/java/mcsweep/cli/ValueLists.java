package mcsweep.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import mcsweep.kernel.Numbers;

/**
 * Parses a parameter's list of values: numbers separated by commas, each either a single value
 * ({@code 0.5}) or an inclusive range {@code start:stop:step} ({@code 0.1:0.5:0.1} is 0.1, 0.2, 0.3, 0.4,
 * 0.5). Ranges are computed in decimal, so their values are the doubles nearest to what is written.
 *
 * <p>One grammar for single values and range bounds, the one Python's {@code float()} reads for finite
 * numbers: decimal, with an optional exponent ({@code -2}, {@code .5}, {@code 1e-05}). Hex floats and Java's
 * {@code d}/{@code f} suffixes are refused. {@code -0} is read as {@code 0}: the same task, file name and
 * seed. {@code NaN} and {@code Infinity} are read (so the parameter's range check names them) but never
 * start or end a range.
 */
final class ValueLists {

    /** Bound on one range's length, to turn a typo like {@code 0:1e9:1} into an error, not a hang. */
    static final int MAX_RANGE = 10_000_000;

    /**
     * Longest number accepted, in characters. Bounds the cost of decimal arithmetic on ranges: the exponent
     * of a number that is neither 0 nor beyond a double's range is then at most a few hundred.
     */
    static final int MAX_LITERAL = 100;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(NaN|Infinity)");

    private ValueLists() {
    }

    static List<Double> parse(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new UserError(option + ": empty list; give one or more values, e.g. " + option + " 0.5,1,2");
        }
        List<Double> values = new ArrayList<>();
        for (String token : text.split(",", -1)) {
            String t = token.trim();
            if (t.isEmpty()) {
                throw new UserError(option + ": empty value in '" + text + "'");
            }
            if (t.indexOf(':') >= 0) {
                range(option, t, values);
            } else {
                values.add(single(option, t));
            }
        }
        return values;
    }

    /**
     * One number ({@code NaN} and {@code Infinity} included, for the parameter's range check to name);
     * {@code -0} gives {@code 0.0}.
     */
    static double single(String option, String text) {
        String t = text.trim();
        if (NON_FINITE.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        return finite(option, t).doubleValue;
    }

    private static void range(String option, String t, List<Double> into) {
        String[] p = t.split(":", -1);
        if (p.length != 3) {
            throw new UserError(option + ": '" + t + "' is not a range; write start:stop:step, e.g. 0.1:1:0.1");
        }
        BigDecimal start = finite(option, p[0].trim()).decimal();
        BigDecimal stop = finite(option, p[1].trim()).decimal();
        if (stop.compareTo(start) < 0) {
            throw new UserError(option + ": range '" + t + "' is empty (stop < start)");
        }
        BigDecimal span = stop.subtract(start);
        String stepText = p[2].trim();
        // A step too small for a double (1e-999999999) is a step too small, not a bad number. Checked before
        // any decimal arithmetic: such an exponent would make BigDecimal build numbers of a billion digits.
        boolean underflows = DECIMAL.matcher(stepText).matches() && stepText.length() <= MAX_LITERAL
                && Double.parseDouble(stepText) == 0.0 && mantissaIsNonzero(stepText);
        if (underflows ? stepText.startsWith("-") : finite(option, stepText).decimal().signum() <= 0) {
            throw new UserError(option + ": step of range '" + t + "' must be > 0");
        }
        if (underflows && span.signum() == 0) {
            into.add(start.doubleValue() == 0.0 ? 0.0 : start.doubleValue());
            return;
        }
        BigDecimal step = underflows ? null : new BigDecimal(stepText);
        // Cheap: every operand has a bounded exponent (see MAX_LITERAL), so no huge intermediate.
        if (underflows || span.divideToIntegralValue(step).compareTo(BigDecimal.valueOf(MAX_RANGE)) >= 0) {
            double minStep = span.divide(BigDecimal.valueOf(MAX_RANGE - 1), new MathContext(3, RoundingMode.UP))
                    .doubleValue();
            throw new UserError(option + ": range '" + t + "' has more than " + MAX_RANGE
                    + " values; its step must be >= " + Numbers.format(minStep));
        }
        for (BigDecimal v = start; v.compareTo(stop) <= 0; v = v.add(step)) {
            double d = v.doubleValue();
            into.add(d == 0.0 ? 0.0 : d);
        }
    }

    private record Parsed(String text, double doubleValue) {
        /** Exact; zero as plain 0, since {@code 0e-999999999} would carry a scale of a billion digits. */
        BigDecimal decimal() {
            return doubleValue == 0.0 ? BigDecimal.ZERO : new BigDecimal(text);
        }
    }

    /** A decimal number whose double is finite and, unless it is written as 0, not 0. */
    private static Parsed finite(String option, String t) {
        if (t.length() > MAX_LITERAL) {
            throw new UserError(option + ": '" + t.substring(0, 20) + "...' is too long for a number (at most "
                    + MAX_LITERAL + " characters)");
        }
        if (NON_FINITE.matcher(t).matches()) {
            throw new UserError(option + ": a range's start, stop and step must be finite numbers, not " + t);
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new UserError(option + ": '" + t + "' is not a number; write decimal numbers such as 0.5, -2"
                    + " or 1e-05");
        }
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d)) {
            throw new UserError(option + ": " + t + " is out of range; numbers must be finite, at most "
                    + Numbers.format(Double.MAX_VALUE) + " in magnitude");
        }
        if (d == 0.0 && mantissaIsNonzero(t)) {
            throw new UserError(option + ": " + t + " is too close to 0 (it would be read as 0.0); numbers other"
                    + " than 0 must be at least " + Numbers.format(Double.MIN_VALUE) + " in magnitude");
        }
        return new Parsed(t, d == 0.0 ? 0.0 : d); // -0 is 0: one task, one file name, one seed
    }

    private static boolean mantissaIsNonzero(String t) {
        int e = Math.max(t.indexOf('e'), t.indexOf('E'));
        String mantissa = e < 0 ? t : t.substring(0, e);
        for (int i = 0; i < mantissa.length(); i++) { // a loop, not a stream: see SweepPlan.names
            if (mantissa.charAt(i) >= '1' && mantissa.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }
}
