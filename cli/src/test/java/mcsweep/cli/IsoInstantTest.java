package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Test
    void spellsInstantsAsInstantToStringDoes() {
        long[] edges = {0, 1, 999, 1000, 1010, 1100, -1, -1000, 86_399_999L, 253_402_300_799_999L,
            253_402_300_800_000L, -30_610_224_000_000L, -30_610_224_000_001L, 1_795_712_526_120L};
        for (long ms : edges) {
            assertThat(IsoInstant.ofEpochMilli(ms)).as("%d", ms).isEqualTo(Instant.ofEpochMilli(ms).toString());
        }
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            long ms = switch (i % 3) {
                case 0 -> r.nextLong(0, 4_102_444_800_000L);           // 1970-2100, to the millisecond
                case 1 -> r.nextLong(0, 4_102_444_800L) * 1000;        // whole seconds
                default -> r.nextLong(-400_000_000_000_000L, 400_000_000_000_000L); // far years either side
            };
            assertThat(IsoInstant.ofEpochMilli(ms)).as("%d", ms).isEqualTo(Instant.ofEpochMilli(ms).toString());
        }
    }
}
