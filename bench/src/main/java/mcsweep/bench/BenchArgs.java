package mcsweep.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * bench.jar's own options; everything else is handed to JMH's command line parser unchanged.
 *
 * @param full         run the long profile
 * @param iterations   steps per task of the sweep to recommend for ({@code --iterations})
 * @param tasks        tasks of that sweep ({@code --tasks})
 * @param results      results folder, or {@code null} for {@code bench-results/<timestamp>}
 * @param resultFormat JMH's {@code -rf}, taken here because bench.jar runs JMH several times and writes
 *                     the merged results itself; {@code null} if not given
 * @param resultFile   JMH's {@code -rff}, likewise
 * @param help         {@code --help}
 * @param jmhArgs      the rest, for JMH
 * @param taskMillis   {@code --task-ms}: the task length in milliseconds instead of steps; NaN if not given
 * @param mode         what to do: the report, the regression gate, or recording its baseline
 * @param baseline     the baseline folder for {@code --check} / {@code --update-baseline}; null for the default
 * @param runs         runs to record a baseline from ({@code --runs})
 * @param kernel       {@code --kernel NAME}, or null for the lesson's kernel
 * @param kernelParams {@code -P name=value} assignments
 * @param verbose      {@code -v}: JMH's progress on the terminal instead of only in the log file
 * @param expectRegressions {@code --expect-regressions REGEX}: the gate passes only if exactly the figures
 *                     matching it regress (the deliberate-slowdown proof); null if not given
 * @param tolerancesOnly {@code --tolerances-only} with {@code --update-baseline}: derive the tolerances again
 *                     from the runs the baseline holds, measuring nothing
 * @param only         {@code --only REGEX} with {@code --check}: measure and compare only the figures matching it
 *                     (the slowdown proof's affected figures and a few others); null for all
 */
record BenchArgs(boolean full, long iterations, int tasks, Path results, String resultFormat, String resultFile,
                 boolean help, List<String> jmhArgs, double taskMillis, Mode mode, Path baseline, int runs,
                 String kernel, List<String> kernelParams, boolean verbose, String expectRegressions,
                 boolean tolerancesOnly, String only) {

    /** The lesson's scan: 324 tasks of 10,000 steps. */
    static final long DEFAULT_ITERATIONS = 10_000;
    static final int DEFAULT_TASKS = 324;
    /** Runs a baseline is recorded from: enough to see the spread that sets the tolerances. */
    static final int DEFAULT_RUNS = 5;

    enum Mode { REPORT, CHECK, UPDATE_BASELINE }

    /** A bad option: one line for the user, exit code 2. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    static final String USAGE = """
            Usage: java -jar bench.jar [--full] [--tasks M] [--iterations N | --task-ms T] [--kernel NAME [-P name=value]...]
                                       [--results DIR] [-v] [JMH options]
                   java -jar bench.jar --check [BASELINE] [--kernel NAME [-P name=value]...] [--only REGEX] [--results DIR] [-v]
                   java -jar bench.jar --update-baseline [BASELINE] [--runs R] [--kernel NAME [-P name=value]...]
            Runs mcsweep's JMH benchmarks, then prints the executor comparison, the crossover task lengths
            and a recommendation, and writes report.txt, jmh.json, overhead.csv, overhead.png and jmh.log (JMH's
            progress) into the results folder.
              --full            the long, more precise profile (also the 10^6-step tasks and the lesson's
                                sweeps end to end); the default profile takes under 5 minutes on 2 cores
              --tasks M         tasks in the sweep to recommend for (default 324: the lesson's scan)
              --iterations N    steps per task of that sweep (default 10000)
              --task-ms T       or the length of one task in milliseconds (converted with the measured kernel speed)
              --kernel NAME     measure the executors on this kernel (any on the class path; default metropolis)
              -P name=value     a parameter value of that kernel (repeatable; others take 1 or the nearest allowed)
              --results DIR     where to write the files (default bench-results/<timestamp>)
              -v, --verbose     show JMH's progress here too (it always goes to jmh.log)
              --check [DIR]     the performance-regression gate: a short selection compared, as multiples of
                                reference loops run alongside, with the baseline in DIR (default results/baseline,
                                or results/baseline-NAME with --kernel); exit code 1 on a regression
              --update-baseline [DIR]  records that baseline from --runs runs (default 5), tolerances from their spread
                                (--tolerances-only: derive the tolerances again from the runs it holds)
              --only REGEX      with --check: measure and compare only the figures matching REGEX (e.g. 'kernel\\..*')
              --expect-regressions REGEX  with --check: pass only if exactly the figures matching REGEX regress
              --help            this text, then JMH's options
            Any JMH option works and wins over the profile (e.g. -f 2, -wi 3, -p workers=2, -prof gc);
            benchmark regexps replace the profile's list (e.g. ExecutorSweepBenchmark).""";

    static BenchArgs parse(String... args) {
        boolean full = false;
        boolean help = false;
        boolean verbose = false;
        long iterations = DEFAULT_ITERATIONS;
        boolean iterationsGiven = false;
        int tasks = DEFAULT_TASKS;
        double taskMillis = Double.NaN;
        Path results = null;
        String rf = null;
        String rff = null;
        Mode mode = Mode.REPORT;
        Path baseline = null;
        int runs = DEFAULT_RUNS;
        String kernel = null;
        String expect = null;
        boolean tolerancesOnly = false;
        String only = null;
        List<String> kernelParams = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            String inline = name.equals(a) ? null : a.substring(a.indexOf('=') + 1);
            switch (name) {
                case "--full" -> full = true;
                case "--help" -> help = true;
                case "--verbose" -> verbose = true;
                case "--tolerances-only" -> tolerancesOnly = true;
                case "-v" -> {
                    if (i + 1 < args.length && List.of("SILENT", "NORMAL", "EXTRA").contains(args[i + 1])) {
                        rest.add(a); // JMH's own -v MODE
                        rest.add(args[++i]);
                    } else {
                        verbose = true;
                    }
                }
                case "--check", "--update-baseline" -> {
                    Mode m = name.equals("--check") ? Mode.CHECK : Mode.UPDATE_BASELINE;
                    if (mode != Mode.REPORT && mode != m) {
                        throw new Invalid("--check and --update-baseline: choose one");
                    }
                    mode = m;
                    String v = inline;
                    if (v == null && i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        v = args[++i];
                    }
                    if (v != null) {
                        baseline = Path.of(v);
                    }
                }
                case "--iterations", "--tasks", "--results", "-rf", "-rff", "--task-ms", "--runs", "--kernel", "-P",
                     "--expect-regressions", "--only" -> {
                    String v = inline;
                    if (v == null) {
                        if (i + 1 >= args.length) {
                            throw new Invalid(name + " needs a value");
                        }
                        v = args[++i];
                    }
                    switch (name) {
                        case "--iterations" -> {
                            iterations = number(name, v, Long.MAX_VALUE);
                            iterationsGiven = true;
                        }
                        case "--tasks" -> tasks = (int) number(name, v, Integer.MAX_VALUE);
                        case "--runs" -> runs = (int) number(name, v, 100);
                        case "--task-ms" -> taskMillis = millis(v);
                        case "--results" -> results = Path.of(v);
                        case "--kernel" -> kernel = v;
                        case "-P" -> kernelParams.add(v);
                        case "--expect-regressions" -> expect = regex(name, v);
                        case "--only" -> only = regex(name, v);
                        case "-rf" -> rf = v;
                        default -> rff = v;
                    }
                }
                default -> rest.add(a);
            }
        }
        if (iterationsGiven && !Double.isNaN(taskMillis)) {
            throw new Invalid("--iterations and --task-ms: give the task's length one way, not both");
        }
        if (!kernelParams.isEmpty() && kernel == null) {
            throw new Invalid("-P needs --kernel NAME (the lesson's kernel is measured with its lesson values)");
        }
        if (expect != null && mode != Mode.CHECK) {
            throw new Invalid("--expect-regressions goes with --check");
        }
        if (only != null && mode != Mode.CHECK) {
            throw new Invalid("--only goes with --check");
        }
        if (tolerancesOnly && mode != Mode.UPDATE_BASELINE) {
            throw new Invalid("--tolerances-only goes with --update-baseline");
        }
        if (mode != Mode.REPORT && (full || !rest.isEmpty())) {
            throw new Invalid((mode == Mode.CHECK ? "--check" : "--update-baseline")
                    + " runs its own fixed selection; drop " + (full ? "--full" : String.join(" ", rest)));
        }
        return new BenchArgs(full, iterations, tasks, results, rf, rff, help, List.copyOf(rest), taskMillis, mode,
                baseline, runs, kernel, List.copyOf(kernelParams), verbose, expect, tolerancesOnly, only);
    }

    private static String regex(String name, String v) {
        try {
            java.util.regex.Pattern.compile(v);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new Invalid(name + ": '" + v + "' is not a regular expression (" + e.getDescription() + ")");
        }
        return v;
    }

    private static long number(String name, String v, long max) {
        long n;
        try {
            n = Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new Invalid(name + ": '" + v + "' is not a whole number; it must be >= 1 and <= " + max);
        }
        if (n < 1 || n > max) {
            throw new Invalid(name + ": " + n + " is out of range; it must be >= 1 and <= " + max);
        }
        return n;
    }

    private static double millis(String v) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new Invalid("--task-ms: '" + v + "' is not a number; it must be > 0 and <= 86400000 (a day)");
        }
        if (!(d > 0 && d <= 86_400_000)) {
            throw new Invalid("--task-ms: " + v + " is out of range; it must be > 0 and <= 86400000 (a day)");
        }
        return d;
    }
}
