package mcsweep.executors.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import mcsweep.kernel.Numbers;
import org.junit.jupiter.api.Test;

/** {@link FileTemplate#render}: each value spelled as {@link Numbers#format} spells it, whatever came before. */
class FileTemplateTest {

    @Test
    void everyNameSpellsItsOwnValuesWhileTheLastSpellingsAreReused() {
        FileTemplate t = new FileTemplate("b{beta}_m{x0}_h{h}_{index}.csv", List.of("x0", "h", "beta"));
        Random random = new Random(7);
        double[] pool = {0.1, 0.2, 1.0, 1e-05, 2.5, 0.0, 1e16, 0.30000000000000004};
        for (int i = 0; i < 2000; i++) {
            // Mostly the previous task's values, as in a grid; sometimes one or all change.
            double[] v = {pool[random.nextInt(3)], pool[random.nextInt(pool.length)], pool[random.nextInt(2) * 4]};
            assertThat(t.render(i, v, 10, 0, 42))
                    .isEqualTo("b" + Numbers.format(v[2]) + "_m" + Numbers.format(v[0]) + "_h" + Numbers.format(v[1])
                            + "_" + i + ".csv");
        }
        assertThat(t.render(0, new double[] {0.5, 1.0, 2.0}, 10, 0, 42)).isEqualTo("b2.0_m0.5_h1.0_0.csv");
        assertThat(t.render(1, new double[] {0.5, 1.0, 1e-05}, 10, 0, 42)).isEqualTo("b1e-05_m0.5_h1.0_1.csv");
    }

    @Test
    void manyDistinctValuesEachGetTheirOwnSpelling() {
        // More distinct values per parameter than the spellings kept, in a random order: replaced and colliding
        // entries must never give a value another one's spelling (0.0 and -0.0 included).
        FileTemplate t = new FileTemplate("{x0}_{h}.csv", List.of("x0", "h"));
        Random random = new Random(11);
        double[] pool = new double[500];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i < 2 ? (i == 0 ? 0.0 : -0.0) : random.nextInt(4) == 0 ? i : random.nextGaussian() * 1e3;
        }
        for (int i = 0; i < 20_000; i++) {
            double[] v = {pool[random.nextInt(pool.length)], pool[random.nextInt(pool.length)]};
            assertThat(t.render(i, v, 10, 0, 42)).isEqualTo(Numbers.format(v[0]) + "_" + Numbers.format(v[1]) + ".csv");
        }
    }
}
