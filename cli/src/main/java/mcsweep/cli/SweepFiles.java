package mcsweep.cli;

import java.util.List;

import mcsweep.executors.sweep.ReservedNames;

/**
 * The names a sweep itself uses in its output folder, as the CLI's code spells them; the list itself is
 * {@link ReservedNames}, next to the planning that refuses templates naming them. Code that adds a file to
 * the output folder adds its name there.
 */
public final class SweepFiles {

    /** One row per task: the summary. */
    public static final String SUMMARY = ReservedNames.SUMMARY;
    /** One line per finished task: the durable record that resume and merge read. */
    public static final String JOB_LOG = ReservedNames.JOB_LOG;
    /** The definition the sweep was made with. */
    public static final String SPEC = ReservedNames.SPEC;
    /** Held (an OS file lock) for a sweep's whole life; see {@link OutputFolder#lock}. */
    public static final String LOCK = ReservedNames.LOCK;
    /** Folder of per-task logs (worker stderr). */
    public static final String LOGS = ReservedNames.LOGS;

    /** Every reserved name. Names starting with '.' (temporary files, the lock) are reserved as a class. */
    public static final List<String> RESERVED = ReservedNames.RESERVED;

    private SweepFiles() {
    }

    /** @see ReservedNames#isReserved */
    public static boolean isReserved(String name) {
        return ReservedNames.isReserved(name);
    }
}
