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
import org.openjdk.jmh.infra.Blackhole;

import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.Scheme;
import mcsweep.kernel.Seeds;
import mcsweep.kernel.Summary;
import mcsweep.kernel.TraceSink;
import mcsweep.kernel.io.CsvTraceWriter;
import mcsweep.kernel.io.NpyTraceWriter;

/**
 * Nanoseconds per step of any kernel found by name ({@code --kernel NAME -P ...}; the lesson's Metropolis
 * kernel by default), with the default generator and stream scheme (what sweeps run): the trace discarded ({@code format=none}) or encoded by
 * the CSV writer ({@code format=csv}) or the NumPy writer ({@code format=npy}) into a stream that discards
 * the bytes. The regression gate's kernel
 * figures, and the time per step of a user's kernel in {@code --kernel} reports. (KernelStepBenchmark
 * breaks the built-in kernel's step down by generator.)
 *
 * <p>Not fooled by dead-code elimination: the kernel's {@link Summary} is returned to JMH, and the CSV
 * bytes leave through {@link KernelStepBenchmark.CountingStream}, whose count goes to a {@link Blackhole}.
 * The generator's state carries over between invocations, so no two replay the same stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
public class NamedKernelStepBenchmark {

    /** Steps per invocation: a few milliseconds for the lesson's kernel, long enough to hide the call. */
    static final int STEPS = 100_000;

    @Param("metropolis")
    String kernel;

    @Param(ExecutorSweepBenchmark.LESSON_PARAMS)
    String kernelParams;

    @Param({"none", "csv", "npy"})
    String format;

    private Kernel k;
    private double[] params;
    private RandomGenerator generator;
    private final KernelStepBenchmark.CountingStream out = new KernelStepBenchmark.CountingStream();

    @Setup
    public void setup() {
        KernelSpec spec = KernelSpec.decode(kernel, kernelParams);
        k = Kernels.byName(spec.kernel());
        params = spec.values();
        generator = Seeds.generator(Seeds.DEFAULT_ALGORITHM, Workloads.SWEEP_SEED);
        if (!List.of("none", "csv", "npy").contains(format)) {
            throw new IllegalArgumentException("format must be none, csv or npy: " + format);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Summary step(Blackhole bh) throws IOException, InterruptedException {
        if (format.equals("none")) {
            return k.run(params, STEPS, generator, TraceSink.NONE, Scheme.DEFAULT);
        }
        Summary s;
        if (format.equals("csv")) {
            CsvTraceWriter csv = new CsvTraceWriter(out);
            s = k.run(params, STEPS, generator, csv, Scheme.DEFAULT);
            csv.flush();
        } else {
            NpyTraceWriter npy = new NpyTraceWriter(out, STEPS);
            s = k.run(params, STEPS, generator, npy, Scheme.DEFAULT);
            npy.finish();
        }
        bh.consume(out.bytes + out.last);
        return s;
    }
}
