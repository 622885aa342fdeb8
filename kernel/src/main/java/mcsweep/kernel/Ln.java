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
    static final int SIZE = 1 << TABLE_BITS;
    // Package-private for VectorThresholds, which must compute the same bits from the same tables.
    static final double[] INVERSE = new double[SIZE];   // 1/c_j, rounded
    static final double[] LOG_CENTRE = new double[SIZE]; // -ln(INVERSE[j]), for the rounded inverse
    // ln 2 rounded to a double (0x1.62e42fefa39efp-1).
    static final double LN2 = 0.6931471805599453;
    static final long FRACTION = 0x000F_FFFF_FFFF_FFFFL;
    static final long ONE = 0x3FF0_0000_0000_0000L;
    // The biased exponent k (0..4095 with the sign bit) placed in a double's fraction: 2^52 + k, exactly.
    static final long EXPONENT_BIAS_BITS = 0x4330_0000_0000_0000L;
    // 2^52 + 1023: subtracted from 2^52 + k it leaves k - 1023 exactly, the same value as (double) (k - 1023).
    static final double EXPONENT_OFFSET = 0x1.00000000003ffp52;

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
        long bits = Double.doubleToRawLongBits(v);
        // The exponent as a double by bit arithmetic, not an int-to-double conversion (slower, and on x86 a
        // false dependency); the value, hence every bit below, is the same as (double) ((bits >>> 52) - 1023).
        double e = Double.longBitsToDouble(EXPONENT_BIAS_BITS | (bits >>> 52)) - EXPONENT_OFFSET;
        int j = (int) (bits >>> (52 - TABLE_BITS)) & (SIZE - 1);
        double m = Double.longBitsToDouble((bits & FRACTION) | ONE);
        double r = m * INVERSE[j] - 1;
        double p = r * (1 + r * (-0.5 + r * (1.0 / 3 + r * (-0.25 + r * 0.2))));
        double ln = e * LN2 + LOG_CENTRE[j] + p;
        // One draw in 2^53; a select at the end keeps the rare case out of the computation's way.
        return v == 0.0 ? Double.NEGATIVE_INFINITY : ln;
    }
}
