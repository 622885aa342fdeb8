package mcsweep.kernel;

import java.util.random.RandomGenerator;

/**
 * Scheme {@code v2}'s work on a block before the chain: {@link #draw} the block's uniforms, then
 * {@link #apply}: each step's displacement {@code d = h * (lo + width * U1)} and threshold
 * {@code w = -ln(U2) * halfInvBeta - 0.5 * (d * d)}, in place ({@code ds[i]} holds {@code U1} and becomes
 * {@code d}, {@code ws[i]} holds {@code U2} and becomes {@code w}). Nothing here depends on the chain, so
 * it runs at the CPU's throughput rather than its latency. Not thread-safe: one per task run.
 *
 * <p>Two implementations give the same bits: {@link #SCALAR}, and {@link VectorBulk} with the Vector API
 * ({@link #vector()}), which evaluates the same {@code + - *} in the same order lane by lane.
 */
interface V2Bulk {

    /**
     * Draws {@code n} steps' uniforms, {@code U1} into {@code ds[i]} and {@code U2} into {@code ws[i]},
     * in the stream's order ({@code U1, U2} of step 0, then of step 1, ...). Call before {@link #apply}
     * with the same {@code n}: an implementation may note what it needs from the draws as they are made.
     */
    default void draw(RandomGenerator rng, double[] ds, double[] ws, int n) {
        for (int i = 0; i < n; i++) {
            ds[i] = rng.nextDouble();
            ws[i] = rng.nextDouble();
        }
    }

    /** Turns the uniforms of the last {@link #draw} into displacements and thresholds. */
    void apply(double[] ds, double[] ws, int n, double h, double lo, double width, double halfInvBeta);

    /** The scalar pass: the definition, as {@link MetropolisReference} spells it step by step. */
    V2Bulk SCALAR = (ds, ws, n, h, lo, width, halfInvBeta) -> scalar(ds, ws, 0, n, h, lo, width, halfInvBeta);

    /** Steps {@code [from, to)} of the scalar pass (also {@link VectorBulk}'s tail). */
    static void scalar(double[] ds, double[] ws, int from, int to, double h, double lo, double width,
            double halfInvBeta) {
        for (int i = from; i < to; i++) {
            final double d = h * (lo + width * ds[i]);
            final double e = -Ln.ofUniform(ws[i]);
            ds[i] = d;
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        }
    }

    /**
     * A new Vector API pass (each holds scratch space: one per task run), or {@code null} if this JVM was
     * not started with {@code --add-modules jdk.incubator.vector}.
     */
    static V2Bulk vector() {
        if (!VectorSupport.available()) {
            return null;
        }
        return new VectorBulk();
    }
}
