/**
 * The {@code forkjoin} executor: a {@link java.util.concurrent.ForkJoinPool} with lazily split ranges of tasks.
 *
 * <p><b>Threading.</b> N pool workers named {@code mcsweep-forkjoin-K} split and steal ranges; ranges never
 * join (completion is counted by the shared loop). Cancelling interrupts the workers, and queued ranges then
 * skip their tasks; the sweep joins every worker before it returns.
 */
package mcsweep.executors.forkjoin;
