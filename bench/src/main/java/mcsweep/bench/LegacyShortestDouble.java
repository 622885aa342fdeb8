package mcsweep.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The CSV writer's double formatter as it was before the SWAR rewrite of {@code ShortestDouble} (commit
 * bd46c5b), kept unchanged as {@link KernelBaselineBenchmark}'s reference ({@code shortestDoubleBefore}),
 * with its table of powers of ten computed at class initialisation instead of the kernel's literal one.
 * It writes {@link Double#toString(double)}'s spelling: Schubfach digits, then a digit-pair loop.
 */
final class LegacyShortestDouble {

    /** The longest spelling, e.g. {@code -2.2250738585072014E-308}. */
    static final int MAX_LENGTH = 24;

    private static final long FRACTION = (1L << 52) - 1;
    // floor(q log10 2), floor(q log10 2 + log10 3/4) and floor(n log2 10) as (q * A + B) >> 41, exact over
    // the ranges used here (q in [-1074, 971], n in [-292, 324]); checked exhaustively by ShortestDoubleTest.
    private static final long LOG10_2 = 661_971_961_083L;
    private static final long LOG10_THREE_QUARTERS = -274_743_187_320L;
    private static final long LOG2_10 = 7_304_997_133_928L;
    private static final int FIXED = 41;

    private static final byte[] DIGIT_PAIRS = new byte[200];

    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    /** G(k) = floor(10^-k 2^P) + 1, P = 125 - floor(log2 10^-k), as (high, low) pairs. */
    private static final long[] G = new long[2 * (K_MAX - K_MIN + 1)];

    static {
        for (int k = K_MIN; k <= K_MAX; k++) {
            int p = 125 - floorLog2Pow10(-k);
            BigInteger num = k <= 0 ? BigInteger.TEN.pow(-k) : BigInteger.ONE;
            BigInteger den = k <= 0 ? BigInteger.ONE : BigInteger.TEN.pow(k);
            num = p >= 0 ? num.shiftLeft(p) : num;
            den = p >= 0 ? den : den.shiftLeft(-p);
            BigInteger g = num.divide(den).add(BigInteger.ONE);
            G[2 * (k - K_MIN)] = g.shiftRight(64).longValue();
            G[2 * (k - K_MIN) + 1] = g.longValue();
        }
    }

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private LegacyShortestDouble() {
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
     * @return the position after the last byte written; at most {@code pos + MAX_LENGTH}
     */
    static int write(double v, byte[] buf, int pos) {
        long bits = Double.doubleToRawLongBits(v);
        int biased = (int) (bits >>> 52) & 0x7FF;
        long fraction = bits & FRACTION;
        if (biased == 0x7FF) {
            return ascii(fraction != 0 ? "NaN" : bits < 0 ? "-Infinity" : "Infinity", buf, pos);
        }
        // Without a branch: the sign of a trace's values is a coin flip, which a branch would mispredict.
        buf[pos] = '-';
        pos += (int) (bits >>> 63);
        if (biased == 0) {
            if (fraction == 0) {
                return ascii("0.0", buf, pos);
            }
            return subnormal(Math.abs(v), buf, pos);
        }
        long c = fraction | (1L << 52);
        int q = biased - 1075;
        // The neighbour below has a smaller exponent: the interval is 3/4 as wide, lopsided.
        boolean lopsided = fraction == 0 && biased > 1;
        int open = (int) c & 1; // odd c: a midpoint rounds away from v, so the bounds are excluded
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl = lopsided ? cb - 1 : cb - 2;
        int k = lopsided ? floorLog10ThreeQuartersPow2(q) : floorLog10Pow2(q);
        // 4 v 10^-k = cb 2^q 10^-k ~ cb G 2^(q - P) = (cb << h) G / 2^128, with h in [2, 6].
        int h = q + floorLog2Pow10(-k) + 3;
        int i = 2 * (k - K_MIN);
        long g1 = G[i];
        long g0 = G[i + 1];
        long vb = roundToOdd(g1, g0, cb << h);
        long vbl = roundToOdd(g1, g0, cbl << h);
        long vbr = roundToOdd(g1, g0, cbr << h);

        long s = vb >> 2; // floor(v 10^-k): 16 or 17 digits for a normal double
        long sp10 = s / 10 * 10;
        long tp10 = sp10 + 10;
        boolean sp10In = vbl + open <= sp10 << 2;
        boolean tp10In = (tp10 << 2) + open <= vbr;
        long t = s + 1;
        boolean sIn = vbl + open <= s << 2;
        boolean tIn = (t << 2) + open <= vbr;
        long cmp = vb - ((s + t) << 1); // sign of v 10^-k - (s + 1/2)
        // Selects, not branches: which case applies is close to random from one value to the next.
        long closer = cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t;
        long integer = sIn != tIn ? (sIn ? s : t) : closer;
        long tenth = sp10In ? sp10 : tp10;
        // The one multiple of 10 in R, if there is one, is the shortest; else the integer closest to v,
        // which then does not end in 0 (if it did, it would be that multiple of 10).
        if (sp10In != tp10In) {
            return layout(tenth / 10, k + 1, buf, pos);
        }
        return layoutStripped(integer, k, buf, pos);
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

    /** Writes {@code digits 10^exponent} ({@code 0 < digits < 10^18}) in {@link Double#toString}'s layout. */
    private static int layout(long digits, int exponent, byte[] buf, int pos) {
        while (digits % 10 == 0) {
            digits /= 10;
            exponent++;
        }
        return layoutStripped(digits, exponent, buf, pos);
    }

    /** {@link #layout} for {@code digits} not ending in 0. */
    private static int layoutStripped(long digits, int exponent, byte[] buf, int pos) {
        int length = decimalLength(digits);
        int sci = exponent + length - 1; // v = d.ddd x 10^sci
        if (sci >= -3 && sci < 7) {
            if (sci < 0) { // 0.00ddd
                buf[pos++] = '0';
                buf[pos++] = '.';
                for (int z = -1; z > sci; z--) {
                    buf[pos++] = '0';
                }
                return putDigits(digits, length, buf, pos);
            }
            int whole = sci + 1;
            if (length <= whole) { // ddd00.0
                pos = putDigits(digits, length, buf, pos);
                for (int z = length; z < whole; z++) {
                    buf[pos++] = '0';
                }
                buf[pos++] = '.';
                buf[pos++] = '0';
                return pos;
            }
            // dd.ddd: write the digits one place to the right, then move the whole part (at most 7 digits;
            // a loop is cheaper than arraycopy's call at this size) left over the gap.
            int end = putDigits(digits, length, buf, pos + 1);
            for (int j = 0; j < whole; j++) {
                buf[pos + j] = buf[pos + j + 1];
            }
            buf[pos + whole] = '.';
            return end;
        }
        // d.dddEn
        int end = putDigits(digits, length, buf, pos + 1);
        buf[pos] = buf[pos + 1];
        buf[pos + 1] = '.';
        if (length == 1) {
            buf[end++] = '0';
        }
        buf[end++] = 'E';
        if (sci < 0) {
            buf[end++] = '-';
            sci = -sci;
        }
        return putDigits(sci, decimalLength(sci), buf, end);
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

    /** Writes the {@code length} decimal digits of {@code v} at {@code pos}, eight at a time from the right. */
    private static int putDigits(long v, int length, byte[] buf, int pos) {
        int end = pos + length;
        int p = end;
        while (v >= 100_000_000L) {
            long q = v / 100_000_000L;
            put8((int) (v - q * 100_000_000L), buf, p - 8);
            v = q;
            p -= 8;
        }
        int rest = (int) v;
        while (p - pos >= 2) {
            int q = rest / 100;
            putPair(rest - q * 100, buf, p - 2);
            rest = q;
            p -= 2;
        }
        if (p > pos) {
            buf[pos] = (byte) ('0' + rest);
        }
        return end;
    }

    // The two halves and their pairs are independent: the divisions overlap instead of queueing.
    private static void put8(int v, byte[] buf, int pos) {
        int high = v / 10_000;
        int low = v - high * 10_000;
        int hh = high / 100;
        int lh = low / 100;
        putPair(hh, buf, pos);
        putPair(high - hh * 100, buf, pos + 2);
        putPair(lh, buf, pos + 4);
        putPair(low - lh * 100, buf, pos + 6);
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
        return layout(d.unscaledValue().longValueExact(), -d.scale(), buf, pos);
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
