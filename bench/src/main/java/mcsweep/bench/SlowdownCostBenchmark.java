package mcsweep.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import mcsweep.kernel.Slowdown;

/**
 * What {@link Slowdown#step()}, the regression gate's deliberate-slowdown switch, costs a hot loop when it
 * is off: the same Metropolis-like step (a uniform, a square, an {@code exp} on half the steps) with the
 * call ({@code withSwitch}) and without ({@code plain}). With the switch off the JIT folds the call away
 * and the two agree within noise; with {@code -jvmArgsAppend -Dmcsweep.slowdown=40} the first is slower.
 *
 * <p>Not fooled by dead-code elimination: the chain's final state is returned.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
public class SlowdownCostBenchmark {

    static final int STEPS = 10_000;

    private final SplittableRandom random = new SplittableRandom(42);
    private double x = 0.5;

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double plain() {
        double s = x;
        for (int i = 0; i < STEPS; i++) {
            s = step(s);
        }
        x = s;
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double withSwitch() {
        double s = x;
        for (int i = 0; i < STEPS; i++) {
            Slowdown.step();
            s = step(s);
        }
        x = s;
        return s;
    }

    private double step(double s) {
        double next = s + (random.nextDouble() - 0.5);
        double dH = next * next - s * s;
        return dH <= 0 || random.nextDouble() < Math.exp(-dH) ? next : s;
    }
}
