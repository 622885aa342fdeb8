package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class WallClockTest {

    @Test
    void anInstantIsItsNanosecondsSinceTheEpoch() {
        for (String t : new String[] {"1970-01-01T00:00:00Z", "1970-01-01T00:00:01.000000005Z",
            "2026-11-26T21:20:00.123456789Z", "2262-04-11T23:47:16.854775807Z"}) {
            Instant i = Instant.parse(t);
            assertThat(WallClock.nanos(i)).as(t).isEqualTo(ChronoUnit.NANOS.between(Instant.EPOCH, i));
        }
    }

    @Test
    void nowIsBetweenTheInstantsReadAroundIt() {
        Instant before = Instant.now();
        long now = WallClock.nanos();
        Instant after = Instant.now();

        assertThat(now).isBetween(WallClock.nanos(before), WallClock.nanos(after));
    }
}
