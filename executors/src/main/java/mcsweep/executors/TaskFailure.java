package mcsweep.executors;

/**
 * A task that did not finish: its kernel threw, its process died or timed out, or it was cancelled.
 *
 * @param task     the task
 * @param error    one line saying what went wrong
 * @param cause    the exception, when it happened in this JVM; {@code null} otherwise
 * @param attempts how many times it was tried
 */
public record TaskFailure(Task task, String error, Throwable cause, int attempts) {
}
