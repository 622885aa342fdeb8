package mcsweep.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({"0.5, 0.5", "1, 1.0", "10, 10.0", "0.1, 0.1", "2.5, 2.5", "0.0001, 0.0001", "0.00001, 1e-05",
        "123456789012, 123456789012.0", "1e16, 1e+16", "-0.25, -0.25", "1.5e-7, 1.5e-07", "0, 0.0"})
    void spellsFloatsLikePython(double v, String python) {
        assertThat(Numbers.format(v)).isEqualTo(python);
        assertThat(Double.parseDouble(Numbers.format(v))).isEqualTo(v);
    }

    @org.junit.jupiter.api.Test
    void theFastPathSpellsLikeTheGeneralOne() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        double[] edges = {1e-3, Math.nextDown(1e-3), Math.nextDown(1e7), 1e7, 1, 100, 0.5, 1234567.0, 0.1 + 0.2};
        for (double e : edges) {
            assertThat(Numbers.format(e)).as("%s", e).isEqualTo(Numbers.slowFormat(e));
            assertThat(Numbers.format(-e)).isEqualTo(Numbers.slowFormat(-e));
        }
        for (int i = 0; i < 200_000; i++) {
            double v = (r.nextBoolean() ? 1 : -1) * Math.pow(10, r.nextDouble(-4, 8)) * (r.nextInt(3) == 0 ? 1 : r.nextDouble());
            if (i % 4 == 0) {
                v = Math.rint(v * 1000) / 1000; // short decimals, like sweep values
            }
            assertThat(Numbers.format(v)).as("%s", v).isEqualTo(Numbers.slowFormat(v));
        }
    }
}
