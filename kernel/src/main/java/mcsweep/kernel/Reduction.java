package mcsweep.kernel;

import java.util.List;

/**
 * A mergeable summary: how the summaries of independent runs of one kernel (same parameters, different
 * random streams) combine into the summary of the single bigger run they make up together. The
 * {@code pi} kernel's is the sum of the sample and hit counts, with the estimate and its error recomputed
 * from the sums; a histogram would add bin counts, a running mean would pool counts and sums.
 *
 * <p>Contract: {@link #merge} takes two summaries named as the kernel's {@link Kernel#summaryNames()} and
 * returns one named the same way, so that merged summaries merge again. It must be associative (how the
 * parts are grouped does not change the result) and pure. Callers always merge parts in stream order
 * ({@link #mergeAll}), left to right, so the result is bit-identical however and wherever the parts ran, even
 * when floating-point addition makes a merge only approximately commutative.
 */
@FunctionalInterface
public interface Reduction {

    /** The summary of {@code left}'s run followed by {@code right}'s; {@code left} comes first in stream order. */
    Summary merge(Summary left, Summary right);

    /**
     * Merges {@code parts} left to right, in the order given (stream order).
     *
     * @throws IllegalArgumentException if {@code parts} is empty
     */
    default Summary mergeAll(List<Summary> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        Summary acc = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            acc = merge(acc, parts.get(i));
        }
        return acc;
    }
}
