package mcsweep.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import mcsweep.kernel.Block;
import mcsweep.kernel.Column;
import mcsweep.kernel.Ln;
import mcsweep.kernel.Seeds;
import mcsweep.kernel.io.CsvTraceWriter;
import mcsweep.kernel.io.ShortestDouble;

/**
 * The parts of a Metropolis step timed alone, per value, in throughput (a loop of independent values, as
 * the v2 kernel's bulk pass computes them): so that a reader of {@link KernelStepBenchmark} sees where a
 * step's time goes. A v1 step costs one or two {@code nextDouble}, an {@code exp} on the chain's critical
 * path (its latency, not this throughput), and a {@code Double.toString} per new CSV value; a v2 step two
 * {@code nextDouble}, one {@code Ln.ofUniform} and, with CSV, one {@code ShortestDouble.write}.
 *
 * <p>The formatter and the CSV writer also have their "before" lines: {@code shortestDoubleBefore} and
 * {@code csvRowBefore} (formatter and writer before the SWAR layout) and {@code csvRowToString} (a
 * {@code Double.toString} per value).
 *
 * <p>Each benchmark sums or stores its results, and the sum or the buffer's last byte is returned to JMH;
 * inputs are uniforms drawn once in {@code setup}, so the generator's cost stays out of the others.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBaselineBenchmark {

    static final int N = 1024;

    @Param({"L64X128MixRandom"})
    String rng;

    private RandomGenerator generator;
    private final double[] uniforms = new double[N];
    private final double[] traceValues = new double[N];
    private final byte[] buf = new byte[N * ShortestDouble.MAX_LENGTH];
    private static final List<Column> TRACE_COLUMNS = List.of(Column.f64("x"), Column.i8("accept"));
    private Block traceBlock;
    private CsvTraceWriter csv;
    private LegacyCsvTraceWriter csvBefore;
    private ToStringCsvWriter csvToString;
    private final KernelStepBenchmark.CountingStream discard = new KernelStepBenchmark.CountingStream();

    @Setup
    public void setup() throws IOException {
        generator = Seeds.generator(rng, Workloads.SWEEP_SEED);
        for (int i = 0; i < N; i++) {
            uniforms[i] = generator.nextDouble();
            traceValues[i] = generator.nextGaussian() * 0.7; // like a trace's x
        }
        traceBlock = new Block(TRACE_COLUMNS, N);
        double x = 0.5;
        for (int i = 0; i < N; i++) {
            boolean accept = generator.nextInt(3) > 0;
            x = accept ? traceValues[i] : x;
            traceBlock.f64(0)[i] = x;
            traceBlock.i8(1)[i] = (byte) (accept ? 1 : 0);
        }
        traceBlock.length(N);
        csv = new CsvTraceWriter(discard);
        csv.begin(TRACE_COLUMNS);
        csvBefore = new LegacyCsvTraceWriter(discard);
        csvBefore.begin(TRACE_COLUMNS);
        csvToString = new ToStringCsvWriter(discard);
        csvToString.begin(TRACE_COLUMNS);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double nextDouble() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += generator.nextDouble();
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double nextExponential() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += generator.nextExponential();
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double mathExp() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += Math.exp(-uniforms[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double mathLog() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += Math.log(uniforms[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double lnOfUniform() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += Ln.ofUniform(uniforms[i]);
        }
        return s;
    }

    /** {@link Ln#ofUniform} as it was before issue 12 ({@link V2LoopBefore#ln}): the same bits, slower. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double lnOfUniformBefore() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += V2LoopBefore.ln(uniforms[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int shortestDouble() {
        int pos = 0;
        for (int i = 0; i < N; i++) {
            pos = ShortestDouble.write(traceValues[i], buf, pos);
        }
        return pos + buf[pos - 1];
    }

    /** The formatter as it was before its SWAR layout ({@link LegacyShortestDouble}): the "before" line. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int shortestDoubleBefore() {
        int pos = 0;
        for (int i = 0; i < N; i++) {
            pos = LegacyShortestDouble.write(traceValues[i], buf, pos);
        }
        return pos + buf[pos - 1];
    }

    /**
     * Per row: the CSV writer alone on a trace-like block ({@code x,accept}, a third of the steps rejected,
     * repeating the previous x), into a stream that discards the bytes; the writer is made once, so the
     * allocation per operation is the writer's own (none).
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public long csvRow() throws IOException {
        csv.write(traceBlock);
        csv.flush();
        return discard.bytes + discard.last;
    }

    /** {@link #csvRow} with the writer and formatter as they were before the SWAR layout. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long csvRowBefore() throws IOException {
        csvBefore.write(traceBlock);
        csvBefore.flush();
        return discard.bytes + discard.last;
    }

    /** {@link #csvRow} with the writer as it was before {@code ShortestDouble}: a {@code String} per value. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long csvRowToString() throws IOException {
        csvToString.write(traceBlock);
        csvToString.flush();
        return discard.bytes + discard.last;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int doubleToString() {
        int n = 0;
        for (int i = 0; i < N; i++) {
            String s = Double.toString(traceValues[i]);
            n += s.length() + s.charAt(s.length() - 1);
        }
        return n;
    }
}
