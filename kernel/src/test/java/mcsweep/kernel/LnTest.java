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
