package mcsweep.kernel;

import java.util.Arrays;
import java.util.Locale;

/**
 * Version of the stream scheme: which random numbers a task draws, from which seed, and how they decide
 * each step. A trace is reproducible from (sweep seed, task identity, algorithm, scheme); a new scheme never
 * changes what an old one produces, so every scheme ever published stays selectable.
 *
 * <p>All schemes derive the task seed the same way ({@link Seeds#taskSeed}); they differ in the kernel's
 * draws. For {@code metropolis}: {@link #V1} draws a second uniform only when a step goes uphill and tests
 * it against {@code exp(-beta dH)} (the lesson program's order); {@link #V2} always draws two uniforms per
 * step, so the numbers do not depend on the chain, and tests {@code x*d <= E/(2 beta) - d*d/2} with
 * {@code E = -ln(U2)}, exactly as {@link MetropolisKernel} spells it out; {@link #V3} tests the same way but
 * draws one {@code nextLong()} per step, 32 bits for the proposal and 32 for {@code E}, with a logarithm
 * that needs no table, and its chain draws the next block's numbers (about 0.64x v2's time,
 * {@code KernelV2LoopBenchmark}: 10.8 against 16.9 ns per step); {@link #V4} is v3 with {@code E}'s logarithm
 * in single precision ({@link Ln#exponential32Single}: relative error below 2e-7, statistically invisible),
 * for about 0.86x v3's time ({@code KernelV2LoopBenchmark}: 9.3 against 10.8 ns per step), the default since
 * then. Kernels that draw the same numbers under every scheme ignore it.
 */
public enum Scheme {
    /** The original scheme: the lesson program's draws. */
    V1,
    /** Two uniforms per step, always; the acceptance test off the chain's critical path. */
    V2,
    /** One {@code nextLong()} per step, split into the proposal's and the acceptance test's 32 bits. */
    V3,
    /**
     * As {@link #V3}, with the acceptance test's logarithm in single precision: about 0.86x the time. Its
     * decisions are v3's but where a step falls between the two schemes' thresholds, less than
     * {@code 2e-7 E/(2 beta)} apart.
     */
    V4;

    /** The scheme new sweeps use. */
    public static final Scheme DEFAULT = V4;

    /** The name users type and files record: {@code v1}, {@code v2}, {@code v3}, {@code v4}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The scheme called {@code id} ({@code v1}, {@code v2}, {@code v3} or {@code v4}).
     *
     * @throws IllegalArgumentException naming the accepted ids if there is none of that name
     */
    public static Scheme parse(String id) {
        for (Scheme s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a stream scheme; choose one of "
                + String.join(", ", Arrays.stream(values()).map(Scheme::id).toList()));
    }

    @Override
    public String toString() {
        return id();
    }
}
