package mcsweep.kernel.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteOrder;

/**
 * Writes a double as ASCII bytes, exactly as {@link Double#toString(double)} spells it on JDK 19 and later
 * (the shortest decimal that rounds back to the double, closest to it, in the JDK's layout), without a
 * {@code String}, a {@code char[]} or any other allocation for normal doubles.
 *
 * <p>The digits come from the Schubfach algorithm, written here from R. Giulietti, "The Schubfach way to
 * render doubles" (2020; revised 2022). For {@code v = c 2^q} the rounding interval {@code R} is bounded
 * by the midpoints to the two neighbouring doubles, {@code (4c -+ 2) 2^(q-2)} (the lower one is
 * {@code (4c - 1) 2^(q-2)} when {@code c = 2^52} and the neighbour below has a smaller exponent), and is
 * closed when {@code c} is even (round half to even). With {@code k = floor(log10 width(R))}, scaling by
 * {@code 10^-k} makes the interval between 1 and 10 units wide, so it holds at most one multiple of 10
 * (that is then the shortest decimal, one digit shorter) and otherwise at least one of the two integers
 * around {@code v} (the closer one in {@code R} is the answer; a tie goes to the even one). Every test
 * compares a scaled bound with an even integer, so the scaled values need only be known "rounded to odd"
 * ({@code floor}, with the low bit set when the value is not an integer), which a 126-bit approximation
 * {@code G(k)} of {@code 10^-k} gives exactly (the paper's theorem; {@code PowersOfTen} holds the table).
 * For {@code |v|} in {@code [2^-11, 2^50)} (q from -63 to -3, every value of a typical trace), {@code 10^-k}
 * is itself an integer below {@code 2^64} and the scaled values are computed exactly, one 128-bit product
 * and a shift each, from a table indexed by {@code q}: fewer multiplies, none waiting on {@code k}; there
 * the scaled bounds are never integers, so they need no remainder test and no open/closed adjustment.
 *
 * <p>The speed is bounded by the chain of dependent multiplies per value and, with a busy sibling
 * hyperthread, by the number of operations (measured: removing operations helped, shortening the chain at
 * the cost of more operations did not), so the code keeps both small. The digits are padded to exactly 17,
 * split into four-digit groups by four independent multiplies (not a chain of divisions), each group's digits
 * taken from a table of 10^4 entries and joined eight to a {@code long}, turned into ASCII eight at a time,
 * so that the layout is a few 8-byte stores and the count of trailing zeros is a
 * {@code numberOfLeadingZeros}, with no loop over digits anywhere. {@link #write} may therefore write scratch
 * bytes past the end it returns, up to {@code pos + MAX_LENGTH}: callers reserve that much room anyway.
 *
 * <p>Subnormal doubles (below {@code 2.2250738585072014E-308}), where the JDK also considers two-digit
 * decimals when one digit would do, go through an exact {@link BigDecimal} search written from the
 * specification of {@link Double#toString(double)} instead: they never occur in a trace and need not be
 * fast.
 *
 * <p>Stateless; thread-safe.
 */
public final class ShortestDouble {

    /** The longest spelling, e.g. {@code -2.2250738585072014E-308}. */
    public static final int MAX_LENGTH = 24;

    private static final long FRACTION = (1L << 52) - 1;
    // floor(q log10 2), floor(q log10 2 + log10 3/4) and floor(n log2 10) as (q * A + B) >> 41, exact over
    // the ranges used here (q in [-1074, 971], n in [-292, 324]); checked exhaustively by ShortestDoubleTest.
    private static final long LOG10_2 = 661_971_961_083L;
    private static final long LOG10_THREE_QUARTERS = -274_743_187_320L;
    private static final long LOG2_10 = 7_304_997_133_928L;
    private static final int FIXED = 41;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ASCII_ZEROS = 0x3030_3030_3030_3030L; // "00000000" in any byte order
    private static final long ZERO_POINT_ZEROS = 0x3030_3030_3030_2E30L; // "0.000000" stored little-endian
    private static final long TEN_16 = 10_000_000_000_000_000L;
    // d / 10^n = (d M) >>> (64 + s) for d < 2^57: M and s for n = 4, 8, 12, 16 (see layout).
    static final long DIV_1E4 = 0xD1B7_1758_E219_652CL;
    static final int SHIFT_1E4 = 13;
    static final long DIV_1E8 = 0xABCC_7711_8461_CEFDL;
    static final int SHIFT_1E8 = 26;
    static final long DIV_1E12 = 0x8CBC_CC09_6F50_88CCL;
    static final int SHIFT_1E12 = 39;
    static final long DIV_1E16 = 0xE695_94BE_C44D_E15CL;
    static final int SHIFT_1E16 = 53;

    private static final byte[] DIGIT_PAIRS = new byte[200];
    // The digits of 0..9999, most significant in the lowest byte: one load per four digits is a shorter
    // chain than splitting them by multiplies (measured 0.88-0.94x the time per value, worth its 40 KB).
    private static final int[] FOUR_DIGITS = new int[10_000];

    /** The least binary exponent {@code q} of the exact path; its greatest is -1. */
    static final int EXACT_Q_MIN = -63;
    /** The greatest binary exponent {@code q} of the exact path (above it, a bound can be an integer). */
    static final int EXACT_Q_MAX = -3;
    /** {@code 10^-k} for {@code k = floor(q log10 2)}, {@code q} from {@link #EXACT_Q_MIN} to -1 (up to 10^19: unsigned). */
    private static final long[] TEN_POW_NEG_K = new long[-EXACT_Q_MIN];

    static {
        for (int q = EXACT_Q_MIN; q < 0; q++) {
            long p = 1;
            for (int n = -floorLog10Pow2(q); n > 0; n--) {
                p *= 10; // wraps to the unsigned value for 10^19
            }
            TEN_POW_NEG_K[q - EXACT_Q_MIN] = p;
        }
    }

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        for (int y = 0; y < FOUR_DIGITS.length; y++) {
            FOUR_DIGITS[y] = y / 1000 | y / 100 % 10 << 8 | y / 10 % 10 << 16 | y % 10 << 24;
        }
    }

    private ShortestDouble() {
    }

    static int floorLog10Pow2(int q) {
        return (int) ((q * LOG10_2) >> FIXED);
    }

    static int floorLog10ThreeQuartersPow2(int q) {
        return (int) ((q * LOG10_2 + LOG10_THREE_QUARTERS) >> FIXED);
    }

    static int floorLog2Pow10(int n) {
        return (int) ((n * LOG2_10) >> FIXED);
    }

    /**
     * Writes {@code Double.toString(v)} as ASCII into {@code buf} at {@code pos}.
     *
     * <p>Needs {@code MAX_LENGTH} bytes of room at {@code pos}: bytes after the returned end, up to
     * {@code pos + MAX_LENGTH}, may be overwritten with scratch.
     *
     * @return the position after the spelling; at most {@code pos + MAX_LENGTH}
     */
    public static int write(double v, byte[] buf, int pos) {
        long bits = Double.doubleToRawLongBits(v);
        if (!isNormal(bits)) {
            return writeSpecial(v, bits, buf, pos);
        }
        // Without a branch: the sign of a trace's values is a coin flip, which a branch would mispredict.
        buf[pos] = '-';
        pos += (int) (bits >>> 63);
        return layoutPadded(digits(bits), exponent(bits), buf, pos);
    }

    // write() is cut into these small pieces so that C2 inlines each one into a caller's loop: write itself, once
    // compiled alone, was too large to be inlined (InlineSmallCode), and the call cost CsvTraceWriter's rows
    // 0.93x their time (its state spilled around every call). CsvTraceWriter strings the pieces together itself.

    /** Whether {@code bits} is a normal double: not zero, subnormal, infinite or NaN. */
    static boolean isNormal(long bits) {
        int biased = (int) (bits >>> 52) & 0x7FF;
        return biased != 0 && biased != 0x7FF;
    }

    /** {@link #write} for what {@link #isNormal} is not. */
    static int writeSpecial(double v, long bits, byte[] buf, int pos) {
        if ((bits & ~(1L << 63)) >= 0x7FF0_0000_0000_0000L) {
            return ascii(v != v ? "NaN" : bits < 0 ? "-Infinity" : "Infinity", buf, pos);
        }
        buf[pos] = '-';
        pos += (int) (bits >>> 63);
        return (bits & ~(1L << 63)) == 0 ? ascii("0.0", buf, pos) : subnormal(Math.abs(v), buf, pos);
    }

    /**
     * The exponent {@code k} of a normal double's {@link #digits}: {@code |v|} is close to
     * {@code digits 10^k}.
     */
    static int exponent(long bits) {
        int biased = (int) (bits >>> 52) & 0x7FF;
        int q = biased - 1075;
        boolean lopsided = (bits & FRACTION) == 0 && biased > 1;
        return lopsided ? floorLog10ThreeQuartersPow2(q) : floorLog10Pow2(q);
    }

    /**
     * The shortest decimal significand of a normal double (16 or 17 digits, with the trailing zeros of a
     * shorter one), for the exponent {@link #exponent}.
     */
    static long digits(long bits) {
        long fraction = bits & FRACTION;
        int q = ((int) (bits >>> 52) & 0x7FF) - 1075;
        // On the exact path's exponents fraction == 0 is the lopsided case, which the general path takes, so
        // the exact path need not compute the lopsided variants (fewer operations is what counts here).
        if (q > EXACT_Q_MAX || q < EXACT_Q_MIN || fraction == 0) {
            return digitsGeneral(bits);
        }
        long cb = (fraction | (1L << 52)) << 2;
        // |v| in [2^-11, 2^50), which holds a trace's values: 10^-k is an integer below 2^64, and
        // cb 2^q 10^-k = (cb 10^-k) >> -q is exact from one 128-bit product each, with no table lookup
        // that waits on k (the chain of dependent multiplies is what limits the speed here).
        long p = TEN_POW_NEG_K[q - EXACT_Q_MIN];
        // The bounds (4c -+ 2) 10^-k 2^q are not integers here: 4c -+ 2 has one factor 2 and 10^-k has
        // -k, fewer than -q together for q <= -3. So floor | 1 is their round-to-odd, and since they
        // never equal the even integers they are compared with, open and closed intervals agree.
        return shortest(exactToOdd(cb, p, -q), exactFloor(cb - 2, p, -q) | 1, exactFloor(cb + 2, p, -q) | 1);
    }

    /** {@link #digits} through the table of {@code 10^-k} approximations, for any normal double. */
    private static long digitsGeneral(long bits) {
        int biased = (int) (bits >>> 52) & 0x7FF;
        long fraction = bits & FRACTION;
        long c = fraction | (1L << 52);
        int q = biased - 1075;
        long cb = c << 2;
        // The neighbour below has a smaller exponent: the interval is 3/4 as wide, lopsided.
        boolean lopsided = fraction == 0 && biased > 1;
        int open = (int) c & 1; // odd c: a midpoint rounds away from v, so the bounds are excluded
        long cbr = cb + 2;
        long cbl = lopsided ? cb - 1 : cb - 2;
        int k = exponent(bits);
        // 4 v 10^-k = cb 2^q 10^-k ~ cb G 2^(q - P) = (cb << h) G / 2^128, with h in [2, 6].
        int h = q + floorLog2Pow10(-k) + 3;
        int i = 2 * (k - PowersOfTen.K_MIN);
        long g1 = PowersOfTen.G[i];
        long g0 = PowersOfTen.G[i + 1];
        return shortest(roundToOdd(g1, g0, cb << h), roundToOdd(g1, g0, cbl << h) + open,
                roundToOdd(g1, g0, cbr << h) - open);
    }

    /**
     * The shortest decimal in the rounding interval, from {@code 4 v 10^-k} and the interval's bounds, each
     * rounded to odd ({@code vblo} and {@code vbro} moved one unit inwards when the interval is open).
     */
    private static long shortest(long vb, long vblo, long vbro) {
        long s = vb >> 2; // floor(v 10^-k): 16 or 17 digits for a normal double
        // floor(s / 10) * 10 by a multiply: ceil(2^64 / 10) errs by under 1/10 of a unit for s < 2^62.
        long sp10 = Math.multiplyHigh(s, 0x1999_9999_9999_999AL) * 10;
        long tp10 = sp10 + 10;
        long t = s + 1;
        // Which case applies is close to random from one value to the next, so every test is a 0/1 from a
        // sign bit and every choice arithmetic: no branch to mispredict. With all values below 2^62,
        // a <= b is ((b - a) >>> 63) ^ 1.
        long sp10In = ((sp10 << 2) - vblo) >>> 63 ^ 1;
        long tp10In = (vbro - (tp10 << 2)) >>> 63 ^ 1;
        long sIn = ((s << 2) - vblo) >>> 63 ^ 1;
        long tIn = (vbro - (t << 2)) >>> 63 ^ 1;
        // t is closer when v 10^-k - s is above 1/2 (vb & 3 == 3), or is 1/2 (vb & 3 == 2) and s is odd:
        // bit (vb & 7) of 0b1100_1000, since vb & 4 is s's low bit.
        long tCloser = 0xC8L >>> (vb & 7) & 1;
        // The one of s, t in R, or if both are, the closer (a tie to the even one). R holds at least one.
        long integer = s + ((sIn ^ 1) | tIn & tCloser);
        long tenth = sp10 + 10 * (sp10In ^ 1);
        // The one multiple of 10 in R, if there is one, is the shortest; else the integer closest to v,
        // which then does not end in 0 (if it did, it would be that multiple of 10).
        // (The multiple of 10 keeps its trailing zero here; layout counts and drops trailing zeros anyway.)
        return integer + ((tenth - integer) & -(sp10In ^ tp10In));
    }

    /**
     * Writes {@code digits 10^k} ({@link #digits}, {@link #exponent}) in {@link Double#toString}'s layout. 16 digits
     * (about half of a trace's values, at random) are padded to 17, so that they split the same way every time:
     * by a mask, since C2 made the two choices one branch, mispredicted (the CSV writer's rows: 0.93x the time).
     */
    static int layoutPadded(long digits, int k, byte[] buf, int pos) {
        long pad = (digits - TEN_16) >> 63;
        return layout(digits + (digits * 9 & pad), k + (int) pad, buf, pos);
    }

    /**
     * {@code floor(cbx p / 2^shift)} with its low bit set when the remainder is not zero, exactly, for
     * {@code 0 < cbx < 2^55}, {@code p} an unsigned 64-bit integer and {@code shift} in {@code [1, 63]},
     * when the quotient is below {@code 2^64}.
     */
    static long exactToOdd(long cbx, long p, int shift) {
        long hi = Math.unsignedMultiplyHigh(cbx, p);
        long lo = cbx * p;
        // The remainder's bits are lo << (64 - shift); a 0/1 from a compare is one operation fewer than a sign bit.
        return hi << -shift | lo >>> shift | ((lo << -shift) != 0 ? 1 : 0);
    }

    /** {@code floor(cbx p / 2^shift)}, under the conditions of {@link #exactToOdd}. */
    static long exactFloor(long cbx, long p, int shift) {
        long hi = Math.unsignedMultiplyHigh(cbx, p);
        long lo = cbx * p;
        return hi << -shift | lo >>> shift;
    }

    /**
     * {@code floor(cp * G / 2^128)} with its low bit set when the remainder is not zero, from the upper
     * 64 bits of the remainder (the paper's theorem: the lower ones cannot change a comparison's outcome).
     */
    static long roundToOdd(long g1, long g0, long cp) {
        long a1 = Math.unsignedMultiplyHigh(cp, g0);
        long b0 = cp * g1;
        long b1 = Math.multiplyHigh(cp, g1); // cp < 2^62, g1 < 2^62: no sign trouble
        long mid = b0 + a1;
        long carry = ((b0 & a1) | ((b0 | a1) & ~mid)) >>> 63;
        return (b1 + carry) | ((mid | -mid) >>> 63);
    }

    /**
     * Writes {@code d 10^e} in {@link Double#toString}'s layout, for {@code 10^16 <= d < 10^17} (a normal
     * double's digits before trailing zeros are dropped, 16 of them padded to 17 by the caller, so that the
     * digits split the same way every time): plain {@code ddd.ddd} for values in {@code [10^-3, 10^7)},
     * {@code d.dddEn} outside, never a trailing zero but the one of {@code x.0}.
     */
    private static int layout(long d, int e, byte[] buf, int pos) {
        int sci = e + 16; // v = d.ddd x 10^sci
        // d = h a b c e, with a, b, c, e of four digits each. The quotients d / 10^4, 10^8, 10^12, 10^16
        // are four independent multiplies, not a chain of them (the chain is what limits the speed): d / 10^n
        // is floor(d M / 2^(64 + s)) with M = ceil(2^(64 + s) / 10^n) < 2^64, exact for d < 2^57 since
        // M 10^n - 2^(64 + s) < 10^n <= 2^(64 + s - 57) (s = 13, 26, 39, 53; ShortestDoubleTest checks them).
        long q4 = Math.unsignedMultiplyHigh(d, DIV_1E4) >>> SHIFT_1E4;
        long q8 = Math.unsignedMultiplyHigh(d, DIV_1E8) >>> SHIFT_1E8;
        long q12 = Math.unsignedMultiplyHigh(d, DIV_1E12) >>> SHIFT_1E12;
        int h = (int) (Math.unsignedMultiplyHigh(d, DIV_1E16) >>> SHIFT_1E16);
        long lo = digits8(q4 - q8 * 10_000, d - q4 * 10_000);
        long hi = digits8(q12 - h * 10_000L, q8 - q12 * 10_000);
        // Trailing zeros are the top bytes of the digit values (the last digit is the most significant byte).
        int zeros = lo == 0 ? 8 + (Long.numberOfLeadingZeros(hi) >>> 3) : Long.numberOfLeadingZeros(lo) >>> 3;
        int length = 17 - zeros;
        long first = h + '0';
        hi += ASCII_ZEROS;
        lo += ASCII_ZEROS;
        if (sci >= 0 && sci < 7) { // ddd.ddd, and ddd00.0: the padding supplies the zeros
            // Digits 1..16 go one place right of where they would be without the point, then the first
            // eight bytes are rebuilt from registers: the whole part, the point, the fraction moved right.
            LONGS.set(buf, pos + 2, hi);
            LONGS.set(buf, pos + 10, lo);
            long digits = first | (hi << 8); // digits 0..7
            int pointShift = 8 * sci + 8;
            long whole = (1L << pointShift) - 1;
            long point = 0xFFL << pointShift;
            LONGS.set(buf, pos, (digits & whole) | ('.' & 0xFFL) << pointShift | (digits << 8) & ~(whole | point));
            return pos + sci + 2 + Math.max(length - sci - 1, 1);
        }
        return layoutOther(first, hi, lo, length, sci, buf, pos);
    }

    /**
     * {@link #layout}'s other two forms, {@code 0.00ddd} and {@code d.dddEn}, from its digits: {@code first}, then
     * 16 more as ASCII in {@code hi} and {@code lo}, {@code length} of them significant. Apart so that
     * {@link #layout} is small enough for C2 to inline into {@link #write} (a trace's values are nearly all
     * {@code ddd.ddd}): the CSV writer's rows took 0.93-0.94x the time.
     */
    private static int layoutOther(long first, long hi, long lo, int length, int sci, byte[] buf, int pos) {
        if (sci < 0 && sci >= -3) { // 0.00ddd
            LONGS.set(buf, pos, ZERO_POINT_ZEROS);
            int at = pos + 1 - sci;
            buf[at] = (byte) first;
            LONGS.set(buf, at + 1, hi);
            LONGS.set(buf, at + 9, lo);
            return at + length;
        }
        // d.dddEn, and d.0En
        buf[pos] = (byte) first;
        buf[pos + 1] = '.';
        LONGS.set(buf, pos + 2, hi);
        LONGS.set(buf, pos + 10, lo);
        int end = pos + 1 + Math.max(length, 2);
        buf[end++] = 'E';
        if (sci < 0) {
            buf[end++] = '-';
            sci = -sci;
        }
        if (sci >= 100) {
            int c = sci / 100;
            buf[end++] = (byte) ('0' + c);
            sci -= 100 * c;
            putPair(sci, buf, end);
            return end + 2;
        }
        if (sci >= 10) {
            putPair(sci, buf, end);
            return end + 2;
        }
        buf[end] = (byte) ('0' + sci);
        return end + 1;
    }

    /**
     * The digits of two four-digit numbers {@code y0, y1 < 10^4} as byte values 0..9, {@code y0}'s first
     * (lowest bytes) and most significant first.
     */
    static long digits8(long y0, long y1) {
        return FOUR_DIGITS[(int) y0] & 0xFFFF_FFFFL | (long) FOUR_DIGITS[(int) y1] << 32;
    }

    /** Writes {@code digits 10^exponent}, {@code 0 < digits < 10^17}, of any length (subnormals only). */
    private static int layoutAny(long digits, int exponent, byte[] buf, int pos) {
        int pad = 17 - decimalLength(digits);
        return layout(digits * POWERS[pad], exponent - pad, buf, pos);
    }

    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** Number of decimal digits of {@code 0 < v < 10^18}, without a loop. */
    static int decimalLength(long v) {
        int guess = ((64 - Long.numberOfLeadingZeros(v)) * 1233) >>> 12; // floor(bits * log10 2)
        return guess + (v >= POWERS[guess] ? 1 : 0);
    }

    private static void putPair(int v, byte[] buf, int pos) {
        buf[pos] = DIGIT_PAIRS[2 * v];
        buf[pos + 1] = DIGIT_PAIRS[2 * v + 1];
    }

    private static int ascii(String s, byte[] buf, int pos) {
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        return pos;
    }

    /**
     * A positive subnormal, by the specification of {@link Double#toString(double)}: among the decimals in
     * the rounding interval, those of the least length {@code m} (when {@code m = 1}: of length 1 or 2),
     * the one closest to {@code v}, a tie going to the one whose last digit is even.
     */
    private static int subnormal(double v, byte[] buf, int pos) {
        BigDecimal exact = new BigDecimal(v);
        BigDecimal halfUlp = new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.TWO);
        BigDecimal lo = exact.subtract(halfUlp);
        BigDecimal hi = exact.add(halfUlp);
        boolean closed = (Double.doubleToRawLongBits(v) & 1) == 0;
        BigDecimal best = null;
        int bestLength = 0;
        for (int n = 1; n <= 17 && (best == null || bestLength == 1 && n == 2); n++) {
            for (int e = magnitude(lo); e <= magnitude(hi); e++) {
                BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(e - n + 1);
                BigDecimal down = exact.divide(step, 0, RoundingMode.FLOOR).multiply(step);
                for (BigDecimal d : new BigDecimal[] {down, down.add(step)}) {
                    int cl = d.compareTo(lo);
                    int ch = d.compareTo(hi);
                    boolean in = closed ? cl >= 0 && ch <= 0 : cl > 0 && ch < 0;
                    if (!in || d.signum() <= 0 || d.stripTrailingZeros().precision() > n) {
                        continue;
                    }
                    if (best == null || closer(d, best, exact)) {
                        best = d;
                        bestLength = best.stripTrailingZeros().precision();
                    }
                }
            }
        }
        BigDecimal d = best.stripTrailingZeros();
        return layoutAny(d.unscaledValue().longValueExact(), -d.scale(), buf, pos);
    }

    /** floor(log10 x) for x > 0. */
    private static int magnitude(BigDecimal x) {
        return x.precision() - x.scale() - 1;
    }

    private static boolean closer(BigDecimal d, BigDecimal best, BigDecimal v) {
        int c = d.subtract(v).abs().compareTo(best.subtract(v).abs());
        if (c != 0) {
            return c < 0;
        }
        return d.stripTrailingZeros().unscaledValue().testBit(0) == false;
    }
}
