package mcsweep.executors;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import mcsweep.kernel.Scheme;

/**
 * One run of a kernel: everything needed to run it anywhere, as plain names and numbers, so that a task
 * can be sent to another JVM or machine and give the same bytes there.
 *
 * @param index      position in the sweep, {@code 0..n-1}; results are reported against it
 * @param kernel     the kernel's name (see {@link mcsweep.kernel.Kernels})
 * @param params     parameter values in the kernel's declared order
 * @param iterations steps to run, {@code >= 0}
 * @param replica    replica number among tasks with the same values (part of the seed)
 * @param seed       the task's seed, from {@link mcsweep.kernel.Seeds#taskSeed}
 * @param rng        name of the {@link java.util.random.RandomGenerator} algorithm
 * @param output     the trace file, or {@code null} to keep no trace
 * @param scheme     the stream scheme: which numbers the kernel draws and how (see {@link Scheme})
 */
public record Task(int index, String kernel, double[] params, long iterations, int replica, long seed,
                   String rng, Path output, Scheme scheme) {

    public Task {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(rng, "rng");
        Objects.requireNonNull(scheme, "scheme");
        params = params.clone();
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0: " + iterations);
        }
    }

    /** A task under the default scheme ({@link Scheme#DEFAULT}). */
    public Task(int index, String kernel, double[] params, long iterations, int replica, long seed, String rng,
                Path output) {
        this(index, kernel, params, iterations, replica, seed, rng, output, Scheme.DEFAULT);
    }

    /** The same task with its trace written to {@code output} (everything else, the scheme included, kept). */
    public Task withOutput(Path output) {
        return new Task(index, kernel, params, iterations, replica, seed, rng, output, scheme);
    }

    /** This task under stream scheme {@code scheme}. */
    public Task withScheme(Scheme scheme) {
        return new Task(index, kernel, params, iterations, replica, seed, rng, output, scheme);
    }

    /** A copy: tasks are values. */
    @Override
    public double[] params() {
        return params.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Task t && index == t.index && kernel.equals(t.kernel)
                && Arrays.equals(params, t.params) && iterations == t.iterations && replica == t.replica
                && seed == t.seed && rng.equals(t.rng) && Objects.equals(output, t.output) && scheme == t.scheme;
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, kernel, Arrays.hashCode(params), iterations, replica, seed, rng, output, scheme);
    }

    @Override
    public String toString() {
        return "Task#" + index + "{" + kernel + " " + Arrays.toString(params) + " x" + iterations
                + (replica == 0 ? "" : " replica " + replica) + "}";
    }
}
