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
}
