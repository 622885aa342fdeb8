package mcsweep.kernel;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A Monte Carlo kernel: one task's worth of work, turned from (parameters, random stream, sink) into a
 * {@link Summary}. This is mcsweep's public, stable plugin interface: the built-in kernels ({@code metropolis},
 * {@code pi}) implement it the same way a kernel in your own jar does.
 *
 * <p><b>Finding kernels.</b> Kernels are plugins found with {@link java.util.ServiceLoader} (see {@link Kernels}):
 * list the class in {@code META-INF/services/mcsweep.kernel.Kernel} of your jar and put the jar on the class
 * path or pass it with {@code --kernel-path JAR}. They are created by name, so that a worker JVM runs the
 * same kernel as the JVM that planned the sweep: nothing but names, numbers and file paths ever crosses a
 * process boundary. An implementation needs a public no-argument constructor.
 *
 * <p><b>What a kernel promises.</b>
 * <ul>
 * <li>Stateless and thread-safe: one instance runs many tasks, concurrently.</li>
 * <li>All randomness from the generator {@link #run} is given, never from the clock, a shared or static
 *     generator, or anything else, so that a task's output is a pure function of its parameters, iteration
 *     count and seed.</li>
 * <li>Its trace goes only to the sink, in blocks, as the {@link #columns()} it declares; it opens no files.</li>
 * <li>It checks {@link Thread#interrupted()} at block boundaries and then throws {@link InterruptedException}:
 *     that is how a halted or cancelled sweep stops it.</li>
 * <li>{@link #parameters()}, {@link #columns()} and {@link #summaryNames()} never change between calls, runs or
 *     versions that should give the same results (parameter order is part of every task's seed).</li>
 * </ul>
 *
 * <p><b>What mcsweep guarantees in return.</b> Every executor ({@code sequential}, thread pools, worker JVMs)
 * calls {@link #run} with the same parameter values, iteration count and a generator seeded the same way
 * ({@link Seeds}), so traces and summaries are byte-identical whichever executor and how many workers ran
 * them. Values are checked against each {@link Parameter}'s range before {@link #run} sees them. Each task
 * has its own generator and its own sink; the trace file appears whole when {@code run} returns normally
 * and not at all when it throws. A throwing task fails alone: the sweep reports it and goes on (unless
 * told to halt).
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

    /**
     * Names of the values in the {@link Summary} that {@link #run} returns, in order. A value {@code NAME}
     * followed by one named {@code NAME_err} is shown as {@code value ± error}.
     */
    List<String> summaryNames();

    /**
     * How summaries of independent runs of this kernel merge into the summary of one bigger run (a
     * mergeable summary, such as counts that add), or empty, the default, for a kernel whose summaries do
     * not merge. A kernel with a reduction can be split into streams by {@code mcsweep estimate}.
     */
    default Optional<Reduction> reduction() {
        return Optional.empty();
    }

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
