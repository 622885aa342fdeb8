package mcsweep.cli;

import java.util.Map;

import mcsweep.kernel.Numbers;

/**
 * The allowed range of every numeric option, in one place: validation reads the bounds here and error
 * messages state them ({@code "--chunk: -1 is out of range; chunk must be an integer from 0 to 1000000"}).
 */
final class Limits {

    /** An inclusive range of integers for one option. */
    record Range(String name, long min, long max) {

        /**
         * @param option what the user typed ({@code --chunk}, or {@code ITERATIONS} for a positional one)
         * @throws UserError naming the option, the value and this range
         */
        long check(String option, long value) {
            if (value < min || value > max) {
                throw new UserError(option + ": " + value + " is out of range; " + name + " must be " + words());
            }
            return value;
        }

        String words() {
            return max == Long.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
        }
    }

    static final Range ITERATIONS = new Range("iterations", 1, Long.MAX_VALUE);
    static final Range REPLICAS = new Range("replicas", 1, Integer.MAX_VALUE);
    static final Range REPLICA = new Range("replica", 0, Integer.MAX_VALUE - 1);
    /** Tasks per submission; beyond a million a chunk is the whole sweep anyway. */
    static final Range CHUNK = new Range("chunk", 0, 1_000_000);
    /** Extra attempts per task; a task that dies a hundred times will die again. */
    static final Range RETRIES = new Range("retries", 0, 100);

    /** Per-task time limit in seconds: from a millisecond (the watchdog's resolution) to about 115 days. */
    static final double MIN_TIMEOUT = 0.001;
    static final double MAX_TIMEOUT = 1e7;

    /** Workers per executor: what each can really run at once. */
    private static final Map<String, Range> WORKERS = Map.of(
            // ForkJoinPool refuses a parallelism above 0x7fff
            "forkjoin", new Range("workers", 1, 0x7fff),
            // platform threads each reserve a stack
            "threads", new Range("workers", 1, 10_000),
            // virtual threads are cheap; N only bounds how many run the kernel at once
            "virtual", new Range("workers", 1, 1_000_000),
            // a JVM each (tens of MB of memory apiece)
            "process", new Range("workers", 1, 1024),
            "pool", new Range("workers", 1, 1024));
    private static final Range OTHER_WORKERS = new Range("workers", 1, 0x7fff);

    private Limits() {
    }

    /** The workers range of the executor called {@code executor} (any plugin's: 1 to 32767). */
    static Range workers(String executor) {
        return WORKERS.getOrDefault(executor, OTHER_WORKERS);
    }

    /** @throws UserError unless {@code seconds} is in [{@link #MIN_TIMEOUT}, {@link #MAX_TIMEOUT}] */
    static double timeout(String option, double seconds) {
        if (!(seconds >= MIN_TIMEOUT && seconds <= MAX_TIMEOUT)) {
            throw new UserError(option + ": " + Numbers.format(seconds) + " is out of range; timeout must be a number"
                    + " of seconds from " + Numbers.format(MIN_TIMEOUT) + " to " + Numbers.format(MAX_TIMEOUT));
        }
        return seconds;
    }
}
