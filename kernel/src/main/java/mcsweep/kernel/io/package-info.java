/**
 * Trace files: the CSV encoding of a kernel's blocks ({@link mcsweep.kernel.io.CsvTraceWriter}, with
 * {@link mcsweep.kernel.io.ShortestDouble} spelling each double as {@link Double#toString(double)} does,
 * without allocating) and writing a file whole or not at all ({@link mcsweep.kernel.io.AtomicFile}).
 *
 * <p>Threading: a {@code CsvTraceWriter} belongs to the one thread running its task; {@code ShortestDouble}
 * is stateless and thread-safe.
 */
package mcsweep.kernel.io;
