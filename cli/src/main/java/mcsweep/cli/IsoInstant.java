package mcsweep.cli;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString} to the millisecond ({@code 2026-11-26T18:22:06.123Z}, no fraction when it is
 * zero), spelt without {@code DateTimeFormatter}: the job log writes one per task on the sweeping thread,
 * and the formatter's first use cost about 6 ms of class initialisation and interpreted code there.
 */
final class IsoInstant {

    private IsoInstant() {
    }

    /** What {@code Instant.ofEpochMilli(millis).toString()} returns. */
    static String ofEpochMilli(long millis) {
        long seconds = Math.floorDiv(millis, 1000L);
        int ms = (int) Math.floorMod(millis, 1000L);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            return Instant.ofEpochMilli(millis).toString(); // signs and widths of far years: leave to the JDK
        }
        int second = (int) Math.floorMod(seconds, 86_400L);
        StringBuilder s = new StringBuilder(24).append(year);
        two(s.append('-'), date.getMonthValue());
        two(s.append('-'), date.getDayOfMonth());
        two(s.append('T'), second / 3600);
        two(s.append(':'), second / 60 % 60);
        two(s.append(':'), second % 60);
        if (ms != 0) {
            s.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
        }
        return s.append('Z').toString();
    }

    private static void two(StringBuilder s, int v) {
        s.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
