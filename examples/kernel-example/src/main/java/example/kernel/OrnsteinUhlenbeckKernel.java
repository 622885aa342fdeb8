package example.kernel;

import java.io.IOException;
import java.util.List;
import java.util.random.RandomGenerator;

import mcsweep.kernel.BatchMeans;
import mcsweep.kernel.Block;
import mcsweep.kernel.Column;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.Summary;
import mcsweep.kernel.TraceSink;

/**
 * An example kernel in its own jar: the Ornstein-Uhlenbeck process {@code dx = -theta x dt + sigma dW},
 * sampled exactly at steps of {@code dt = 0.01}: {@code x' = a x + s N(0,1)} with {@code a = exp(-theta dt)}
 * and {@code s = sigma sqrt((1 - a^2) / (2 theta))}. Its stationary {@code <x^2>} is {@code sigma^2 / (2 theta)}.
 *
 * <p>Everything a kernel must do is here: a name, parameters with ranges, declared trace columns, summary
 * names, and a {@link #run} that takes all its randomness from the generator it is given, fills blocks,
 * and checks for interrupts between them.
 */
public final class OrnsteinUhlenbeckKernel implements Kernel {

    private static final double DT = 0.01;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.finite("x0", "starting point"),
            Parameter.positive("theta", "mean-reversion rate"),
            Parameter.positive("sigma", "noise strength"));

    private static final List<Column> COLUMNS = List.of(Column.f64("x"));

    private static final List<String> SUMMARY = List.of("mean_x", "mean_x_err", "mean_x2", "mean_x2_err", "exact_x2");

    @Override
    public String name() {
        return "ou";
    }

    @Override
    public String description() {
        return "Ornstein-Uhlenbeck process (example plugin): params x0, theta, sigma; trace x";
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

    @Override
    public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink)
            throws IOException, InterruptedException {
        double x = params[0];
        double theta = params[1];
        double sigma = params[2];
        double a = Math.exp(-theta * DT);
        double s = sigma * Math.sqrt((1 - a * a) / (2 * theta));

        Block block = new Block(COLUMNS, (int) Math.max(1, Math.min(Block.DEFAULT_CAPACITY, iterations)));
        double[] xs = block.f64(0);
        BatchMeans meanX = new BatchMeans(iterations);
        BatchMeans meanX2 = new BatchMeans(iterations);
        sink.begin(COLUMNS);
        for (long done = 0; done < iterations; ) {
            int n = (int) Math.min(xs.length, iterations - done);
            for (int i = 0; i < n; i++) {
                x = a * x + s * rng.nextGaussian();
                xs[i] = x;
                meanX.add(x);
                meanX2.add(x * x);
            }
            block.length(n);
            sink.write(block);
            done += n;
            if (Thread.interrupted()) { // the contract: stop at a block boundary when interrupted
                throw new InterruptedException("interrupted after " + done + " steps");
            }
        }
        return new Summary(SUMMARY, new double[] {
            meanX.mean(), meanX.error(), meanX2.mean(), meanX2.error(), sigma * sigma / (2 * theta)});
    }
}
