/**
 * The physics and what it needs: the {@link mcsweep.kernel.Kernel} plugin interface and the built-in
 * {@link mcsweep.kernel.MetropolisKernel} (with {@link mcsweep.kernel.MetropolisReference}, its naive
 * definition), each task's random stream ({@link mcsweep.kernel.Seeds}, versioned by
 * {@link mcsweep.kernel.Scheme}), running statistics ({@link mcsweep.kernel.BatchMeans}), the trace's blocks
 * and sinks, and parameter validation. No threads, no processes, no files (those are in {@code io} and in
 * the executors module).
 *
 * <p>Threading: kernels, {@code Seeds}, {@code Ln}, {@code Numbers} and the records are stateless or
 * immutable, safe to share between threads; one kernel instance runs many tasks at once. Everything a task
 * mutates ({@code Block}, {@code BatchMeans}, its {@code RandomGenerator}, its {@code TraceSink}) belongs to
 * that task's thread for the task's duration and is never shared.
 */
package mcsweep.kernel;
