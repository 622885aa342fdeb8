package mcsweep.kernel;

/**
 * A kernel parameter and the open or closed interval of values it accepts. Every value must be finite.
 *
 * @param name        what users type, e.g. {@code beta}
 * @param description one line for help output
 * @param min         lower bound, or {@code -Infinity} for none
 * @param minInclusive whether {@code min} itself is allowed
 * @param max         upper bound, or {@code +Infinity} for none
 */
public record Parameter(String name, String description, double min, boolean minInclusive, double max) {

    /** A parameter that takes any finite value. */
    public static Parameter finite(String name, String description) {
        return new Parameter(name, description, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY);
    }

    /** A parameter that must be strictly positive (and finite). */
    public static Parameter positive(String name, String description) {
        return new Parameter(name, description, 0.0, false, Double.POSITIVE_INFINITY);
    }

    /** Whether {@code value} is finite and inside the allowed range. */
    public boolean accepts(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        boolean aboveMin = minInclusive ? value >= min : value > min;
        return aboveMin && value <= max;
    }

    /** The allowed range in words, e.g. {@code "a finite number > 0"}. */
    public String range() {
        StringBuilder s = new StringBuilder("a finite number");
        if (min != Double.NEGATIVE_INFINITY) {
            s.append(minInclusive ? " >= " : " > ").append(Numbers.format(min));
        }
        if (max != Double.POSITIVE_INFINITY) {
            s.append(min != Double.NEGATIVE_INFINITY ? " and <= " : " <= ").append(Numbers.format(max));
        }
        return s.toString();
    }

    /**
     * What is wrong with {@code value}, as the second half of a one-line error message, e.g.
     * {@code "0.0 is out of range; beta must be a finite number > 0.0"}; {@code null} if it is allowed. The
     * one place that validates parameter values; numbers are spelled by {@link Numbers#format}.
     */
    public String problem(double value) {
        return accepts(value) ? null : Numbers.format(value) + " is out of range; " + name + " must be " + range();
    }

    /**
     * Checks one value.
     *
     * @throws IllegalArgumentException naming the parameter, the value and the allowed range, e.g.
     *                                  {@code "beta: 0.0 is out of range; beta must be a finite number > 0.0"}
     */
    public void check(double value) {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(name + ": " + problem);
        }
    }
}
