/**
 * The {@code sequential} executor: every task on the calling thread, the reference the others must match.
 *
 * <p><b>Threading.</b> One thread, the caller's, both runs the tasks and consumes their outcomes (through the
 * shared loop's {@code help()}); an interrupt of the caller cancels the running task at its next block
 * boundary.
 */
package mcsweep.executors.sequential;
