package mcsweep.executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

/** {@link SweepExecutors}: the built-in executors found without a class path scan are the ones the scan finds. */
class SweepExecutorsTest {

    @Test
    void theBuiltInsAreWhatServiceLoaderFindsUnderTheirNames() {
        int found = 0;
        for (SweepExecutor e : ServiceLoader.load(SweepExecutor.class)) {
            SweepExecutor b = SweepExecutors.builtIn(e.name());
            assertThat(b).as("every executor this module lists in META-INF/services is a built-in: %s", e.name())
                    .isNotNull().hasSameClassAs(e);
            assertThat(b.name()).isEqualTo(e.name());
            found++;
        }
        assertThat(found).isEqualTo(6);
        assertThat(SweepExecutors.names())
                .containsExactly("forkjoin", "pool", "process", "sequential", "threads", "virtual");
    }

    @Test
    void byNameGivesAFreshInstanceAndNamesTheOthersForAnUnknownName() {
        assertThat(SweepExecutors.byName("forkjoin")).isNotSameAs(SweepExecutors.byName("forkjoin"))
                .hasSameClassAs(SweepExecutors.all().get(0));
        assertThatThrownBy(() -> SweepExecutors.byName("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown executor 'nope'; available: forkjoin, pool, process, sequential, threads, virtual");
    }
}
