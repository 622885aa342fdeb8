package mcsweep.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.LongToDoubleFunction;

import org.junit.jupiter.api.Test;

class LnTest {

    @Test
    void agreesWithStrictMathWithinTwoParts() {
        SplittableRandom r = new SplittableRandom(3);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            // Uniforms, and small ones (the far tail of E = -ln U) at every exponent.
            double v = i % 2 == 0 ? r.nextDouble() : r.nextDouble() * Math.scalb(1.0, -r.nextInt(1, 1022));
            if (v == 0 || v < Double.MIN_NORMAL) {
                continue;
            }
            double exact = StrictMath.log(v);
            worst = Math.max(worst, Math.abs(Ln.ofUniform(v) - exact) / Math.max(1, Math.abs(exact)));
        }
        assertThat(worst).isLessThan(2e-15);
    }

    /** The first published version of {@link Ln#ofUniform}, which scheme v2's traces were written with. */
    private static double firstVersion(double v) {
        if (v == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        long bits = Double.doubleToRawLongBits(v);
        int e = (int) (bits >>> 52) - 1023;
        int j = (int) (bits >>> (52 - Ln.TABLE_BITS)) & (Ln.SIZE - 1);
        double m = Double.longBitsToDouble((bits & Ln.FRACTION) | Ln.ONE);
        double r = m * Ln.INVERSE[j] - 1;
        double p = r * (1 + r * (-0.5 + r * (1.0 / 3 + r * (-0.25 + r * 0.2))));
        return e * Ln.LN2 + Ln.LOG_CENTRE[j] + p;
    }

    @Test
    void givesTheFirstVersionsBitsForEveryUniformAndEveryExponent() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 4_000_000; i++) {
            // Uniforms as drawn (53-bit multiples of 2^-53), then any positive double down to subnormals.
            double v = i % 2 == 0 ? (r.nextLong() >>> 11) * 0x1.0p-53
                    : Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
            if (Double.isNaN(v)) {
                continue;
            }
            assertThat(Double.doubleToRawLongBits(Ln.ofUniform(v))).as("%s", v)
                    .isEqualTo(Double.doubleToRawLongBits(firstVersion(v)));
        }
        for (double v : new double[] {0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-53, 0.5, Math.nextDown(1.0), 1.0}) {
            assertThat(Double.doubleToRawLongBits(Ln.ofUniform(v))).as("%s", v)
                    .isEqualTo(Double.doubleToRawLongBits(firstVersion(v)));
        }
    }

    @Test
    void edgeValues() {
        assertThat(Ln.ofUniform(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Ln.ofUniform(0.5)).isCloseTo(-Math.log(2), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(Ln.ofUniform(Math.nextDown(1.0))).isCloseTo(-0x1p-53, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(Ln.ofUniform(0x1p-53)).isCloseTo(-53 * Math.log(2), org.assertj.core.data.Offset.offset(1e-13));
    }

    @Test
    void isMonotoneOverNeighbouringUniforms() {
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 200_000; i++) {
            double v = r.nextDouble();
            if (v > 0) {
                assertThat(Ln.ofUniform(Math.nextUp(v))).isGreaterThanOrEqualTo(Ln.ofUniform(v));
            }
        }
    }

    // ---- scheme v3: exponential32

    /** -ln((k + 1/2) 2^-32) by StrictMath (correctly rounded to within an ulp), for comparison. */
    private static double exact32(long k) {
        return -StrictMath.log(((k & 0xFFFF_FFFFL) + 0.5) * 0x1p-32);
    }

    /**
     * The largest relative error of {@code e} against {@link #exact32} at the smallest and largest uniforms, both
     * sides of every power of two, the reduction's switch at sqrt(1/2) times a power of two, and 4 million
     * random {@code k}s.
     */
    private static double worstRelativeError32(LongToDoubleFunction e, long seed) {
        double worst = 0;
        for (int p = 0; p < 32; p++) {
            long k = 1L << p;
            for (long c : new long[] {k - 1, k, k + 1, (long) (k * Math.sqrt(0.5)), (long) (k * Math.sqrt(0.5)) + 1,
                    0xFFFF_FFFFL - k, 0xFFFF_FFFFL - k + 1}) {
                worst = Math.max(worst, Math.abs(e.applyAsDouble(c) - exact32(c)) / exact32(c));
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 4_000_000; i++) {
            long k = r.nextLong();
            worst = Math.max(worst, Math.abs(e.applyAsDouble(k) - exact32(k)) / exact32(k));
        }
        return worst;
    }

    @Test
    void exponential32AgreesWithStrictMathWithinOnePartIn1e15AtEveryEdgeAndExponent() {
        assertThat(worstRelativeError32(Ln::exponential32, 6)).isLessThan(1e-15);
    }

    @Test
    void exponential32AtItsExtremes() {
        // k = 0: u = 2^-33, E = 33 ln 2; k = 2^32 - 1: u = 1 - 2^-33, E = 2^-33 + 2^-67 + (below 1e-30)
        assertThat(Ln.exponential32(0)).isCloseTo(33 * Math.log(2), org.assertj.core.data.Offset.offset(1e-14));
        assertThat(Ln.exponential32(0xFFFF_FFFFL))
                .isCloseTo(0x1p-33 + 0x1p-67, org.assertj.core.data.Offset.offset(1e-25)).isPositive();
        assertThat(Ln.exponential32(0x8000_0000L)).isCloseTo(Math.log(2) - 0x1p-32,
                org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void exponential32AndExponential32SingleReadOnlyTheLow32Bits() {
        SplittableRandom r = new SplittableRandom(7);
        for (LongToDoubleFunction e : List.<LongToDoubleFunction>of(Ln::exponential32, Ln::exponential32Single)) {
            for (int i = 0; i < 100_000; i++) {
                long b = r.nextLong();
                assertThat(e.applyAsDouble(b)).isEqualTo(e.applyAsDouble(b & 0xFFFF_FFFFL))
                        .isEqualTo(e.applyAsDouble(b | 0xFFFF_FFFF_0000_0000L));
            }
        }
    }

    @Test
    void exponential32IsPositiveAndDecreasingInK() {
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < 400_000; i++) {
            long k = r.nextLong(0xFFFF_FFFFL);
            assertThat(Ln.exponential32(k)).isPositive().isGreaterThanOrEqualTo(Ln.exponential32(k + 1));
        }
        for (long k = 0; k < 100_000; k++) { // the steep end, where E changes most between neighbours
            assertThat(Ln.exponential32(k)).isGreaterThan(Ln.exponential32(k + 1));
        }
    }

    // ---- scheme v4: exponential32Single

    @Test
    void exponential32SingleAgreesWithStrictMathWithinTwoPartsIn1e7AtEveryEdgeAndExponent() {
        // Single precision, not double: well above v3's 1e-15.
        assertThat(worstRelativeError32(Ln::exponential32Single, 9)).isLessThan(2e-7).isGreaterThan(1e-9);
    }

    @Test
    void exponential32SingleAtItsExtremes() {
        // k = 0: u = 2^-33 = 2^-33 * 1 exactly, so ln z = 0 and E = 33 ln 2, the same as v3's
        assertThat(Ln.exponential32Single(0)).isEqualTo(33 * Ln.LN2);
        assertThat(Ln.exponential32Single(0xFFFF_FFFFL)).isPositive()
                .isCloseTo(0x1p-33, org.assertj.core.data.Offset.offset(1e-16));
    }

    /** {@code j} of {@code u = 2^j z} for {@code k}: where it changes, {@code z} jumps. */
    private static long reductionExponent(long k) {
        return (Double.doubleToRawLongBits((k + 0.5) * 0x1p-32) - Ln.SQRT_HALF_BITS) >> 52;
    }

    private static void assertDoesNotRiseAfter(long k) {
        double e0 = Ln.exponential32Single(k);
        double e1 = Ln.exponential32Single(k + 1);
        assertThat(e0).isPositive();
        if (reductionExponent(k) == reductionExponent(k + 1)) {
            assertThat(e1).as("k=%s", k).isLessThanOrEqualTo(e0);
        } else { // where z jumps, the float logarithms on either side round apart (6 of the 2^32 k rise)
            assertThat(e1).as("k=%s", k).isLessThan(e0 * (1 + 1e-7));
        }
    }

    @Test
    void exponential32SingleIsPositiveAndNonIncreasingInKButWhereTheReductionSwitches() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 400_000; i++) {
            assertDoesNotRiseAfter(r.nextLong(0xFFFF_FFFFL));
        }
        for (long k = 0; k < 100_000; k++) {
            assertDoesNotRiseAfter(k);
            assertDoesNotRiseAfter(0xFFFF_FFFEL - k);
        }
        // Around every switch; the exhaustive check (results/kernel-v7-2026-11-27) found rises at 6 of them, the
        // largest 9.1e-8 at k = 3037000499.
        Set<Long> switches = new TreeSet<>();
        for (int p = 0; p <= 32; p++) {
            long c = (long) (Math.sqrt(0.5) * Math.scalb(1.0, p));
            for (long k = Math.max(0, c - 3); k <= Math.min(0xFFFF_FFFEL, c + 3); k++) {
                assertDoesNotRiseAfter(k);
                if (reductionExponent(k) != reductionExponent(k + 1)) {
                    switches.add(k);
                }
            }
        }
        assertThat(switches).as("j goes from -33 (k = 0) through -31 (k = 1) to 0").hasSize(32);
        assertThat(Ln.exponential32Single(3037000500L)).isGreaterThan(Ln.exponential32Single(3037000499L));
    }
}
