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

    /** Adds one sample. */
    public void add(double v) {
        n++;
        sum += v;
        batchSum += v;
        if (++inBatch == batchSize) {
            closeBatch();
        }
    }

    // ---- bulk interface: a kernel keeps the two running sums in registers over a run of samples that
    // ends at or before the batch boundary, then hands them back. Adding the same samples in the same
    // order this way gives bit for bit the result of add(), which is what the kernels' tests check.

    /** How many samples fit before the current batch is full, {@code >= 1}. */
    public long room() {
        return batchSize - inBatch;
    }

    /** The running sum of every sample so far, to continue in a bulk loop. */
    public double sum() {
        return sum;
    }

    /** The running sum of the current batch so far, to continue in a bulk loop. */
    public double batchSum() {
        return batchSum;
    }

    /**
     * Takes back the sums of a bulk loop over {@code count} more samples, which must each have been added
     * to both {@link #sum()} and {@link #batchSum()}, in order.
     *
     * @param count how many samples the loop added, {@code 0 <= count <= room()}
     */
    public void advance(long count, double sum, double batchSum) {
        if (count < 0 || count > room()) {
            throw new IllegalArgumentException("count " + count + " outside [0, " + room() + "]");
        }
        n += count;
        this.sum = sum;
        this.batchSum = batchSum;
        inBatch += count;
        if (inBatch == batchSize) {
            closeBatch();
        }
    }

    private void closeBatch() {
        double mean = batchSum / batchSize;
        batches++;
        double d = mean - meanOfMeans;
        meanOfMeans += d / batches;
        m2OfMeans += d * (mean - meanOfMeans);
        batchSum = 0;
        inBatch = 0;
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
