package mcsweep.cli;

/**
 * A mistake in what the user asked for. Reported as one line on stderr, exit code {@link ExitCodes#USAGE},
 * no stack trace, nothing written.
 */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message, null, false, false);
    }
}
