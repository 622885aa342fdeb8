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
 */
record BenchArgs(boolean full, long iterations, int tasks, Path results, String resultFormat, String resultFile,
                 boolean help, List<String> jmhArgs) {

    /** The lesson's scan: 324 tasks of 10,000 steps. */
    static final long DEFAULT_ITERATIONS = 10_000;
    static final int DEFAULT_TASKS = 324;

    /** A bad option: one line for the user, exit code 2. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    static final String USAGE = """
            Usage: java -jar bench.jar [--full] [--iterations N] [--tasks M] [--results DIR] [JMH options]
            Runs mcsweep's JMH benchmarks, then prints the executor comparison, the crossover task lengths
            and a recommendation, and writes jmh.json, report.txt, overhead.csv and overhead.png into the results folder.
              --full            the long, more precise profile (also the 10^6-step tasks and the lesson's
                                sweeps end to end); the default profile takes under 5 minutes on 2 cores
              --iterations N    steps per task of the sweep to recommend for (default 10000)
              --tasks M         tasks in that sweep (default 324: the lesson's scan)
              --results DIR     where to write the files (default bench-results/<timestamp>)
              --help            this text, then JMH's options
            Any JMH option works and wins over the profile (e.g. -f 2, -wi 3, -p workers=2, -prof gc);
            benchmark regexps replace the profile's list (e.g. KernelStepBenchmark).""";

    static BenchArgs parse(String... args) {
        boolean full = false;
        boolean help = false;
        long iterations = DEFAULT_ITERATIONS;
        int tasks = DEFAULT_TASKS;
        Path results = null;
        String rf = null;
        String rff = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            String inline = name.equals(a) ? null : a.substring(a.indexOf('=') + 1);
            switch (name) {
                case "--full" -> full = true;
                case "--help" -> help = true;
                case "--iterations", "--tasks", "--results", "-rf", "-rff" -> {
                    String v = inline;
                    if (v == null) {
                        if (i + 1 >= args.length) {
                            throw new Invalid(name + " needs a value");
                        }
                        v = args[++i];
                    }
                    switch (name) {
                        case "--iterations" -> iterations = number(name, v, Long.MAX_VALUE);
                        case "--tasks" -> tasks = (int) number(name, v, Integer.MAX_VALUE);
                        case "--results" -> results = Path.of(v);
                        case "-rf" -> rf = v;
                        default -> rff = v;
                    }
                }
                default -> rest.add(a);
            }
        }
        return new BenchArgs(full, iterations, tasks, results, rf, rff, help, List.copyOf(rest));
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
}
