package mcsweep.bench;

import java.io.IOException;
import java.util.List;
import java.util.random.RandomGenerator;

import mcsweep.kernel.BatchMeans;
import mcsweep.kernel.Block;
import mcsweep.kernel.Column;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Summary;
import mcsweep.kernel.TraceSink;

/**
 * The scheme v2 kernel loop as it was before the kernel's three-pass rewrite (issue 12), kept verbatim,
 * with the logarithm as it was then: the "before" of {@link KernelV2LoopBenchmark#before}. Draws and
 * logarithms were made in one pass, the logarithm's exponent converted from an {@code int}, then the chain.
 * Same bits as the kernel (the kernel's tests prove the kernel equals the naive reference; this is the
 * older fast loop, only timed).
 */
final class V2LoopBefore {

    private static final MetropolisKernel KERNEL = new MetropolisKernel(false);
    private static final List<Column> COLUMNS = KERNEL.columns();

    private static final int SIZE = 128;
    private static final double[] INVERSE = new double[SIZE];
    private static final double[] LOG_CENTRE = new double[SIZE];

    static {
        for (int j = 0; j < SIZE; j++) {
            double c = 1 + (j + 0.5) / SIZE;
            INVERSE[j] = 1 / c;
            LOG_CENTRE[j] = -StrictMath.log(INVERSE[j]);
        }
    }

    private V2LoopBefore() {
    }

    static double ln(double v) {
        if (v == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        long bits = Double.doubleToRawLongBits(v);
        int e = (int) (bits >>> 52) - 1023;
        int j = (int) (bits >>> 45) & (SIZE - 1);
        double m = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        double r = m * INVERSE[j] - 1;
        double p = r * (1 + r * (-0.5 + r * (1.0 / 3 + r * (-0.25 + r * 0.2))));
        return e * 0.6931471805599453 + LOG_CENTRE[j] + p;
    }

    static Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink) throws IOException {
        double x = params[MetropolisKernel.X0];
        final double h = params[MetropolisKernel.H];
        final double beta = params[MetropolisKernel.BETA];
        final double lo = -h;
        final double width = 2.0 * h;
        final double halfInvBeta = 0.5 / beta;
        Block block = new Block(COLUMNS, (int) Math.max(1, Math.min(Block.DEFAULT_CAPACITY, iterations)));
        double[] xs = block.f64(0);
        byte[] acc = block.i8(1);
        BatchMeans accepted = new BatchMeans(iterations);
        BatchMeans meanX = new BatchMeans(iterations);
        BatchMeans meanX2 = new BatchMeans(iterations);
        double[] ds = new double[xs.length];
        double[] ws = new double[xs.length];
        sink.begin(COLUMNS);
        for (long done = 0; done < iterations; ) {
            final int n = (int) Math.min(xs.length, iterations - done);
            for (int i = 0; i < n; i++) {
                double d = h * (lo + width * rng.nextDouble());
                double e = -ln(rng.nextDouble());
                ds[i] = d;
                ws[i] = e * halfInvBeta - 0.5 * (d * d);
            }
            for (int i = 0; i < n; ) {
                final int end = (int) Math.min(n, i + meanX.room());
                final int start = i;
                double sx = meanX.sum(), bx = meanX.batchSum();
                double sx2 = meanX2.sum(), bx2 = meanX2.batchSum();
                int accepts = 0;
                for (; i < end; i++) {
                    final double d = ds[i];
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
                accepted.advance(count, accepted.sum() + accepts, accepted.batchSum() + accepts);
            }
            block.length(n);
            sink.write(block);
            done += n;
        }
        double exact = 1.0 / (2.0 * beta);
        return new Summary(KERNEL.summaryNames(), new double[] {
            iterations, accepted.mean(), accepted.error(), meanX.mean(), meanX.error(),
            meanX2.mean(), meanX2.error(), exact, (meanX2.mean() - exact) / meanX2.error()});
    }
}
