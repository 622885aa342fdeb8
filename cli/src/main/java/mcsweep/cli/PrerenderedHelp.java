package mcsweep.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine.Help.Ansi;

/**
 * {@code mcsweep sweep --help} at the default width, printed from a constant instead of laid out by picocli.
 * picocli's help layout ({@code TextTable}, {@code Ansi.Text}) runs interpreted in a JVM that has just
 * started, and made {@code sweep --help} cost about 4x a hello-world JVM (the AOT cache holds classes and
 * profiles, not compiled code). {@link #TEXT} is picocli's own rendering at width 80 without colours;
 * {@code PrerenderedHelpTest} renders it again with picocli and fails when the two differ, so editing an
 * option means copying picocli's new text into {@link #TEXT} (the test's message says how). Any other width,
 * colours, or help asked for among other arguments go to picocli as before. A constant, not a resource of the
 * jar: reading a resource opens the jar, and reading its central directory (1,200 entries) in the interpreter
 * cost this command about 5 ms; the class itself comes from the start-up cache.
 */
final class PrerenderedHelp {

    static final String WIDTH = "80";

    /** sweep's help as picocli renders it at {@link #WIDTH} columns without colours, with {@code \n} line ends. */
    static final String TEXT = """
            Runs a kernel over a grid of parameter values.
            Usage: mcsweep sweep [-hqV] [--dry-run] [--no-wait] [--print-spec] [--resume]
                                 [--resume-failed] [--zip] [--array=M] [--beta=LIST]
                                 [--chunk=K] [--command='PROGRAM ARGS'] [-e=NAME]
                                 [--format=FORMAT] [--h=LIST] [--halt=WHEN]
                                 [--inner-executor=NAME] [--iterations=N] [-j=N]
                                 [--kernel=NAME] [--out=DIR] [--replicas=R] [--retries=N]
                                 [--rng=ALGORITHM] [--scheme=SCHEME] [--seed=SEED]
                                 [--shard=K/N] [--spec=FILE] [--template=NAME]
                                 [--timeout=SECONDS] [--x0=LIST] [--kernel-path=JAR]...
                                 [-P=NAME=LIST]... [--slurm-opt=OPTION]...
            Runs a kernel over every combination of the given values (the Cartesian
            product, like
            itertools.product), or over the lists taken element by element with --zip.
            Each value list is comma-separated numbers and start:stop:step ranges, e.g. 0.1:
            0.5:0.1,1,2.
            Writes one trace per task and summary.csv into --out, and prints a summary
            table.
                  --x0=LIST            starting points (metropolis)
                  --h=LIST             step parameters, > 0 (metropolis)
                  --beta=LIST          inverse temperatures, > 0 (metropolis)
              -P, --param=NAME=LIST    values of any kernel parameter, e.g. -P beta=0.5,1
                  --iterations=N       steps per task, 1 to 2^63-1 (required, here or in
                                         --spec)
                  --zip                pair the lists element by element instead of taking
                                         their product; a list of one value goes with every
                                         element
                  --replicas=R         independent runs of each combination, with different
                                         streams, >= 1 (default: 1)
                  --seed=SEED          sweep seed, any 64-bit integer; each task's stream
                                         derives from it and the task's values (default: 42)
                  --out=DIR            output folder (default: mc_data)
                  --template=NAME      trace file name; placeholders: parameter names,
                                         {iterations}, {replica}, {index}, {seed} (default:
                                         the kernel's parameters, name={name} joined by _;
                                         metropolis: b{beta}_m{x0}_h{h}.csv; _r{replica}
                                         added when --replicas > 1)
                  --format=FORMAT      trace format: csv, npy (NumPy), or none for
                                         summaries only (default: csv)
                  --kernel=NAME        kernel to run (default: metropolis); see 'mcsweep
                                         kernels'
                  --command='PROGRAM ARGS'
                                       run a program per task instead of a kernel, like GNU
                                         Parallel: {NAME} for a parameter, {iterations},
                                         {seed}, {index}, {replica}, {file} (the output it
                                         writes)
                  --rng=ALGORITHM      java.util.random algorithm (default:
                                         L64X128MixRandom)
                  --scheme=SCHEME      stream scheme: v4; v3, v2 or v1 reproduce traces
                                         written before it (v3: v4 with a double-precision
                                         logarithm; v1: the lesson program's draws)
                                         (default: v4, or what --out's sweep.toml records)
              -e, --executor=NAME      where tasks run (default: forkjoin); see 'mcsweep
                                         executors'
              -j, --workers=N          tasks at once (default: number of processors); at
                                         most 32767 for forkjoin, 10000 for threads,
                                         1000000 for virtual, 1024 for process and pool
                  --chunk=K            tasks per submission, 0 to 1000000; 0 lets the
                                         executor choose (default)
                  --halt=WHEN          on a failed task: never (keep going), soon (start
                                         nothing new), now (cancel running)
                  --timeout=SECONDS    per-task time limit, 0.001 to 1e+07 seconds, under
                                         every executor (in-JVM tasks stop at their next
                                         block)
                  --retries=N          extra attempts for a task whose worker process died
                                         or timed out, 0 to 100 (default: 0)
              -q, --quiet              no progress and no table; summary.csv only
                  --array=M            slurm: array elements (shards), each a slice of the
                                         tasks (default: one per free slot of the cluster,
                                         at most one per task)
                  --inner-executor=NAME
                                       slurm: the executor each array element uses on its
                                         node (default: forkjoin)
                  --slurm-opt=OPTION   slurm: an extra sbatch option, e.g.
                                         --slurm-opt=--partition=short
                                         --slurm-opt=--account=proj42 --slurm-opt=--time=2:
                                         00:00 (repeatable)
                  --no-wait            slurm: submit the array, print its job id and
                                         return; 'mcsweep merge' finishes later
                  --spec=FILE          read the sweep from a TOML sweep file; options given
                                         here override it
                  --print-spec         print the sweep file for this command line, and run
                                         nothing
                  --dry-run            print the tasks and totals, and write nothing
                  --resume             run only the tasks that the job log in --out does
                                         not show done with an intact file
                  --resume-failed      like --resume, and run failed tasks again too
                  --shard=K/N          run the K-th of N slices of the tasks (tasks with
                                         index mod N = K-1); combine the shards with
                                         'mcsweep merge'
              -h, --help               Show this help message and exit.
              -V, --version            Print version information and exit.
                  --kernel-path=JAR    a jar (or class folder) with more kernels; repeat
                                         for more than one

            Exit codes: 0 all tasks finished; 2 bad input (nothing written); 100+n n tasks
            failed (199: 99 or more); 130 interrupted by Ctrl-C (SIGINT); 143 terminated
            (SIGTERM); 74 results could not be recorded (see joblog.tsv).

            Example (the lesson's 7-task sweep):
              mcsweep sweep --zip --beta 0.5,0.5,1,1,1,2,2 --x0 0.5,1,0.5,1,2,1,2 --h 1
            --iterations 100000
            """;

    /** The argument lists that print sweep's help and nothing else. */
    private static final List<List<String>> ASKS = List.of(
            List.of("sweep", "--help"), List.of("sweep", "-h"), List.of("help", "sweep"));

    private PrerenderedHelp() {
    }

    /**
     * Prints sweep's help to {@code out} if {@code args} ask for it alone, at the default width (the system
     * property {@code picocli.usage.width} is {@value #WIDTH}) and without colours.
     *
     * @return whether it did
     */
    static boolean print(String[] args, PrintStream out) {
        if (args.length != 2 || !ASKS.contains(Arrays.asList(args))
                || !WIDTH.equals(System.getProperty("picocli.usage.width")) || Ansi.AUTO.enabled()) {
            return false;
        }
        out.print("\n".equals(System.lineSeparator()) ? TEXT : TEXT.replace("\n", System.lineSeparator()));
        out.flush();
        return true;
    }
}
