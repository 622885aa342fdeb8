package mcsweep.kernel;

import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * The {@link MetropolisKernel}'s steps written as plainly as possible, one step and one statistic update at
 * a time: the definition of each {@link Scheme} that the kernel's faster loops must match bit for bit
 * (tests), and the naive baseline of {@code KernelStepBenchmark}. Not for production use: it is slower.
 */
public final class MetropolisReference {

    private MetropolisReference() {
    }

    /** As {@link MetropolisKernel#run(double[], long, RandomGenerator, TraceSink, Scheme)}. */
    public static Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink, Scheme scheme)
            throws IOException {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0: " + iterations);
        }
        double x = params[MetropolisKernel.X0];
        final double h = params[MetropolisKernel.H];
        final double beta = params[MetropolisKernel.BETA];
        final double lo = -h;
        final double width = 2.0 * h;
        final double halfInvBeta = 0.5 / beta;
        final double dStep = (h * h) * 0x1p-31;
        Block block = new Block(new MetropolisKernel().columns(),
                (int) Math.max(1, Math.min(Block.DEFAULT_CAPACITY, iterations)));
        double[] xs = block.f64(0);
        byte[] acc = block.i8(1);
        BatchMeans accepted = new BatchMeans(iterations);
        BatchMeans meanX = new BatchMeans(iterations);
        BatchMeans meanX2 = new BatchMeans(iterations);
        sink.begin(new MetropolisKernel().columns());
        int i = 0;
        for (long step = 0; step < iterations; step++) {
            boolean accept;
            if (scheme == Scheme.V1) {
                double xNew = x + h * (lo + width * rng.nextDouble());
                double dH = xNew * xNew - x * x;
                accept = dH <= 0.0 || rng.nextDouble() < Math.exp(-beta * dH);
                if (accept) {
                    x = xNew;
                }
            } else if (scheme == Scheme.V3 || scheme == Scheme.V4) {
                long r = rng.nextLong();
                double d = (double) (r >> 32) * dStep;
                double e = scheme == Scheme.V3 ? Ln.exponential32(r) : Ln.exponential32Single(r);
                double w = e * halfInvBeta - 0.5 * (d * d);
                accept = x * d <= w;
                if (accept) {
                    x = x + d;
                }
            } else {
                double d = h * (lo + width * rng.nextDouble());
                double e = -Ln.ofUniform(rng.nextDouble());
                double w = e * halfInvBeta - 0.5 * (d * d);
                accept = x * d <= w;
                if (accept) {
                    x = x + d;
                }
            }
            accepted.add(accept ? 1 : 0);
            meanX.add(x);
            meanX2.add(x * x);
            xs[i] = x;
            acc[i] = accept ? (byte) 1 : (byte) 0;
            if (++i == xs.length || step == iterations - 1) {
                block.length(i);
                sink.write(block);
                i = 0;
            }
        }
        return MetropolisKernel.summary(beta, iterations, accepted, meanX, meanX2);
    }
}
