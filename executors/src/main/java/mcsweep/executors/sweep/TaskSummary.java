package mcsweep.executors.sweep;

import java.nio.file.Path;
import java.util.Map;

import mcsweep.kernel.Summary;

/**
 * What one task of a {@link Sweep} gave: the row {@code summary.csv} holds for it.
 *
 * @param index      the task's position in the sweep, from 0
 * @param parameters the task's parameter values, in the kernel's declared order
 * @param replica    which run of these values it is, from 0
 * @param seed       the task's seed, derived from the sweep seed and the task's identity
 * @param file       its trace file, or {@code null} when the sweep writes none
 * @param summary    the kernel's summary (names as {@code Kernel.summaryNames()}), or {@code null} if the task
 *                   failed or did not run
 * @param error      why it failed or did not run, or {@code null} if it finished
 */
public record TaskSummary(int index, Map<String, Double> parameters, int replica, long seed, Path file,
                          Summary summary, String error) {

    /** Copies {@code parameters}, keeping its order. */
    public TaskSummary {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** @return whether the task finished and has a summary */
    public boolean ok() {
        return summary != null;
    }

    /**
     * @param name a summary name of the kernel, such as {@code mean}
     * @return that value of the summary
     * @throws IllegalStateException if the task has no summary ({@link #error()} says why)
     * @throws IllegalArgumentException if the kernel has no summary of that name
     */
    public double get(String name) {
        if (summary == null) {
            throw new IllegalStateException("task " + index + " has no summary: " + error);
        }
        return summary.get(name);
    }
}
