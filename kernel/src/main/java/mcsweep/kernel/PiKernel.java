package mcsweep.kernel;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The dartboard estimate of pi: throw {@code iterations} darts uniformly into the unit square, count those
 * that land in the quarter disc {@code x^2 + y^2 <= 1}; {@code 4 * hits / samples} estimates pi with
 * standard error {@code 4 * sqrt(p (1 - p) / samples)}, {@code p = hits / samples}.
 *
 * <p>It is the lesson's "surprisingly parallelisable" case: the counts of independent streams simply add,
 * which this kernel declares as its {@link #reduction()}, so one huge estimate can be split into streams,
 * run anywhere, and merged into exactly the summary one run of all the samples would report (counts are
 * exact in a double up to 2^53 samples).
 *
 * <p>The trace, when one is asked for, has a row per dart: {@code x}, {@code y} and {@code inside}
 * ({@code 1}/{@code 0}). Without one ({@link TraceSink#NONE}) the loop only counts.
 */
public final class PiKernel implements Kernel {

    public static final String NAME = "pi";

    private static final List<Column> COLUMNS = List.of(Column.f64("x"), Column.f64("y"), Column.i8("inside"));

    /** Index of each value in the summary. */
    public static final int SAMPLES = 0, HITS = 1, ESTIMATE = 2, ESTIMATE_ERR = 3;

    private static final List<String> SUMMARY = List.of("samples", "hits", "estimate", "estimate_err");

    private static final Reduction SUM_OF_COUNTS = (a, b) ->
            summary(a.value(SAMPLES) + b.value(SAMPLES), a.value(HITS) + b.value(HITS));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "dartboard estimate of pi: iterations = darts; trace x,y,inside; mergeable (sum of counts)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
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
    public Optional<Reduction> reduction() {
        return Optional.of(SUM_OF_COUNTS);
    }

    /** The summary of {@code samples} darts of which {@code hits} landed inside. */
    public static Summary summary(double samples, double hits) {
        double p = hits / samples;
        return new Summary(SUMMARY, new double[] {samples, hits, 4.0 * p, 4.0 * Math.sqrt(p * (1.0 - p) / samples)});
    }

    @Override
    public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink)
            throws IOException, InterruptedException {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0: " + iterations);
        }
        boolean tracing = sink != TraceSink.NONE; // counting alone allocates nothing and skips the arrays
        Block block = tracing
                ? new Block(COLUMNS, (int) Math.max(1, Math.min(Block.DEFAULT_CAPACITY, iterations))) : null;
        sink.begin(COLUMNS);
        long hits = 0;
        for (long done = 0; done < iterations; ) {
            int n = (int) Math.min(Block.DEFAULT_CAPACITY, iterations - done);
            if (tracing) {
                double[] xs = block.f64(0);
                double[] ys = block.f64(1);
                byte[] in = block.i8(2);
                for (int i = 0; i < n; i++) {
                    double x = rng.nextDouble();
                    double y = rng.nextDouble();
                    boolean inside = x * x + y * y <= 1.0;
                    xs[i] = x;
                    ys[i] = y;
                    in[i] = inside ? (byte) 1 : (byte) 0;
                    hits += inside ? 1 : 0;
                }
                block.length(n);
                sink.write(block);
            } else {
                int h = 0;
                for (int i = 0; i < n; i++) {
                    double x = rng.nextDouble();
                    double y = rng.nextDouble();
                    h += x * x + y * y <= 1.0 ? 1 : 0;
                }
                hits += h;
            }
            done += n;
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted after " + done + " of " + iterations + " samples");
            }
        }
        return summary(iterations, hits);
    }
}
