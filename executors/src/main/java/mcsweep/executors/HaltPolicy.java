package mcsweep.executors;

import java.util.Locale;

/** What a sweep does when a task fails, with GNU Parallel's {@code --halt} meanings. */
public enum HaltPolicy {
    /** Keep going: run every task; failures are reported and counted. */
    NEVER,
    /** Start no new task after the first failure; let running tasks finish. */
    SOON,
    /** Cancel running tasks at the first failure and start nothing new. */
    NOW;

    /** Parses {@code never}, {@code soon} or {@code now}, in any case. */
    public static HaltPolicy parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--halt must be never, soon or now, not '" + s + "'");
        }
    }
}
