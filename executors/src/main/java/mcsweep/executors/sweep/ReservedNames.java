package mcsweep.executors.sweep;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names a sweep itself uses in its output folder, in one place: a trace must never be given one of
 * them (it would overwrite, or be overwritten by, the sweep's own file). Code that adds a file to the
 * output folder adds its name here.
 */
public final class ReservedNames {

    /** One row per task: the summary. */
    public static final String SUMMARY = "summary.csv";
    /** One line per finished task: the durable record that resume and merge read. */
    public static final String JOB_LOG = "joblog.tsv";
    /** The definition the sweep was made with. */
    public static final String SPEC = "sweep.toml";
    /** Held (an OS file lock) for a sweep's whole life. */
    public static final String LOCK = ".mcsweep.lock";
    /** Folder of per-task logs (worker stderr). */
    public static final String LOGS = "logs";

    /** Every reserved name. Names starting with '.' (temporary files, the lock) are reserved as a class. */
    public static final List<String> RESERVED = List.of(SUMMARY, JOB_LOG, SPEC, LOCK, LOGS);
    /** Names of the files of shard K of N ({@code --shard K/N}): one instance each, for template checks. */
    private static final List<String> SHARD_EXAMPLES = List.of("summary.1-of-2.csv", "joblog.1-of-2.tsv");
    /** Every name of a shard's own files. */
    private static final Pattern SHARD_FILES = Pattern.compile("(summary\\.[0-9]+-of-[0-9]+\\.csv"
            + "|joblog\\.[0-9]+-of-[0-9]+\\.tsv)", Pattern.CASE_INSENSITIVE);

    private ReservedNames() {
    }

    /**
     * Whether {@code name} (a plain file name) is one the sweep uses itself: a reserved name (compared
     * ignoring case, for case-insensitive file systems) or a hidden name (temporary files).
     */
    public static boolean isReserved(String name) {
        return name.startsWith(".") || RESERVED.stream().anyMatch(r -> r.equalsIgnoreCase(name))
                || SHARD_FILES.matcher(name).matches();
    }

    /**
     * The first reserved name that some file name matching {@code pattern} could be, or {@code null}.
     * {@code pattern} is a template turned into a case-insensitive regular expression (see {@link FileTemplate}).
     */
    static String reservedMatch(Pattern pattern) {
        for (String r : RESERVED) {
            if (pattern.matcher(r).matches()) {
                return r;
            }
        }
        for (String r : SHARD_EXAMPLES) {
            if (pattern.matcher(r).matches()) {
                return r.replace("1-of-2", "K-of-N");
            }
        }
        return null;
    }
}
