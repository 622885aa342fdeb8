package mcsweep.kernel;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The lesson's Metropolis sampler for {@code H(x) = x^2}, i.e. the density {@code exp(-beta x^2)}, whose
 * exact {@code <x^2>} is {@code 1/(2 beta)}.
 *
 * <p>One step, as in the program it replaces: propose {@code x' = x + d}, {@code d = h * U(-h, h)} (so the
 * step's half width is {@code h*h}), and accept with probability {@code min(1, exp(-beta dH))},
 * {@code dH = x'^2 - x^2}. Row {@code i} of the trace is the state after step {@code i} and whether it was
 * accepted ({@code 1}/{@code 0}). How the random numbers are drawn and tested is the {@link Scheme}'s:
 * <ul>
 * <li>{@code v1} (the lesson's): {@code d = h * (-h + 2h * U1)}; accept if {@code dH <= 0}, else draw
 *     {@code U2} and accept if {@code U2 < exp(-beta dH)}.
 * <li>{@code v2}: draw {@code U1} and {@code U2} every step, in that order; {@code d} as in v1,
 *     {@code E = -}{@link Ln#ofUniform ln}{@code (U2)} (an Exp(1) variate),
 *     {@code w = E * (0.5/beta) - 0.5 * (d*d)}; accept if {@code x*d <= w}, then {@code x = x + d}. In
 *     exact arithmetic this is {@code dH <= E/beta}, which has probability {@code min(1, exp(-beta dH))}.
 * <li>{@code v3}: one {@code r = nextLong()} per step; {@code d = (double) (r >> 32) * step}
 *     with {@code step = (h*h) * 2^-31} (the high 32 bits as a signed integer: {@code d} uniform on a grid
 *     of 2^32 points in [-h*h, h*h)), {@code E = }{@link Ln#exponential32}{@code (r)} (from the low 32 bits,
 *     {@code -ln((k + 1/2)/2^32)}); then {@code w} and the test as in v2.
 * <li>{@code v4} (the default): as v3, with {@code E = }{@link Ln#exponential32Single}{@code (r)}, whose
 *     logarithm is in single precision (relative error below 2e-7 instead of 1e-15): about 0.86x v3's time.
 *     Scalar only: the Vector API option does not apply to it.
 * </ul>
 * {@link MetropolisReference} keeps all four as naive one-step-at-a-time loops; this class's faster loops
 * must give the same bits (traces and summaries), which {@code MetropolisKernelTest} checks.
 *
 * <p>The summary: {@code iterations}, {@code acceptance} (rate), {@code mean_x}, {@code mean_x2}, each
 * with a batch-means standard error ({@code *_err}), {@code exact_x2 = 1/(2 beta)} and {@code deviation},
 * the distance of {@code mean_x2} from the exact value in units of its error.
 */
public final class MetropolisKernel implements Kernel {

    public static final String NAME = "metropolis";

    /** Index of each parameter in {@link #run}'s {@code params}. */
    public static final int X0 = 0, H = 1, BETA = 2;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.finite("x0", "starting point of the chain"),
            Parameter.positive("h", "step parameter; proposals are x + h*U(-h,h)"),
            Parameter.positive("beta", "inverse temperature; the density is exp(-beta*x^2)"));

    private static final List<Column> COLUMNS = List.of(Column.f64("x"), Column.i8("accept"));

    private static final List<String> SUMMARY = List.of(
            "iterations", "acceptance", "acceptance_err", "mean_x", "mean_x_err",
            "mean_x2", "mean_x2_err", "exact_x2", "deviation");

    /** Two accept bytes {@code acc[i], acc[i+1]} as one little-endian store (plain access needs no alignment). */
    private static final VarHandle ACCEPT_PAIR =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Rows per block: an eighth of {@link Block#DEFAULT_CAPACITY}, so that the block and the v2/v3 scratch
     * arrays stay in cache between the passes over them (the chain's stores above all) and a short task zeroes
     * little. Against 8192 rows, 2048 took v3 0.93-0.96x the time of a 100,000-step task, 0.84x of a
     * 10,000-step one (results/kernel-v4-2026-11-26). Since v3's chain draws the next block's bits, a task's
     * last block, which has nothing to draw, runs slower; 1024 against 2048: 0.94x the time of a 10,000-step
     * task (0.97x with CSV), 0.98x of a 100,000-step one; 512 and 256 were faster still on 10,000 steps but
     * 1.04x on 100,000, where each block's fixed cost shows (results/kernel-v6-2026-11-27).
     */
    static final int BLOCK = 1024;

    private final boolean vector;

    /**
     * The kernel as sweeps load it: schemes {@code v2} and {@code v3}'s bulk passes use the Vector API if
     * {@link VectorSupport#enabled()} ({@code -Dmcsweep.vector=true} and the module present).
     */
    public MetropolisKernel() {
        this(VectorSupport.enabled());
    }

    /**
     * @param vector whether schemes {@code v2} and {@code v3}'s bulk passes use the Vector API; ignored (scalar)
     *               if the JVM lacks {@code jdk.incubator.vector}. Either way the results are the same, bit for
     *               bit.
     */
    public MetropolisKernel(boolean vector) {
        this.vector = vector && VectorSupport.available();
    }

    /** Whether this kernel's schemes {@code v2} and {@code v3} run their bulk passes with the Vector API. */
    public boolean vectorised() {
        return vector;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Metropolis sampler for H(x)=x^2 (the lesson program): params x0, h, beta; trace x,accept";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> summaryNames() {
        return SUMMARY;
    }

    /** Runs a task under stream scheme {@code v1} (the lesson program's draws). */
    @Override
    public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink)
            throws IOException, InterruptedException {
        return run(params, iterations, rng, sink, Scheme.V1);
    }

    @Override
    public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink, Scheme scheme)
            throws IOException, InterruptedException {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0: " + iterations);
        }
        Run run = new Run(params, iterations, vector);
        sink.begin(COLUMNS);
        for (long done = 0; done < iterations; ) {
            final int n = (int) Math.min(run.xs.length, iterations - done);
            switch (scheme) {
                case V1 -> run.blockV1(n, rng);
                case V2 -> run.blockV2(n, rng);
                case V3, V4 -> run.blockV3(n, (int) Math.min(run.xs.length, iterations - done - n), rng, scheme);
            }
            run.block.length(n);
            sink.write(run.block);
            done += n;
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted after " + done + " of " + iterations + " steps");
            }
        }
        return run.summary();
    }

    /** One task's state: the chain, its block and scratch arrays, and the running statistics. */
    private static final class Run {
        final double h;
        final double beta;
        final double lo;          // U(-h, h) = lo + width * U(0, 1)
        final double width;
        final double halfInvBeta; // v2: E/(2 beta) as E * halfInvBeta, a product off the chain
        final long iterations;
        final Block block;
        final double[] xs;
        final byte[] acc;
        final BatchMeans accepted;
        final BatchMeans meanX;
        final BatchMeans meanX2;
        final boolean vector;
        double[] ds;              // v2 scratch: each step's displacement and threshold, drawn ahead
        double[] ws;
        V2Bulk bulk;
        final double step;        // v3: d = (r >> 32) * step, step = h*h * 2^-31
        long[] rs;                // v3 scratch: each step's random bits
        V3Bulk bulkV3;
        double x;

        Run(double[] params, long iterations, boolean vector) {
            this.vector = vector;
            this.x = params[X0];
            this.h = params[H];
            this.beta = params[BETA];
            this.lo = -h;
            this.width = 2.0 * h;
            this.halfInvBeta = 0.5 / beta;
            this.step = (h * h) * 0x1p-31;
            this.iterations = iterations;
            // No bigger than the run: zeroing a full 73 KB block was the whole cost of a short task.
            this.block = new Block(COLUMNS, (int) Math.max(1, Math.min(BLOCK, iterations)));
            this.xs = block.f64(0);
            this.acc = block.i8(1);
            this.accepted = new BatchMeans(iterations);
            this.meanX = new BatchMeans(iterations);
            this.meanX2 = new BatchMeans(iterations);
        }

        /** Scheme v1, the lesson's order of draws: the naive loop (see {@link MetropolisReference}). */
        void blockV1(int n, RandomGenerator rng) {
            double x = this.x;
            // Each step waits on the previous x (latency-bound); testing dH <= 0 first skips exp() and the
            // second uniform for about half the steps, which is what v1's draw order is.
            for (int i = 0; i < n; i++) {
                double xNew = x + h * (lo + width * rng.nextDouble());
                double dH = xNew * xNew - x * x;
                boolean accept = dH <= 0.0 || rng.nextDouble() < Math.exp(-beta * dH);
                if (accept) {
                    x = xNew;
                }
                xs[i] = x;
                acc[i] = accept ? (byte) 1 : (byte) 0;
            }
            this.x = x;
            for (int i = 0; i < n; i++) {
                double xi = xs[i];
                accepted.add(acc[i]);
                meanX.add(xi);
                meanX2.add(xi * xi);
            }
        }

        /**
         * Scheme v2, in three passes over the block, each at its own best speed: the draws (bound by the
         * generator), then everything computable from them ({@link V2Bulk}: the logarithm above all, with
         * the Vector API if asked), then the chain, which is left a product, a comparison and a select per
         * step (two steps at a time, without a branch), with the statistics folded into the same pass.
         * Tried and not kept: one fused loop of draws and chain (slower: a mispredicted select discards
         * the draws in flight), and sub-blocks sized for L1 (no gain).
         */
        void blockV2(int n, RandomGenerator rng) {
            if (ds == null) {
                ds = new double[xs.length];
                ws = new double[xs.length];
                bulk = vector ? V2Bulk.vector() : V2Bulk.SCALAR;
            }
            bulk.draw(rng, ds, ws, n);
            bulk.apply(ds, ws, n, h, lo, width, halfInvBeta);
            chain(0, n);
        }

        /**
         * Scheme v3 as v2 ({@link #blockV2}), with one {@code nextLong()} per step instead of two
         * {@code nextDouble()} and a logarithm without a table ({@link V3Bulk}). The chain's pass also draws
         * the next block's bits ({@link #chainDrawing}), so that the generator's work fills the time the chain
         * waits on its dependent operations: all of a task's steps but its last block's worth ({@link #BLOCK}) run that
         * way. The same numbers in the same order, so the same bits, and exactly one {@code nextLong()} per step.
         * Scheme v4 is the same but for its bulk pass ({@link V3Bulk#single}).
         *
         * @param next the length of the block after this one ({@code 0} if this is the last), {@code <= n}
         */
        void blockV3(int n, int next, RandomGenerator rng, Scheme scheme) {
            if (rs == null) { // the task's first block: its bits are drawn here, the others' by the chain
                rs = new long[xs.length];
                ds = new double[xs.length];
                ws = new double[xs.length];
                bulkV3 = scheme == Scheme.V4 ? V3Bulk.single(xs.length) : vector ? V3Bulk.vector() : V3Bulk.SCALAR;
                V3Bulk.draw(rng, rs, n);
            }
            // xs is free until the chain writes it: the bulk pass's scratch space (one array less to zero).
            bulkV3.apply(rs, ds, ws, xs, n, step, halfInvBeta);
            // rs is free once applied: the chain refills it with the next block's bits.
            chainDrawing(next, rng);
            chain(next, n);
        }

        /**
         * Steps {@code [from, to)} of the block from their displacements {@code ds} and thresholds {@code ws}
         * (schemes v2 to v4): accept if {@code x * d <= w}, then {@code x = x + d}; left a product, a
         * comparison and a select per step, with the statistics folded into the same pass.
         */
        private void chain(int from, int to) {
            final double[] ds = this.ds;
            final double[] ws = this.ws;
            double x = this.x;
            for (int i = from; i < to; ) {
                // Up to the next batch boundary: all three statistics have the same batches.
                final int end = (int) Math.min(to, i + meanX.room());
                final int start = i;
                double sx = meanX.sum(), bx = meanX.batchSum();
                double sx2 = meanX2.sum(), bx2 = meanX2.batchSum();
                int accepts = 0;
                // Two steps at a time: step i+1 is tested for both outcomes of step i and every candidate
                // state computed from x at once, then selected (ternaries on the states' bits: on doubles
                // C2 would always branch), so the chain waits on one product and one comparison per two
                // steps. The same operations on the same values as one step at a time, so the same bits.
                // The two accept bytes go out as one 16-bit store. C2 (JDK 25) still branches on step i's
                // outcome and selects the rest with cmov; the branch costs its mispredictions (the whole v3
                // kernel: 12.8 ns per step at h = 1, acceptance 0.73, 10.2 ns at h = 1e-5, acceptance 1), yet
                // every selection by bit masks instead, which has no branch, took as long at h = 1 (12.3 ns,
                // and 11.7 at h = 1e-5): the chain's dependent operations are then the limit. Against the
                // bit-mask select with two byte stores this loop was 0.84x the chain's time alone, 0.97-0.98x
                // the whole v3 kernel's ("Chain pass, round 2" in results/kernel-v3-2026-11-26).
                // A counted loop (i < pairsEnd, not i + 1 < end, which C2 does not take for one): its range
                // checks are hoisted and it has no safepoint poll per pair; 0.973x the v3 kernel's time.
                final int pairsEnd = i + ((end - i) & ~1);
                for (; i < pairsEnd; i += 2) {
                    final double d0 = ds[i];
                    final double d1 = ds[i + 1];
                    final double w1 = ws[i + 1];
                    final double y = x + d0; // the state after step i if it is accepted
                    final boolean b0 = x * d0 <= ws[i];
                    final boolean ifRejected = x * d1 <= w1;
                    final boolean ifAccepted = y * d1 <= w1;
                    final boolean b1 = b0 ? ifAccepted : ifRejected;
                    final long x1b = b0 ? Double.doubleToRawLongBits(y) : Double.doubleToRawLongBits(x);
                    final long nb = b0 ? Double.doubleToRawLongBits(y + d1) : Double.doubleToRawLongBits(x + d1);
                    final double x1 = Double.longBitsToDouble(x1b);
                    x = Double.longBitsToDouble(b1 ? nb : x1b);                                    // a1 ? x1 + d1 : x1
                    final int a0 = b0 ? 1 : 0;
                    final int a1 = b1 ? 1 : 0;
                    xs[i] = x1;
                    xs[i + 1] = x;
                    ACCEPT_PAIR.set(acc, i, (short) (a0 | a1 << 8));
                    accepts += a0 + a1;
                    sx += x1;
                    bx += x1;
                    final double x12 = x1 * x1;
                    sx2 += x12;
                    bx2 += x12;
                    sx += x;
                    bx += x;
                    final double x22 = x * x;
                    sx2 += x22;
                    bx2 += x22;
                }
                for (; i < end; i++) { // an odd step left over
                    final double d = ds[i];
                    // x'^2 - x^2 <= E/beta  <=>  x*d <= E/(2 beta) - d^2/2; the right side is ws[i].
                    final boolean accept = x * d <= ws[i];
                    x = accept ? x + d : x;
                    final int a = accept ? 1 : 0;
                    xs[i] = x;
                    acc[i] = (byte) a;
                    accepts += a;
                    sx += x;
                    bx += x;
                    final double x2 = x * x;
                    sx2 += x2;
                    bx2 += x2;
                }
                final int count = end - start;
                meanX.advance(count, sx, bx);
                meanX2.advance(count, sx2, bx2);
                // Sums of 0s and 1s are exact integers in a double, so counting in an int adds the same.
                accepted.advance(count, accepted.sum() + accepts, accepted.batchSum() + accepts);
            }
            this.x = x;
        }

        /**
         * Steps {@code [0, n)} of the block from their displacements {@code ds} and thresholds {@code ws}
         * (schemes v3 and v4) as {@link #chain}, drawing each step's {@code nextLong()} for the next block into
         * {@code rs} on the way: the generator's work is independent of the chain and fills the time the chain
         * waits on its dependent operations. That makes this loop bound by how many operations it has, not by
         * their latency, so it takes one step at a time (fewer operations than {@link #chain}'s pairs, 0.98x
         * the kernel's time), and selects the state by a bit mask: no branch, whose mispredictions would
         * throw away the draws in flight (with a branch per pair: 1.1x the time of the loop without draws).
         * A method of its own: with the draws behind a test in {@link #chain} ({@code if (rng != null)}), or
         * from a second generator class there (for no draws), C2 (JDK 25) lost the overlap.
         * results/kernel-v6-2026-11-27 has the measurements.
         */
        private void chainDrawing(int n, RandomGenerator rng) {
            final double[] ds = this.ds;
            final double[] ws = this.ws;
            final long[] rs = this.rs;
            double x = this.x;
            for (int i = 0; i < n; ) {
                final int end = (int) Math.min(n, i + meanX.room());
                final int start = i;
                double sx = meanX.sum(), bx = meanX.batchSum();
                double sx2 = meanX2.sum(), bx2 = meanX2.batchSum();
                long accepts = 0;
                for (; i < end; i++) {
                    rs[i] = rng.nextLong();
                    final double d = ds[i];
                    final long a = x * d <= ws[i] ? 1L : 0L;
                    final long xb = Double.doubleToRawLongBits(x);
                    x = Double.longBitsToDouble(xb ^ ((xb ^ Double.doubleToRawLongBits(x + d)) & -a)); // a ? x + d : x
                    xs[i] = x;
                    acc[i] = (byte) a;
                    accepts += a;
                    sx += x;
                    bx += x;
                    final double x2 = x * x;
                    sx2 += x2;
                    bx2 += x2;
                }
                final int count = end - start;
                meanX.advance(count, sx, bx);
                meanX2.advance(count, sx2, bx2);
                accepted.advance(count, accepted.sum() + accepts, accepted.batchSum() + accepts);
            }
            this.x = x;
        }

        Summary summary() {
            return MetropolisKernel.summary(beta, iterations, accepted, meanX, meanX2);
        }
    }

    /** The summary from the three running statistics. */
    static Summary summary(double beta, long iterations, BatchMeans accepted, BatchMeans meanX, BatchMeans meanX2) {
        double exact = 1.0 / (2.0 * beta);
        double mean2 = meanX2.mean();
        double err2 = meanX2.error();
        return new Summary(SUMMARY, new double[] {
            iterations,
            accepted.mean(), accepted.error(),
            meanX.mean(), meanX.error(),
            mean2, err2,
            exact, (mean2 - exact) / err2});
    }
}
