package mcsweep.executors;

/**
 * A task that did not finish: its kernel threw, its process died or timed out, or it was cancelled.
 *
 * @param task      the task
 * @param error     one line saying what went wrong ({@value #CANCELLED} for a cancelled task)
 * @param cause     the exception, when it happened in this JVM; {@code null} otherwise
 * @param attempts  how many times it was tried
 * @param cancelled whether the sweep cancelled it (halt now, or the sweep was interrupted) rather than it
 *                  failing by itself; cancelled tasks are counted apart ({@link SweepOutcome#cancelled()})
 */
public record TaskFailure(Task task, String error, Throwable cause, int attempts, boolean cancelled) {

    /** The error of a cancelled task. */
    public static final String CANCELLED = "cancelled";

    /** A task that failed by itself. */
    public TaskFailure(Task task, String error, Throwable cause, int attempts) {
        this(task, error, cause, attempts, false);
    }

    /** A task the sweep cancelled while it ran. */
    public static TaskFailure cancelled(Task task, Throwable cause, int attempts) {
        return new TaskFailure(task, CANCELLED, cause, attempts, true);
    }
}
