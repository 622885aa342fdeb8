package mcsweep.bench;

/**
 * One JMH result in nanoseconds per operation.
 *
 * @param median median over measured iterations (all forks)
 * @param mean   JMH's score, the mean over measured iterations
 * @param error  JMH's score error (half-width of its 99.9% confidence interval), NaN if too few iterations
 */
record Score(double median, double mean, double error) {

    /** A score known only as one number, for tests and derived values. */
    static Score of(double ns) {
        return new Score(ns, ns, Double.NaN);
    }

    /** Whether a JMH score unit is a time per operation ({@code us/op}), not a throughput ({@code ops/us}). */
    static boolean isTime(String unit) {
        String u = unit.contains("/") ? unit.substring(0, unit.indexOf('/')) : unit;
        return switch (u) {
            case "ns", "us", "ms", "s", "min" -> true;
            default -> false;
        };
    }

    /** Nanoseconds per unit of a JMH score unit such as {@code us/op}. */
    static double nanosPer(String unit) {
        String u = unit.contains("/") ? unit.substring(0, unit.indexOf('/')) : unit;
        return switch (u) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new IllegalArgumentException("not a time unit: " + unit);
        };
    }
}
