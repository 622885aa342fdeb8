package mcsweep.executors.sweep;

/**
 * A mistake in a sweep's definition: an unknown parameter, a value out of its range, a bad template, too
 * many tasks. The message is one line naming the option (as the command line spells it, such as
 * {@code --iterations}) and what is allowed; the command line prints it and exits with code 2. Thrown before
 * anything is written.
 */
public final class InvalidSweepException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message one line: the option, the problem and what is allowed */
    public InvalidSweepException(String message) {
        super(message);
    }

    // A user's mistake, not a bug: its stack trace would only be noise, and costs time to fill in.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
