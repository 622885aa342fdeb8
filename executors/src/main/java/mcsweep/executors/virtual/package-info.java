/**
 * The {@code virtual} executor: a virtual thread per task (or chunk), at most N of them running.
 *
 * <p><b>Threading.</b> One launcher virtual thread takes a semaphore permit per task thread it starts, so at
 * most N task threads exist; each releases its permit when done. Cancelling shuts the executor down (which
 * interrupts the task threads) and interrupts the launcher; the sweep joins every thread it started.
 */
package mcsweep.executors.virtual;
