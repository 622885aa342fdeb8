package mcsweep.bench;

import java.io.IOException;
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
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Scheme;
import mcsweep.kernel.Seeds;
import mcsweep.kernel.Summary;
import mcsweep.kernel.TraceSink;
import mcsweep.kernel.io.CsvTraceWriter;

/**
 * Scheme v2's loop before and after its rework, and schemes v3 and v4 (issue 12), side by side, ns per step of the
 * lesson's task with the default generator (as {@link KernelStepBenchmark}, which times what sweeps run for
 * every generator):
 * <ul>
 * <li>{@code before}: the v2 loop as it was ({@link V2LoopBefore});
 * <li>{@code scalar}: the v2 kernel now, scalar;
 * <li>{@code vector}: the v2 kernel now with its Vector API pass, in a JVM started with
 *     {@code --add-modules jdk.incubator.vector}. These three give the same bits.
 * <li>{@code scalarV3}: scheme v3, the default before v4, scalar Java
 *     (C2 vectorises its bulk loops by itself where the CPU allows);
 * <li>{@code vectorV3}: scheme v3 with its Vector API pass; the same bits as {@code scalarV3};
 * <li>{@code scalarV4}: scheme v4, v3 with {@code E}'s logarithm in single precision, the default (what
 *     {@code KernelStepBenchmark.step} runs), scalar Java.
 * </ul>
 * A class of its own so that bench.jar's default profile, which runs every {@code KernelStepBenchmark}
 * method for three generators, does not pay for them; {@code --full} runs them, or select them by name.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelV2LoopBenchmark {

    @Param({"none", "csv"})
    String sink;

    private final Kernel scalar = new MetropolisKernel(false);
    private final Kernel vector = new MetropolisKernel(true);
    private RandomGenerator generator;
    private final double[] params = {0.5, 1.0, 1.0}; // x0, h, beta: the lesson's (beta, x0) = (1, 0.5)
    private final KernelStepBenchmark.CountingStream out = new KernelStepBenchmark.CountingStream();

    @Setup
    public void setup() {
        generator = Seeds.generator(Seeds.DEFAULT_ALGORITHM, Workloads.SWEEP_SEED);
        if (!sink.equals("none") && !sink.equals("csv")) {
            throw new IllegalArgumentException("sink must be none or csv: " + sink);
        }
    }

    @Benchmark
    @OperationsPerInvocation(KernelStepBenchmark.STEPS)
    public Summary before(Blackhole bh) throws IOException {
        if (sink.equals("none")) {
            return V2LoopBefore.run(params, KernelStepBenchmark.STEPS, generator, TraceSink.NONE);
        }
        CsvTraceWriter csv = new CsvTraceWriter(out);
        Summary s = V2LoopBefore.run(params, KernelStepBenchmark.STEPS, generator, csv);
        csv.flush();
        bh.consume(out.bytes + out.last);
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(KernelStepBenchmark.STEPS)
    public Summary scalar(Blackhole bh) throws IOException, InterruptedException {
        return run(scalar, bh);
    }

    @Benchmark
    @OperationsPerInvocation(KernelStepBenchmark.STEPS)
    // Prepend, not append: bench.jar's profiles set their own jvmArgsAppend, which replaces the annotation's.
    @Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector"})
    public Summary vector(Blackhole bh) throws IOException, InterruptedException {
        if (!((MetropolisKernel) vector).vectorised()) {
            throw new IllegalStateException("the Vector API module is missing from this JVM");
        }
        return run(vector, bh);
    }

    @Benchmark
    @OperationsPerInvocation(KernelStepBenchmark.STEPS)
    public Summary scalarV3(Blackhole bh) throws IOException, InterruptedException {
        return run(scalar, Scheme.V3, bh);
    }

    @Benchmark
    @OperationsPerInvocation(KernelStepBenchmark.STEPS)
    @Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector"})
    public Summary vectorV3(Blackhole bh) throws IOException, InterruptedException {
        if (!((MetropolisKernel) vector).vectorised()) {
            throw new IllegalStateException("the Vector API module is missing from this JVM");
        }
        return run(vector, Scheme.V3, bh);
    }

    @Benchmark
    @OperationsPerInvocation(KernelStepBenchmark.STEPS)
    public Summary scalarV4(Blackhole bh) throws IOException, InterruptedException {
        return run(scalar, Scheme.V4, bh);
    }

    private Summary run(Kernel kernel, Blackhole bh) throws IOException, InterruptedException {
        return run(kernel, Scheme.V2, bh);
    }

    private Summary run(Kernel kernel, Scheme scheme, Blackhole bh) throws IOException, InterruptedException {
        if (sink.equals("none")) {
            return kernel.run(params, KernelStepBenchmark.STEPS, generator, TraceSink.NONE, scheme);
        }
        CsvTraceWriter csv = new CsvTraceWriter(out);
        Summary s = kernel.run(params, KernelStepBenchmark.STEPS, generator, csv, scheme);
        csv.flush();
        bh.consume(out.bytes + out.last);
        return s;
    }
}
