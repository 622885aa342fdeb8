package mcsweep.kernel;

import java.io.IOException;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A Monte Carlo kernel: one task's worth of work, turned from (parameters, random stream, sink) into a
 * {@link Summary}.
 *
 * <p>Kernels are plugins found with {@link java.util.ServiceLoader} (see {@link Kernels}) and created by
 * name, so that a worker JVM can run the same kernel as the JVM that planned the sweep: nothing but
 * names, numbers and file paths ever crosses a process boundary.
 *
 * <p>Implementations must be stateless and thread-safe: one instance runs many tasks, concurrently.
 * {@link #run} must take all of its randomness from the generator it is given (never from the clock or a
 * shared generator), so that a task's output is a pure function of its parameters and seed.
 */
public interface Kernel {

    /** The name users type ({@code --kernel NAME}); lower case, no spaces. */
    String name();

    /** One line for {@code mcsweep kernels}. */
    String description();

    /**
     * The parameters this kernel takes, in the order {@link #run} receives their values. The order is
     * also part of each task's seed derivation (see {@link Seeds}), so it must never change.
     */
    List<Parameter> parameters();

    /** The columns of the trace this kernel writes, in order. */
    List<Column> columns();

    /** Names of the values in the {@link Summary} that {@link #run} returns, in order. */
    List<String> summaryNames();

    /**
     * Runs one task.
     *
     * @param params     values of {@link #parameters()}, in that order, already validated
     * @param iterations number of steps, {@code >= 0}; zero writes only the trace header
     * @param rng        the task's own random stream; not shared with any other task
     * @param sink       receives the trace in blocks of at most {@link Block#DEFAULT_CAPACITY} rows
     * @return the task's summary, named as {@link #summaryNames()}
     * @throws InterruptedException if the thread was interrupted; checked at block boundaries only
     * @throws IOException          if the sink failed
     */
    Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink)
            throws IOException, InterruptedException;

    /**
     * Runs one task under stream scheme {@code scheme}: as {@link #run(double[], long, RandomGenerator,
     * TraceSink)}, which is the kernel's {@code v1}. This default is for kernels that draw the same numbers
     * under every scheme; a kernel whose draws differ overrides it.
     */
    default Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink, Scheme scheme)
            throws IOException, InterruptedException {
        return run(params, iterations, rng, sink);
    }
}
