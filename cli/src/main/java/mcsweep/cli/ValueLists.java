package mcsweep.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a parameter's list of values: numbers separated by commas, each either a single value
 * ({@code 0.5}) or an inclusive range {@code start:stop:step} ({@code 0.1:0.5:0.1} is 0.1, 0.2, 0.3, 0.4,
 * 0.5). Ranges are computed in decimal, so their values are the doubles nearest to what is written.
 */
final class ValueLists {

    /** Bound on one range's length, to turn a typo like {@code 0:1e9:1} into an error, not a hang. */
    static final int MAX_RANGE = 10_000_000;

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
                values.add(number(option, t));
            }
        }
        return values;
    }

    private static void range(String option, String t, List<Double> into) {
        String[] p = t.split(":", -1);
        if (p.length != 3) {
            throw new UserError(option + ": '" + t + "' is not a range; write start:stop:step, e.g. 0.1:1:0.1");
        }
        BigDecimal start = decimal(option, p[0]);
        BigDecimal stop = decimal(option, p[1]);
        BigDecimal step = decimal(option, p[2]);
        if (step.signum() <= 0) {
            throw new UserError(option + ": step of range '" + t + "' must be > 0");
        }
        if (stop.compareTo(start) < 0) {
            throw new UserError(option + ": range '" + t + "' is empty (stop < start)");
        }
        BigDecimal count = stop.subtract(start).divideToIntegralValue(step);
        if (count.compareTo(BigDecimal.valueOf(MAX_RANGE)) >= 0) {
            throw new UserError(option + ": range '" + t + "' has more than " + MAX_RANGE + " values");
        }
        for (BigDecimal v = start; v.compareTo(stop) <= 0; v = v.add(step)) {
            into.add(v.doubleValue());
        }
    }

    private static BigDecimal decimal(String option, String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new UserError(option + ": '" + s.trim() + "' is not a number");
        }
    }

    private static double number(String option, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UserError(option + ": '" + s + "' is not a number");
        }
    }
}
