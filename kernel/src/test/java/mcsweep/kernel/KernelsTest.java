package mcsweep.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

/** {@link Kernels}: the built-in kernels found without a class path scan are the ones the scan finds. */
class KernelsTest {

    @Test
    void theBuiltInsAreWhatServiceLoaderFindsUnderTheirNames() {
        int builtIns = 0;
        for (Kernel k : ServiceLoader.load(Kernel.class)) {
            Kernel b = Kernels.BuiltIn.byName(k.name());
            if (b != null) {
                assertThat(b).as(k.name()).hasSameClassAs(k);
                builtIns++;
            }
        }
        assertThat(builtIns).as("metropolis and pi, both listed in META-INF/services").isEqualTo(2);
        assertThat(Kernels.byName(MetropolisKernel.NAME)).isSameAs(Kernels.BuiltIn.METROPOLIS);
        assertThat(Kernels.byName(PiKernel.NAME)).isSameAs(Kernels.BuiltIn.PI);
        assertThat(Kernels.names()).contains(MetropolisKernel.NAME, PiKernel.NAME);
    }

    @Test
    void anUnknownNameListsTheKernelsFound() {
        assertThatThrownBy(() -> Kernels.byName("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown kernel 'nope'; available: metropolis, pi");
    }
}
