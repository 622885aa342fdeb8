package mcsweep.cli;

/** Exit codes of {@code mcsweep}; scripts may rely on them. */
public final class ExitCodes {

    /** Every task finished. */
    public static final int OK = 0;
    /** An internal error (a bug in mcsweep): please report it. */
    public static final int INTERNAL = 1;
    /** Bad input: nothing was run and nothing was written. */
    public static final int USAGE = 2;
    /**
     * Tasks ran, but mcsweep could not record their results (summary.csv or the job log: disk full, folder
     * removed, permissions); what did get recorded is in the job log. {@code EX_IOERR} of BSD's sysexits.h.
     */
    public static final int OUTPUT_FAILED = 74;
    /** Base of the failure codes: {@code 100 + n} means n tasks failed (199: 99 or more). */
    public static final int FAILED_BASE = 100;
    /** Cancelled by SIGINT (Ctrl-C) or SIGTERM; what finished is in the summary. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** The exit code for a sweep in which {@code failed} tasks failed. */
    public static int forFailures(int failed) {
        return failed == 0 ? OK : FAILED_BASE + Math.min(failed, 99);
    }
}
