package mcsweep.kernel;

/**
 * Scheme {@code v2}'s bulk pass over a block, between drawing and the chain: each step's two uniforms in,
 * its displacement {@code d = h * (lo + width * U1)} and threshold
 * {@code w = -ln(U2) * halfInvBeta - 0.5 * (d * d)} out, in place ({@code ds[i]} holds {@code U1} and
 * becomes {@code d}, {@code ws[i]} holds {@code U2} and becomes {@code w}). Nothing here depends on the
 * chain, so it runs at the CPU's throughput rather than its latency.
 *
 * <p>Two implementations give the same bits: {@link #SCALAR}, and {@link VectorBulk} with the Vector API
 * ({@link #vector()}), which evaluates the same {@code + - *} in the same order lane by lane.
 */
interface V2Bulk {

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
