/**
 * The {@code threads} executor: a fixed pool of platform threads claiming chunks of tasks from a shared
 * cursor.
 *
 * <p><b>Threading.</b> N daemon threads named {@code mcsweep-threads-K}, each running tasks one after another
 * and reporting them to the shared loop; the only shared state is an atomic cursor. Cancelling interrupts
 * them; the sweep joins every one before it returns.
 */
package mcsweep.executors.threads;
