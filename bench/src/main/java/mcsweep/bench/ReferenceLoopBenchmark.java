package mcsweep.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The regression gate's yardsticks: two fixed loops that never change with mcsweep's code, measured in the
 * same run as the figures, so that a figure is compared as a multiple of them and not as an absolute time
 * (machines differ from run to run). {@code scalar}: a dependent chain of floating-point multiply-adds, the
 * same kind of latency-bound arithmetic as a Metropolis step. {@code memory}: copying 32 MiB between two
 * arrays, far larger than any cache, for figures that move bytes (traces, files, JVM start-up).
 *
 * <p>Not fooled by dead-code elimination: the chain's result is returned; the copy's destination is read
 * back at an index that changes every call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
public class ReferenceLoopBenchmark {

    /** Multiply-adds per call of {@link #scalar()}. */
    static final int CHAIN = 1 << 16;

    /** Bytes copied per call of {@link #memory()}. */
    static final int BYTES = 32 << 20;

    private double seed = 1.0;
    private long[] from;
    private long[] to;
    private int probe;

    @Setup
    public void setup() {
        from = new long[BYTES / Long.BYTES];
        to = new long[from.length];
        for (int i = 0; i < from.length; i++) {
            from[i] = i * 0x9E3779B97F4A7C15L;
        }
    }

    /** Nanoseconds per multiply-add of a dependent chain. */
    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public double scalar() {
        double x = seed;
        for (int i = 0; i < CHAIN; i++) {
            x = x * 0.9999999 + 1e-7;
        }
        seed = x > 2 ? 1.0 : x;
        return x;
    }

    /** Nanoseconds per KiB copied, memory to memory. */
    @Benchmark
    @OperationsPerInvocation(BYTES / 1024)
    public long memory() {
        System.arraycopy(from, 0, to, 0, from.length);
        probe = (probe + 4099) & (to.length - 1);
        return to[probe];
    }
}
