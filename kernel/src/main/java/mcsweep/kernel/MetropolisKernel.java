package mcsweep.kernel;

import java.io.IOException;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The lesson's Metropolis sampler for {@code H(x) = x^2}, i.e. the density {@code exp(-beta x^2)}, whose
 * exact {@code <x^2>} is {@code 1/(2 beta)}.
 *
 * <p>One step, as in the program it replaces: propose {@code x' = x + h * U(-h, h)} (so the step's half
 * width is {@code h*h}); with {@code dH = x'^2 - x^2}, accept if {@code dH <= 0}, else if
 * {@code U(0,1) < exp(-beta dH)}. Row {@code i} of the trace is the state after step {@code i} and
 * whether it was accepted ({@code 1}/{@code 0}). A second uniform is drawn only when {@code dH > 0}.
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

    @Override
    public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink)
            throws IOException, InterruptedException {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0: " + iterations);
        }
        double x = params[X0];
        final double h = params[H];
        final double beta = params[BETA];
        final double lo = -h;          // U(-h, h) = lo + width * U(0, 1)
        final double width = 2.0 * h;

        // No bigger than the run: zeroing a full 73 KB block was the whole cost of a short task (~10 us).
        Block block = new Block(COLUMNS, (int) Math.max(1, Math.min(Block.DEFAULT_CAPACITY, iterations)));
        final double[] xs = block.f64(0);
        final byte[] acc = block.i8(1);
        BatchMeans accepted = new BatchMeans(iterations);
        BatchMeans meanX = new BatchMeans(iterations);
        BatchMeans meanX2 = new BatchMeans(iterations);

        sink.begin(COLUMNS);
        for (long done = 0; done < iterations; ) {
            final int n = (int) Math.min(xs.length, iterations - done);
            // Hot loop: primitives only. Each step waits on the previous x, so it is latency-bound;
            // testing dH <= 0 first skips exp() and the second uniform for about half the steps.
            for (int i = 0; i < n; i++) {
                Slowdown.step(); // nothing unless -Dmcsweep.slowdown (the regression gate's proof)
                double xNew = x + h * (lo + width * rng.nextDouble());
                double dH = xNew * xNew - x * x;
                boolean accept = dH <= 0.0 || rng.nextDouble() < Math.exp(-beta * dH);
                if (accept) {
                    x = xNew;
                }
                xs[i] = x;
                acc[i] = accept ? (byte) 1 : (byte) 0;
            }
            for (int i = 0; i < n; i++) {
                double xi = xs[i];
                accepted.add(acc[i]);
                meanX.add(xi);
                meanX2.add(xi * xi);
            }
            block.length(n);
            sink.write(block);
            done += n;
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted after " + done + " of " + iterations + " steps");
            }
        }

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
