package mcsweep.cli;

import java.time.Instant;

/** The wall clock as one number: nanoseconds since the epoch, to the clock's resolution. */
final class WallClock {

    private WallClock() {
    }

    /** Now, in nanoseconds since 1970-01-01T00:00Z (a long holds them until the year 2262). */
    static long nanos() {
        return nanos(Instant.now());
    }

    /** {@code t} in nanoseconds since the epoch. */
    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
