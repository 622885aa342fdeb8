package mcsweep.kernel;

import java.util.random.RandomGenerator;

/**
 * Scheme {@code v3}'s (and {@code v4}'s) work on a block before the chain: {@link #draw} one
 * {@code nextLong()} per step, then {@link #apply}: each step's displacement
 * {@code d = (double) (r >> 32) * step} (the high 32 bits as a signed integer, {@code step = h*h * 2^-31}) and
 * threshold
 * {@code w = }{@link Ln#exponential32 E}{@code (r) * halfInvBeta - 0.5 * (d * d)} (from the low 32 bits).
 * Nothing here depends on the chain, and nothing needs a table, so the scalar loop is one C2 can vectorise
 * by itself. Not thread-safe: one per task run.
 *
 * <p>Two implementations give the same bits: {@link #SCALAR}, and {@link VectorBulkV3} with the Vector API
 * ({@link #vector()}), which evaluates the same operations in the same order lane by lane. Scheme {@code v4}'s
 * pass, {@link #single}, differs only in {@code E} ({@link Ln#exponential32Single}), and is scalar only.
 */
interface V3Bulk {

    /** Draws {@code n} steps' random bits into {@code rs}, in the stream's order. */
    static void draw(RandomGenerator rng, long[] rs, int n) {
        for (int i = 0; i < n; i++) {
            rs[i] = rng.nextLong();
        }
    }

    /**
     * Turns the bits of the last {@link #draw} into displacements {@code ds} and thresholds {@code ws};
     * {@code js} is scratch space of the same length.
     */
    void apply(long[] rs, double[] ds, double[] ws, double[] js, int n, double step, double halfInvBeta);

    /** The scalar pass: the definition, as {@link MetropolisReference} spells it step by step. */
    V3Bulk SCALAR = (rs, ds, ws, js, n, step, halfInvBeta) -> scalar(rs, ds, ws, js, 0, n, step, halfInvBeta);

    /** Steps {@code [from, to)} of the scalar pass (also {@link VectorBulkV3}'s tail). */
    static void scalar(long[] rs, double[] ds, double[] ws, double[] js, int from, int to, double step,
            double halfInvBeta) {
        // Ln.exponential32 spelled out and cut into loops of their own methods: C2 (JDK 25) vectorises each
        // of them alone, but neither one loop of it all nor (measured: twice as slow) the same loops in one
        // method. Intermediate values are stored as the doubles they are, so the bits are the same.
        displacements(rs, ds, from, to, step);
        uniforms(rs, ws, from, to);
        reduce(ws, js, from, to);
        thresholds(ds, ws, js, from, to, halfInvBeta);
    }

    /**
     * A new scheme {@code v4} pass for blocks of up to {@code capacity} steps: as {@link #SCALAR} up to
     * {@code z}, then {@code E} by {@link Ln#exponential32Single}, whose logarithm is in {@code float}, eight
     * lanes to a 256-bit vector. Holds its own scratch array: one per task run.
     */
    static V3Bulk single(int capacity) {
        final float[] fs = new float[capacity];
        return (rs, ds, ws, js, n, step, halfInvBeta) -> {
            displacements(rs, ds, 0, n, step);
            uniforms(rs, ws, 0, n);
            reduceSingle(ws, fs, js, 0, n);
            logSingle(fs, 0, n);
            thresholdsSingle(ds, js, fs, ws, 0, n, halfInvBeta);
        };
    }

    /** {@code u = 2^j z} as {@link #reduce}; {@code f = (float) (z - 1)} to {@code fs}, {@code j} to {@code js}. */
    private static void reduceSingle(double[] ws, float[] fs, double[] js, int from, int to) {
        for (int i = from; i < to; i++) {
            final long ix = Double.doubleToRawLongBits(ws[i]);
            final long t = ix - Ln.SQRT_HALF_BITS;
            fs[i] = (float) (Double.longBitsToDouble(ix - (t & Ln.EXPONENT_MASK)) - 1.0);
            js[i] = (double) (t >> 52);
        }
    }

    /**
     * {@code ln(1 + f)} in place, {@link Ln#logSingle} spelled out: calling it here took the v4 kernel 1.18x the
     * time (C2, JDK 25, vectorised the call's inlined body less well; {@code V3BulkTest} keeps the two equal). A
     * loop of its own: in one loop with {@link #thresholdsSingle}'s doubles, C2 vectorised neither as well (the
     * kernel took 1.07x the time).
     */
    private static void logSingle(float[] fs, int from, int to) {
        for (int i = from; i < to; i++) {
            final float f = fs[i];
            final float s = f / (2.0f + f);
            final float s2 = s * s;
            final float s4 = s2 * s2;
            final float odd = s4 * (Ln.LGF2 + s4 * Ln.LGF4);
            final float even = s2 * (Ln.LGF1 + s4 * Ln.LGF3);
            final float r = even + odd;
            final float hfsq = 0.5f * f * f;
            fs[i] = f - (hfsq - s * (hfsq + r));
        }
    }

    /** {@code E = -(j ln 2 + ln z)}, then {@code w = E * halfInvBeta - 0.5 * (d * d)} into {@code ws}. */
    private static void thresholdsSingle(double[] ds, double[] js, float[] lns, double[] ws, int from, int to,
            double halfInvBeta) {
        for (int i = from; i < to; i++) {
            final double e = -(js[i] * Ln.LN2 + (double) lns[i]);
            final double d = ds[i];
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        }
    }

    /** {@code d = (double) (r >> 32) * step}. */
    private static void displacements(long[] rs, double[] ds, int from, int to, double step) {
        for (int i = from; i < to; i++) {
            ds[i] = (double) (rs[i] >> 32) * step;
        }
    }

    /** {@code u = (k + 1/2) 2^-32}, {@code k} the low 32 bits. */
    private static void uniforms(long[] rs, double[] us, int from, int to) {
        for (int i = from; i < to; i++) {
            us[i] = ((double) (rs[i] & 0xFFFF_FFFFL) + 0.5) * 0x1p-32;
        }
    }

    /** {@code u = 2^j z}: {@code z} replaces {@code u} in {@code ws}, {@code j} goes to {@code js}. */
    private static void reduce(double[] ws, double[] js, int from, int to) {
        for (int i = from; i < to; i++) {
            final long ix = Double.doubleToRawLongBits(ws[i]);
            final long t = ix - Ln.SQRT_HALF_BITS;
            ws[i] = Double.longBitsToDouble(ix - (t & Ln.EXPONENT_MASK));
            js[i] = (double) (t >> 52);
        }
    }

    /** {@code E = -ln(2^j z)}, then {@code w = E * halfInvBeta - 0.5 * (d * d)} into {@code ws}. */
    private static void thresholds(double[] ds, double[] ws, double[] js, int from, int to, double halfInvBeta) {
        for (int i = from; i < to; i++) {
            final double z = ws[i];
            final double j = js[i];
            final double f = z - 1.0;
            final double s = f / (2.0 + f);
            final double s2 = s * s;
            final double s4 = s2 * s2;
            final double odd = s4 * (Ln.LG2 + s4 * (Ln.LG4 + s4 * Ln.LG6));
            final double even = s2 * (Ln.LG1 + s4 * (Ln.LG3 + s4 * (Ln.LG5 + s4 * Ln.LG7)));
            final double r = even + odd;
            final double hfsq = 0.5 * f * f;
            final double e = ((hfsq - (s * (hfsq + r) + j * Ln.LN2_LO)) - f) - j * Ln.LN2_HI;
            final double d = ds[i];
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        }
    }

    /**
     * A new Vector API pass, or {@code null} if this JVM was not started with
     * {@code --add-modules jdk.incubator.vector}.
     */
    static V3Bulk vector() {
        if (!VectorSupport.available()) {
            return null;
        }
        return new VectorBulkV3();
    }
}
