package mcsweep.bench;

import java.io.IOException;
import java.io.OutputStream;
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
import org.openjdk.jmh.infra.Blackhole;

import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.MetropolisReference;
import mcsweep.kernel.Scheme;
import mcsweep.kernel.Seeds;
import mcsweep.kernel.Summary;
import mcsweep.kernel.TraceSink;
import mcsweep.kernel.io.CsvTraceWriter;

/**
 * Nanoseconds per Metropolis step: the kernel alone ({@code sink=none}), and with the CSV trace writer
 * encoding every row into a stream that discards the bytes ({@code sink=csv}), per random generator.
 * <ul>
 * <li>{@code step}: what sweeps run, the kernel under the default scheme (v4) and the CSV writer. The
 *     crossover analysis divides executor overheads by its {@code none} / {@value Seeds#DEFAULT_ALGORITHM}
 *     figure, since benchmark tasks keep no trace.
 * <li>{@code stepV1}: the kernel under scheme v1 (the lesson's draws; the kernel loop as it was before v2).
 * <li>{@code naive}: the reference: the naive one-step-at-a-time v1 loop ({@link MetropolisReference}) and,
 *     with {@code csv}, the writer as it was before, a {@link Double#toString} per value
 *     ({@link ToStringCsvWriter}). The "before" of the before/after table.
 * <li>{@code naiveV2}: the naive v2 loop, which the fast v2 loop must match bit for bit.
 * <li>{@code stepCsvBefore}: {@code step} with the CSV writer before its SWAR formatter.
 * </ul>
 * The v2 loop before its rework, v2 against v3 and the Vector API paths are in {@link KernelV2LoopBenchmark}.
 * Where a step's time goes: {@link KernelBaselineBenchmark} times its parts (the generator, {@code exp},
 * the logarithm, the formatter) alone.
 *
 * <p>Not fooled by dead-code elimination: the kernel's {@link Summary} (means over every step) is returned
 * to JMH, and the CSV bytes leave through {@link CountingStream}, whose byte count and last byte go to a
 * {@link Blackhole}; the 64 KiB encoding buffer is far too big to be scalar-replaced.
 * The kernel is called through the {@link Kernel} interface, as executors call it; the generator's state
 * carries over between invocations, so no two invocations replay the same stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelStepBenchmark {

    /** Steps per invocation: 98 of the kernel's blocks (1024 rows), a few milliseconds, long enough to hide the call. */
    static final int STEPS = 100_000;

    @Param({"L64X128MixRandom", "Xoroshiro128PlusPlus", "SplittableRandom"})
    String rng;

    @Param({"none", "csv"})
    String sink;

    private Kernel kernel;
    private RandomGenerator generator;
    private final double[] params = {0.5, 1.0, 1.0}; // x0, h, beta: the lesson's (beta, x0) = (1, 0.5)
    private final CountingStream out = new CountingStream();

    @Setup
    public void setup() {
        kernel = Kernels.byName(MetropolisKernel.NAME);
        generator = Seeds.generator(rng, Workloads.SWEEP_SEED);
        if (!sink.equals("none") && !sink.equals("csv")) {
            throw new IllegalArgumentException("sink must be none or csv: " + sink);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Summary step(Blackhole bh) throws IOException, InterruptedException {
        return run(Scheme.DEFAULT, bh);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Summary stepV1(Blackhole bh) throws IOException, InterruptedException {
        return run(Scheme.V1, bh);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Summary naive(Blackhole bh) throws IOException {
        if (sink.equals("none")) {
            return MetropolisReference.run(params, STEPS, generator, TraceSink.NONE, Scheme.V1);
        }
        ToStringCsvWriter csv = new ToStringCsvWriter(out);
        Summary s = MetropolisReference.run(params, STEPS, generator, csv, Scheme.V1);
        csv.flush();
        bh.consume(out.bytes + out.last);
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Summary naiveV2(Blackhole bh) throws IOException {
        if (sink.equals("none")) {
            return MetropolisReference.run(params, STEPS, generator, TraceSink.NONE, Scheme.V2);
        }
        CsvTraceWriter csv = new CsvTraceWriter(out);
        Summary s = MetropolisReference.run(params, STEPS, generator, csv, Scheme.V2);
        csv.flush();
        bh.consume(out.bytes + out.last);
        return s;
    }

    /**
     * {@link #step} with the CSV writer as it was before its SWAR formatter ({@link LegacyCsvTraceWriter}):
     * the "before" of the CSV writer's before/after; with {@code sink=none} the same as {@code step}.
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Summary stepCsvBefore(Blackhole bh) throws IOException, InterruptedException {
        if (sink.equals("none")) {
            return kernel.run(params, STEPS, generator, TraceSink.NONE, Scheme.DEFAULT);
        }
        LegacyCsvTraceWriter csv = new LegacyCsvTraceWriter(out);
        Summary s = kernel.run(params, STEPS, generator, csv, Scheme.DEFAULT);
        csv.flush();
        bh.consume(out.bytes + out.last);
        return s;
    }

    private Summary run(Scheme scheme, Blackhole bh) throws IOException, InterruptedException {
        if (sink.equals("none")) {
            return kernel.run(params, STEPS, generator, TraceSink.NONE, scheme);
        }
        CsvTraceWriter csv = new CsvTraceWriter(out);
        Summary s = kernel.run(params, STEPS, generator, csv, scheme);
        csv.flush();
        bh.consume(out.bytes + out.last);
        return s;
    }

    /** Discards bytes, but remembers how many and the last one, so that the writer's output is used. */
    static final class CountingStream extends OutputStream {
        long bytes;
        int last;

        @Override
        public void write(int b) {
            bytes++;
            last = b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > 0) {
                bytes += len;
                last = b[off + len - 1];
            }
        }
    }
}
