package mcsweep.kernel;

/**
 * The natural logarithm of a uniform variate, as stream scheme {@code v2} defines it: the same bits on every
 * JVM and CPU, and cheaper than {@link Math#log} in a kernel's bulk loop ({@code KernelBaselineBenchmark}).
 *
 * <p>Why not {@link Math#log}: the JDK lets it differ by an ulp between platforms and intrinsics, and a
 * scheme must give the same trace everywhere; {@link StrictMath#log} is exact to the bit but slower. This
 * one uses only {@code + - *}, bit operations and a table computed once with {@link StrictMath}, and Java
 * evaluates those exactly as written (no fused or reordered arithmetic), so its value is a pure function of
 * the argument. Its error is below 2e-15 relative to the true logarithm ({@code LnTest}), far below anything
 * a Monte Carlo acceptance test can see.
 *
 * <p>Method: {@code v = 2^e * m} with {@code m} in [1, 2); the top {@value #TABLE_BITS} bits of {@code m}'s
 * fraction pick a centre {@code c_j = 1 + (j + 1/2)/128}; then {@code ln v = e ln2 + ln c_j + ln(1 + r)} with
 * {@code r = m * (1/c_j) - 1}, {@code |r| < 1/256}, and {@code ln(1 + r)} by its Taylor series to
 * {@code r^5/5} (the next term is below 1e-15).
 */
public final class Ln {

    static final int TABLE_BITS = 7;
    private static final int SIZE = 1 << TABLE_BITS;
    private static final double[] INVERSE = new double[SIZE];   // 1/c_j, rounded
    private static final double[] LOG_CENTRE = new double[SIZE]; // -ln(INVERSE[j]), for the rounded inverse
    // ln 2 rounded to a double (0x1.62e42fefa39efp-1).
    private static final double LN2 = 0.6931471805599453;
    private static final long FRACTION = 0x000F_FFFF_FFFF_FFFFL;
    private static final long ONE = 0x3FF0_0000_0000_0000L;

    static {
        for (int j = 0; j < SIZE; j++) {
            double c = 1 + (j + 0.5) / SIZE;
            INVERSE[j] = 1 / c;
            // Of the inverse actually used, so that the table and r agree: m * INVERSE[j] = 1 + r exactly
            // up to the product's rounding.
            LOG_CENTRE[j] = -StrictMath.log(INVERSE[j]);
        }
    }

    private Ln() {
    }

    /**
     * {@code ln(v)} for a positive normal {@code v}; {@code -Infinity} for {@code 0}. What uniforms from
     * {@link java.util.random.RandomGenerator#nextDouble()} can be; other arguments (negative, subnormal,
     * infinite, NaN) give meaningless results.
     */
    public static double ofUniform(double v) {
        if (v == 0.0) { // one draw in 2^53
            return Double.NEGATIVE_INFINITY;
        }
        long bits = Double.doubleToRawLongBits(v);
        int e = (int) (bits >>> 52) - 1023;
        int j = (int) (bits >>> (52 - TABLE_BITS)) & (SIZE - 1);
        double m = Double.longBitsToDouble((bits & FRACTION) | ONE);
        double r = m * INVERSE[j] - 1;
        double p = r * (1 + r * (-0.5 + r * (1.0 / 3 + r * (-0.25 + r * 0.2))));
        return e * LN2 + LOG_CENTRE[j] + p;
    }
}
