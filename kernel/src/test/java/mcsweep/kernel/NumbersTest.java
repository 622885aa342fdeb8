package mcsweep.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({"0.5, 0.5", "1, 1.0", "10, 10.0", "0.1, 0.1", "2.5, 2.5", "0.0001, 0.0001", "0.00001, 1e-05",
        "123456789012, 123456789012.0", "1e16, 1e+16", "-0.25, -0.25", "1.5e-7, 1.5e-07", "0, 0.0",
        "-0.0, -0.0", "0.00012, 0.00012", "1e15, 1000000000000000.0", "9999999999999998, 9999999999999998.0",
        "1.7976931348623157e308, 1.7976931348623157e+308", "1e100, 1e+100",
        "-2.5e-10, -2.5e-10", "12345678.9, 12345678.9", "1e7, 10000000.0"})
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

    @org.junit.jupiter.api.Test
    void spellsEveryDoubleAsTheBigDecimalVersionDid() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(12);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, Double.MIN_VALUE,
                Double.MIN_NORMAL, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        for (int p = -325; p <= 309; p++) {
            double ten = Double.parseDouble("1e" + p);
            values.addAll(java.util.List.of(ten, Math.nextUp(ten), Math.nextDown(ten), 1.5 * ten, 0.999 * ten,
                    Double.parseDouble("123e" + p), Double.parseDouble("9.999999e" + p)));
        }
        for (int i = 0; i < 300_000; i++) {
            values.add(switch (i % 3) {
                case 0 -> Double.longBitsToDouble(r.nextLong()); // every exponent, 17-digit mantissas
                case 1 -> (r.nextBoolean() ? 1 : -1) * Math.pow(10, r.nextDouble(-30, 30));
                default -> Double.parseDouble(r.nextInt(1, 100_000) + "e" + r.nextInt(-25, 25)); // short decimals
            });
        }
        for (double v : values) {
            for (double s : new double[] {v, -v}) {
                assertThat(Numbers.format(s)).as("%s", s).isEqualTo(PythonReprReference.format(s));
                assertThat(Numbers.slowFormat(s)).as("%s", s).isEqualTo(PythonReprReference.format(s));
            }
        }
    }
}
