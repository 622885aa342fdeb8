package mcsweep.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void timeUnitsConvertToNanosecondsAndThroughputsAreNotTimes() {
        assertThat(Score.nanosPer("us/op")).isEqualTo(1e3);
        assertThat(Score.nanosPer("s/op")).isEqualTo(1e9);
        assertThat(Score.isTime("ms/op")).isTrue();
        // ResultQueueOfferBenchmark reports a throughput: the report must skip it, not fail on it.
        assertThat(Score.isTime("ops/us")).isFalse();
        assertThatThrownBy(() -> Score.nanosPer("ops/us")).isInstanceOf(IllegalArgumentException.class);
    }
}
