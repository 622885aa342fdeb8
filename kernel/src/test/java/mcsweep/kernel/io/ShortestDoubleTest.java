package mcsweep.kernel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ShortestDouble} against {@link Double#toString(double)} (the specification it implements) and
 * {@link Double#parseDouble}. The random test runs {@value #DEFAULT_COUNT} bit patterns by default; set
 * {@code -Dmcsweep.shortest.count=300000000} for a long run.
 */
class ShortestDoubleTest {

    static final long DEFAULT_COUNT = 4_000_000; // three quarters of them (3 million) any bit pattern

    private final byte[] buf = new byte[64];

    private void check(double v) {
        int end = ShortestDouble.write(v, buf, 3);
        String got = new String(buf, 3, end - 3, StandardCharsets.US_ASCII);
        String expected = Double.toString(v);
        if (!got.equals(expected)) { // assertThat per value would dominate the run time
            assertThat(got).as("bits %016x", Double.doubleToRawLongBits(v)).isEqualTo(expected);
        }
        assertThat(end - 3).isLessThanOrEqualTo(ShortestDouble.MAX_LENGTH);
    }

    @Test
    void edgeCases() {
        List<Double> vs = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
                Math.nextUp(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE),
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, -1.0, 0.5, 0.1, 0.2, 0.3,
                1.0 / 3, 2.0 / 3, 100.0, 1e23, 8.41e21, 5e-324, 1.7976931348623157e308, 4.9e-324, 9007199254740992.0,
                9007199254740993.0, 2.0E-3, 1.0E7, 9999999.999999998, 1.0E-3, 0.001, 9.999999999999998E-4,
                1234567.0, 12345678.0, 123456789012345678.0, 2.2250738585072014E-308, 2.225073858507201E-308));
        for (int e = -325; e <= 309; e++) { // every power of ten, and its neighbours
            double p = Double.parseDouble("1e" + e);
            vs.add(p);
            vs.add(Math.nextUp(p));
            vs.add(Math.nextDown(p));
            vs.add(Double.parseDouble("9.999999999999999e" + e));
            vs.add(Double.parseDouble("5e" + e));
        }
        for (int e = -1074; e <= 1023; e++) { // every power of two: the lopsided intervals
            double p = Math.scalb(1.0, e);
            vs.add(p);
            vs.add(Math.nextUp(p));
            vs.add(Math.nextDown(p));
            vs.add(3 * p);
        }
        // The format switches: plain in [1e-3, 1e7), computerized scientific outside.
        for (double v = 0.00099; v < 0.0011; v = Math.nextUp(v + 1e-7)) {
            vs.add(v);
        }
        for (double v = 9_999_990; v < 10_000_010; v += 0.25) {
            vs.add(v);
        }
        for (long i = 0; i <= 100_000; i++) { // integers, and the 2^53 neighbourhood where doubles stop being dense
            vs.add((double) i);
            vs.add((double) ((1L << 53) - 50_000 + i));
        }
        for (int e = 0; e <= 62; e++) {
            for (long d = -3; d <= 3; d++) {
                vs.add((double) ((1L << e) + d));
            }
        }
        // Every digit count (1 to 17) at every place of the decimal point around both layouts.
        String digits = "12345678901234567";
        for (int n = 1; n <= 17; n++) {
            for (int e = -26; e <= 26; e++) {
                vs.add(Double.parseDouble(digits.substring(0, n) + "e" + e));
                vs.add(Double.parseDouble("9".repeat(n) + "e" + e));
            }
        }
        for (double v : vs) {
            check(v);
            check(-v);
        }
    }

    /** The layout may write scratch bytes past its end, but never before pos or past pos + MAX_LENGTH. */
    @Test
    void writesNothingOutsideItsRoom() {
        SplittableRandom r = new SplittableRandom(4);
        byte[] exact = new byte[ShortestDouble.MAX_LENGTH + 2];
        for (int i = 0; i < 100_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(r.nextLong());
                case 1 -> i % 100 == 1 ? -Double.longBitsToDouble(r.nextLong(1, 1L << 52)) // subnormal
                        : -Double.MAX_VALUE * r.nextDouble();
                case 2 -> -Math.nextDown(Math.pow(10, r.nextInt(-5, 10)));     // 17 digits near the switches
                default -> -r.nextDouble() * Math.pow(10, r.nextInt(-5, 10));
            };
            exact[0] = 'x';
            exact[exact.length - 1] = 'y';
            int end = ShortestDouble.write(v, exact, 1); // throws if it strays past pos + MAX_LENGTH
            assertThat(exact[0]).isEqualTo((byte) 'x');
            assertThat(exact[exact.length - 1]).isEqualTo((byte) 'y');
            assertThat(new String(exact, 1, end - 1, StandardCharsets.US_ASCII)).isEqualTo(Double.toString(v));
        }
    }

    /** Exhaustive: every pair of four-digit numbers (every eight-digit number) gives its digits in order. */
    @Test
    void digits8SplitsEveryPairOfFourDigitNumbers() {
        for (int x = 0; x < 100_000_000; x++) {
            long lanes = ShortestDouble.digits8(x / 10_000, x % 10_000);
            long value = 0;
            boolean digits = true;
            for (int i = 0; i < 8; i++) {
                long d = lanes >>> (8 * i) & 0xFF;
                digits &= d <= 9;
                value = value * 10 + d;
            }
            if (!digits || value != x) {
                assertThat(Long.toHexString(lanes)).as("x=%d", x).isEqualTo("digits of " + x);
            }
        }
    }

    /** The layout's divisions by 10^4, 10^8, 10^12 and 10^16: the constants, their bound, and samples. */
    @Test
    void theLayoutsDivisionsByPowersOfTenAreExactBelow2To57() {
        long[][] divs = {
            {4, ShortestDouble.DIV_1E4, ShortestDouble.SHIFT_1E4},
            {8, ShortestDouble.DIV_1E8, ShortestDouble.SHIFT_1E8},
            {12, ShortestDouble.DIV_1E12, ShortestDouble.SHIFT_1E12},
            {16, ShortestDouble.DIV_1E16, ShortestDouble.SHIFT_1E16},
        };
        SplittableRandom r = new SplittableRandom(9);
        for (long[] div : divs) {
            BigInteger pow = BigInteger.TEN.pow((int) div[0]);
            BigInteger two = BigInteger.ONE.shiftLeft(64 + (int) div[2]);
            BigInteger m = new BigInteger(Long.toUnsignedString(div[1]));
            BigInteger[] qr = two.divideAndRemainder(pow);
            assertThat(m).isEqualTo(qr[0].add(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE)); // ceil
            assertThat(m.multiply(pow).subtract(two)).isLessThanOrEqualTo(BigInteger.ONE.shiftLeft(64 + (int) div[2] - 57));
            long p = pow.longValueExact();
            for (int i = 0; i < 200_000; i++) {
                long d = switch (i % 3) {
                    case 0 -> r.nextLong(1L << 57);
                    case 1 -> Math.max(0, ((1L << 57) / p - r.nextLong(1_000)) * p - r.nextInt(2)); // n 10^k - 0/1
                    default -> r.nextLong(10_000_000_000_000_000L, 100_000_000_000_000_000L);
                };
                long got = Math.unsignedMultiplyHigh(d, div[1]) >>> div[2];
                if (got != d / p) {
                    assertThat(got).as("%d / 10^%d", d, div[0]).isEqualTo(d / p);
                }
            }
        }
    }

    @Test
    void randomBitPatternsAndShortDecimalsSpellLikeDoubleToStringAndParseBack() {
        long count = Long.getLong("mcsweep.shortest.count", DEFAULT_COUNT);
        SplittableRandom r = new SplittableRandom(12);
        for (long i = 0; i < count; i++) {
            double v = switch ((int) (i & 7)) {
                case 0, 1, 2, 3, 4, 5 -> Double.longBitsToDouble(r.nextLong());  // any bit pattern
                case 6 -> r.nextLong(1, 1L << 54) * Math.pow(10, r.nextInt(-30, 30)); // round numbers
                default -> Double.parseDouble(r.nextInt(1, 1_000_000) + "e" + r.nextInt(-330, 310)); // short ones
            };
            check(v);
            if (Double.isFinite(v)) {
                int end = ShortestDouble.write(v, buf, 0);
                double back = Double.parseDouble(new String(buf, 0, end, StandardCharsets.US_ASCII));
                if (Double.doubleToRawLongBits(back) != Double.doubleToRawLongBits(v)) {
                    assertThat(back).isEqualTo(v);
                }
            }
        }
    }

    @Test
    void everySubnormalPatternWithFewBitsAndSomeRandomOnes() {
        for (long bits = 1; bits < 2000; bits++) {
            check(Double.longBitsToDouble(bits));
        }
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            check(Double.longBitsToDouble(r.nextLong(1, 1L << 52)));
        }
    }

    @Test
    void roundToOddIsExactAgainstBigIntegerAtEveryExponent() {
        SplittableRandom r = new SplittableRandom(8);
        BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        for (int q = -1074; q <= 971; q++) {
            for (int j = 0; j < 40; j++) {
                long c = (1L << 52) | r.nextLong(1L << 52);
                boolean lopsided = j == 0 && q > -1074;
                if (lopsided) {
                    c = 1L << 52;
                }
                int k = lopsided ? ShortestDouble.floorLog10ThreeQuartersPow2(q) : ShortestDouble.floorLog10Pow2(q);
                int h = q + ShortestDouble.floorLog2Pow10(-k) + 3;
                long g1 = PowersOfTen.G[2 * (k - PowersOfTen.K_MIN)];
                long g0 = PowersOfTen.G[2 * (k - PowersOfTen.K_MIN) + 1];
                for (long cbx : new long[] {4 * c, 4 * c + 2, lopsided ? 4 * c - 1 : 4 * c - 2}) {
                    // Exact: 4 v 10^-k for the bound cbx 2^(q-2) ... i.e. cbx 2^q 10^-k.
                    BigInteger num = BigInteger.valueOf(cbx);
                    BigInteger den = BigInteger.ONE;
                    if (q >= 0) {
                        num = num.shiftLeft(q);
                    } else {
                        den = den.shiftLeft(-q);
                    }
                    if (k >= 0) {
                        den = den.multiply(BigInteger.TEN.pow(k));
                    } else {
                        num = num.multiply(BigInteger.TEN.pow(-k));
                    }
                    BigInteger[] qr = num.divideAndRemainder(den);
                    long exact = qr[0].longValueExact() | (qr[1].signum() == 0 ? 0 : 1);
                    assertThat(ShortestDouble.roundToOdd(g1, g0, cbx << h))
                            .as("q=%d c=%d cb=%d", q, c, cbx).isEqualTo(exact);
                }
            }
        }
        assertThat(mask.bitLength()).isEqualTo(128);
    }

    /**
     * exactToOdd on q in [-63, -1] ({@code |v|} in [2^-11, 2^52): the exact path and the two exponents above
     * it, which now take the general path): the scaled value and both bounds
     * against BigInteger, for random significands at every exponent, and for the significands next to the
     * ends of the range.
     */
    @Test
    void exactToOddIsExactAgainstBigIntegerOnItsRange() {
        SplittableRandom r = new SplittableRandom(10);
        for (int q = ShortestDouble.EXACT_Q_MIN; q < 0; q++) {
            int k = ShortestDouble.floorLog10Pow2(q);
            BigInteger pow = BigInteger.TEN.pow(-k);
            long p = pow.longValue(); // 10^19 wraps to its unsigned value
            for (int j = 0; j < 4000; j++) {
                long c = switch (j) {
                    case 0 -> (1L << 52) + 1;
                    case 1 -> (1L << 53) - 1;
                    default -> (1L << 52) | r.nextLong(1L << 52);
                };
                for (long cbx : new long[] {4 * c, 4 * c + 2, 4 * c - 2}) {
                    BigInteger[] qr = BigInteger.valueOf(cbx).multiply(pow).divideAndRemainder(BigInteger.ONE.shiftLeft(-q));
                    long exact = qr[0].longValueExact() | (qr[1].signum() == 0 ? 0 : 1);
                    long got = ShortestDouble.exactToOdd(cbx, p, -q);
                    if (got != exact) {
                        assertThat(got).as("q=%d c=%d cb=%d", q, c, cbx).isEqualTo(exact);
                    }
                }
                check(Math.scalb((double) c, q));
            }
        }
    }

    /**
     * On the exact path ({@code q} up to {@code EXACT_Q_MAX}) the bounds are taken as {@code exactFloor | 1},
     * with no remainder test and no open/closed adjustment: right only if a scaled bound is never an integer.
     * Checked against BigInteger at every exponent, and that the next exponent up would break it (so the
     * range cannot be widened by mistake).
     */
    @Test
    void theExactPathsBoundsAreNeverIntegers() {
        SplittableRandom r = new SplittableRandom(11);
        for (int q = ShortestDouble.EXACT_Q_MIN; q <= ShortestDouble.EXACT_Q_MAX + 1; q++) {
            int k = ShortestDouble.floorLog10Pow2(q);
            BigInteger pow = BigInteger.TEN.pow(-k);
            long p = pow.longValue();
            boolean someInteger = false;
            for (int j = 0; j < 4000; j++) {
                long c = j < 2 ? (1L << 52) + j : (1L << 52) | r.nextLong(1L << 52);
                for (long cbx : new long[] {4 * c + 2, 4 * c - 2}) {
                    BigInteger[] qr = BigInteger.valueOf(cbx).multiply(pow).divideAndRemainder(BigInteger.ONE.shiftLeft(-q));
                    if (qr[1].signum() == 0) {
                        someInteger = true;
                    } else if (q <= ShortestDouble.EXACT_Q_MAX) {
                        long got = ShortestDouble.exactFloor(cbx, p, -q) | 1;
                        if (got != (qr[0].longValueExact() | 1)) {
                            assertThat(got).as("q=%d cb=%d", q, cbx).isEqualTo(qr[0].longValueExact() | 1);
                        }
                    }
                }
            }
            assertThat(someInteger).as("q=%d", q).isEqualTo(q > ShortestDouble.EXACT_Q_MAX);
        }
    }

    @Test
    void theFixedPointLogarithmsAreExactOverTheirRanges() {
        for (int q = -1100; q <= 1000; q++) {
            assertThat(ShortestDouble.floorLog10Pow2(q)).as("q=%d", q).isEqualTo(floorLog10(pow2(q), 1));
            assertThat(ShortestDouble.floorLog10ThreeQuartersPow2(q)).as("q=%d", q).isEqualTo(floorLog10(pow2(q), 3));
        }
        for (int n = -330; n <= 330; n++) {
            // largest e with 2^e <= 10^n
            BigInteger[] f = pow10(n);
            int e = f[0].bitLength() - f[1].bitLength();
            while (cmp(f, pow2(e + 1)) >= 0) {
                e++;
            }
            while (cmp(f, pow2(e)) < 0) {
                e--;
            }
            assertThat(ShortestDouble.floorLog2Pow10(n)).as("n=%d", n).isEqualTo(e);
        }
    }

    /** G(k) = floor(10^-k 2^P) + 1, P = 125 - floor(log2 10^-k), for every k, recomputed here. */
    @Test
    void thePowersOfTenTableIsRight() {
        for (int k = PowersOfTen.K_MIN; k <= PowersOfTen.K_MAX; k++) {
            BigInteger g = g(k);
            assertThat(g.bitLength()).isBetween(126, 127);
            BigInteger table = BigInteger.valueOf(PowersOfTen.G[2 * (k - PowersOfTen.K_MIN)]).shiftLeft(64)
                    .or(new BigInteger(Long.toUnsignedString(PowersOfTen.G[2 * (k - PowersOfTen.K_MIN) + 1])));
            assertThat(table).as("k=%d", k).isEqualTo(g);
        }
    }

    static BigInteger g(int k) {
        int p = 125 - ShortestDouble.floorLog2Pow10(-k);
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        if (k <= 0) {
            num = BigInteger.TEN.pow(-k);
        } else {
            den = BigInteger.TEN.pow(k);
        }
        if (p >= 0) {
            num = num.shiftLeft(p);
        } else {
            den = den.shiftLeft(-p);
        }
        return num.divide(den).add(BigInteger.ONE);
    }

    /** Prints PowersOfTen's table (how it was generated). */
    public static void main(String[] args) {
        BigInteger low = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int k = PowersOfTen.K_MIN; k <= PowersOfTen.K_MAX; k++) {
            BigInteger g = g(k);
            System.out.printf("        0x%016XL, 0x%016XL, // %d%n", g.shiftRight(64), g.and(low), k);
        }
    }

    private static BigInteger[] pow2(int q) {
        return q >= 0 ? new BigInteger[] {BigInteger.ONE.shiftLeft(q), BigInteger.ONE}
                : new BigInteger[] {BigInteger.ONE, BigInteger.ONE.shiftLeft(-q)};
    }

    private static BigInteger[] pow10(int n) {
        return n >= 0 ? new BigInteger[] {BigInteger.TEN.pow(n), BigInteger.ONE}
                : new BigInteger[] {BigInteger.ONE, BigInteger.TEN.pow(-n)};
    }

    private static int cmp(BigInteger[] a, BigInteger[] b) {
        return a[0].multiply(b[1]).compareTo(b[0].multiply(a[1]));
    }

    /** floor(log10(x * m/4)) for m = 1 (x itself, scaled by 4/4) or m = 3 (3/4 x). */
    private static int floorLog10(BigInteger[] x, int m) {
        BigInteger[] y = m == 1 ? x : new BigInteger[] {x[0].multiply(BigInteger.valueOf(3)), x[1].shiftLeft(2)};
        int k = (int) Math.floor((y[0].bitLength() - y[1].bitLength()) * 0.30103);
        while (cmp(y, pow10(k + 1)) >= 0) {
            k++;
        }
        while (cmp(y, pow10(k)) < 0) {
            k--;
        }
        return k;
    }

    @Test
    void pythonReadsBackTheSameDoubles(@TempDir Path dir) throws Exception {
        assumeTrue(python() != null, "python3 is not on the PATH");
        SplittableRandom r = new SplittableRandom(77);
        StringBuilder text = new StringBuilder();
        List<Long> bits = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian() * Math.pow(10, r.nextInt(-8, 9));
            if (!Double.isFinite(v)) {
                continue;
            }
            int end = ShortestDouble.write(v, buf, 0);
            text.append(new String(buf, 0, end, StandardCharsets.US_ASCII)).append('\n');
            bits.add(Double.doubleToRawLongBits(v));
        }
        Path in = dir.resolve("values.txt");
        Files.writeString(in, text);
        Process p = new ProcessBuilder(python(), "-c",
                "import struct,sys\n"
                + "for line in open(sys.argv[1]):\n"
                + "    print(struct.unpack('<q', struct.pack('<d', float(line)))[0])\n", in.toString())
                .redirectErrorStream(true).start();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join("\n", out)).isZero();
        assertThat(out.stream().map(Long::parseLong).toList()).isEqualTo(bits);
    }

    private static String python() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "python3");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
