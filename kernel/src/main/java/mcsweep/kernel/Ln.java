package mcsweep.kernel;

/**
 * The natural logarithm of a uniform variate, as the stream schemes define it: the same bits on every JVM and
 * CPU, and cheaper than {@link Math#log} in a kernel's bulk loop ({@code KernelBaselineBenchmark}).
 * {@link #ofUniform} is scheme {@code v2}'s, {@link #exponential32} scheme {@code v3}'s,
 * {@link #exponential32Single} scheme {@code v4}'s.
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

    // Scheme v3 (exponential32): fdlibm's e_log.c reduction and minimax coefficients (Sun Microsystems 1993;
    // "Permission to use, copy, modify, and distribute this software is freely granted, provided that this
    // notice is preserved."), on its main path only, so there is no table and no branch.
    static final long SQRT_HALF_BITS = 0x3FE6_A09E_667F_3BCDL; // sqrt(1/2), rounded
    static final long EXPONENT_MASK = 0xFFF0_0000_0000_0000L;
    static final double LN2_HI = 6.93147180369123816490e-01; // ln 2 in 32 bits: k * LN2_HI is exact
    static final double LN2_LO = 1.90821492927058770002e-10; // ln 2 - LN2_HI
    static final double LG1 = 6.666666666666735130e-01;
    static final double LG2 = 3.999999999940941908e-01;
    static final double LG3 = 2.857142874366239149e-01;
    static final double LG4 = 2.222219843214978396e-01;
    static final double LG5 = 1.818357216161805012e-01;
    static final double LG6 = 1.531383769920937332e-01;
    static final double LG7 = 1.479819860511658591e-01;

    // Scheme v4 (exponential32Single): fdlibm's e_logf.c (single precision; same notice as above) minimax
    // coefficients, for |s| <= 0.1716 with an error below 2^-25.
    static final float LGF1 = 0xaaaaaa.0p-24f; // 0.66666662693
    static final float LGF2 = 0xccce13.0p-25f; // 0.40000972152
    static final float LGF3 = 0x91e9ee.0p-25f; // 0.28498786688
    static final float LGF4 = 0xf89e26.0p-26f; // 0.24279078841

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

    /**
     * {@code E = -ln(u)} for the uniform {@code u = (k + 1/2) / 2^32} of the low 32 bits {@code k} of
     * {@code bits} (the high bits are ignored): an Exp(1) variate from 32 random bits, the one scheme
     * {@code v3} draws. {@code u} is never 0 or 1, so {@code E} is finite and positive, from about
     * {@code 1.2e-10} to {@code 22.87}; its error is below 1e-15 relative to the true value ({@code LnTest}).
     *
     * <p>Method (fdlibm's {@code log}, main path): {@code u = 2^j z} with {@code z} in
     * [sqrt(1/2), sqrt(2)) by bit arithmetic, {@code f = z - 1}, {@code s = f/(2 + f)}, then
     * {@code ln z = f - f^2/2 + s (f^2/2 + R(s^2))} with fdlibm's degree-14 minimax {@code R}, and
     * {@code j ln 2} in two parts. No table and no branch: only {@code + - * /}, conversions and bit
     * operations, evaluated exactly as written, so C2 can vectorise a loop of it and the value is a pure
     * function of {@code bits}. Written as the negation's own arithmetic (rounding is symmetric, so the bits
     * are those of {@code -ln u} evaluated the same way).
     */
    public static double exponential32(long bits) {
        final double u = ((double) (bits & 0xFFFF_FFFFL) + 0.5) * 0x1p-32; // exact: 33 significant bits
        final long ix = Double.doubleToRawLongBits(u);
        final long t = ix - SQRT_HALF_BITS;
        final double z = Double.longBitsToDouble(ix - (t & EXPONENT_MASK));
        final double j = (double) (t >> 52); // u = 2^j z, j in [-33, 0]
        final double f = z - 1.0; // exact (Sterbenz)
        final double s = f / (2.0 + f);
        final double s2 = s * s;
        final double s4 = s2 * s2;
        final double odd = s4 * (LG2 + s4 * (LG4 + s4 * LG6));
        final double even = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7)));
        final double r = even + odd;
        final double hfsq = 0.5 * f * f;
        return ((hfsq - (s * (hfsq + r) + j * LN2_LO)) - f) - j * LN2_HI;
    }

    /**
     * {@link #exponential32}'s {@code E}, with the logarithm of the reduced argument in single precision: the
     * one scheme {@code v4} draws. The same {@code u}, {@code j} and {@code z} (by the same double arithmetic),
     * then {@code f = (float) (z - 1)} and fdlibm's {@code logf} on its main path in {@code float}
     * ({@code s = f/(2 + f)}, {@code ln z = f - (f^2/2 - s (f^2/2 + R(s^2)))} with a degree-8 minimax
     * {@code R}), and {@code E = -(j ln 2 + ln z)} in double. Its error is below 2e-7 relative to the true
     * value ({@code LnTest}), far below what a Metropolis acceptance test can detect: a step's acceptance
     * probability moves by less than {@code 1e-7}. What it buys is speed: eight lanes to a 256-bit vector
     * instead of four, and a shorter polynomial ({@code MetropolisKernel} takes about 0.86x v3's time). A pure
     * function of {@code bits}, as {@code float} arithmetic is exact as written in Java too. Non-increasing in
     * {@code k} (neighbours can be equal: a {@code float} has 24 bits) but at 6 of the 2^32 values: where
     * {@code u} crosses {@code sqrt(1/2) 2^j}, {@code z} jumps from near {@code sqrt(2)} to near
     * {@code sqrt(1/2)}, and the two sides' {@code float} logarithms round apart, a rise below 1e-7 relative
     * (checked for every {@code k}; {@link #exponential32} never rises).
     */
    public static double exponential32Single(long bits) {
        final double u = ((double) (bits & 0xFFFF_FFFFL) + 0.5) * 0x1p-32;
        final long ix = Double.doubleToRawLongBits(u);
        final long t = ix - SQRT_HALF_BITS;
        final double z = Double.longBitsToDouble(ix - (t & EXPONENT_MASK));
        final double j = (double) (t >> 52);
        return -(j * LN2 + (double) logSingle((float) (z - 1.0)));
    }

    /** {@code ln(1 + f)} in single precision for {@code 1 + f} in [sqrt(1/2), sqrt(2)): fdlibm's logf, main path. */
    static float logSingle(float f) {
        final float s = f / (2.0f + f);
        final float s2 = s * s;
        final float s4 = s2 * s2;
        final float odd = s4 * (LGF2 + s4 * LGF4);
        final float even = s2 * (LGF1 + s4 * LGF3);
        final float r = even + odd;
        final float hfsq = 0.5f * f * f;
        return f - (hfsq - s * (hfsq + r));
    }
}
