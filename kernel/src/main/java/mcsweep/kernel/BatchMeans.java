package mcsweep.kernel;

/**
 * Mean of a correlated series and its standard error by the method of non-overlapping batch means, in
 * O(1) memory.
 *
 * <p>Markov chain samples are correlated, so the naive error {@code sd/sqrt(n)} is too small. The series
 * is cut into {@link #BATCHES} consecutive batches of equal size; once a batch is much longer than the
 * autocorrelation time its means are nearly independent, and the spread of the batch means gives an honest
 * error of the overall mean. The batch size is fixed up front from the known length of the series. Samples
 * left over after the last full batch count towards the mean but not towards the error.
 */
public final class BatchMeans {

    /** Number of batches: enough for a usable variance estimate, few enough for long batches. */
    public static final int BATCHES = 64;

    private final long batchSize;
    private long n;
    private double sum;          // of all samples
    private double batchSum;     // of the current batch
    private long inBatch;
    private long batches;        // full batches so far
    private double meanOfMeans;  // Welford over batch means
    private double m2OfMeans;

    /** @param expected how many samples {@link #add} will see in all */
    public BatchMeans(long expected) {
        this.batchSize = Math.max(1, expected / BATCHES);
    }

    public void add(double v) {
        n++;
        sum += v;
        batchSum += v;
        if (++inBatch == batchSize) {
            double mean = batchSum / batchSize;
            batches++;
            double d = mean - meanOfMeans;
            meanOfMeans += d / batches;
            m2OfMeans += d * (mean - meanOfMeans);
            batchSum = 0;
            inBatch = 0;
        }
    }

    public long count() {
        return n;
    }

    /** Mean of every sample; NaN when there were none. */
    public double mean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Standard error of {@link #mean()}; NaN with fewer than two full batches. */
    public double error() {
        if (batches < 2) {
            return Double.NaN;
        }
        double varianceOfMeans = m2OfMeans / (batches - 1);
        return Math.sqrt(varianceOfMeans / batches);
    }
}
