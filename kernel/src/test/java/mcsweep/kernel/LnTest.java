package mcsweep.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

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
}
