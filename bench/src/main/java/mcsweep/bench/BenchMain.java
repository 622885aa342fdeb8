package mcsweep.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutors;
import mcsweep.kernel.io.AtomicFile;

/**
 * {@code java -jar bench.jar}: runs the benchmarks of a {@link Profile} (or those named on the command
 * line), then answers "which executor for my sweep?" from JMH's results ({@link BenchReport}) and writes
 * jmh.json, overhead.csv and overhead.png into the results folder.
 *
 * <p>Executors are found at run time ({@link SweepExecutors}) and handed to JMH as parameter values, so
 * every plugin in the jar is measured without a change here.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        BenchArgs a;
        CommandLineOptions user;
        try {
            a = BenchArgs.parse(args);
            user = new CommandLineOptions(a.jmhArgs().toArray(String[]::new));
            if (a.resultFormat() != null) {
                ResultFormatType.valueOf(a.resultFormat().toUpperCase(Locale.ROOT));
            }
        } catch (BenchArgs.Invalid | CommandLineOptionException e) {
            err.println("bench: " + e.getMessage() + " (see --help)");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("bench: -rf: unknown result format '" + args[List.of(args).indexOf("-rf") + 1]
                    + "'; one of text, csv, scsv, json, latex");
            return 2;
        }
        if (a.help()) {
            out.println(BenchArgs.USAGE);
            out.println();
            user.showHelp();
            return 0;
        }
        if (user.shouldList() || user.shouldListWithParams() || user.shouldListProfilers()
                || user.shouldListResultFormats() || user.shouldHelp()) {
            org.openjdk.jmh.Main.main(a.jmhArgs().toArray(String[]::new));
            return 0;
        }

        KernelSpec spec;
        try {
            spec = a.kernel() == null ? KernelSpec.LESSON : KernelSpec.parse(a.kernel(), a.kernelParams());
        } catch (IllegalArgumentException e) {
            err.println("bench: " + (e.getMessage().startsWith("-P") ? "" : "--kernel: ") + e.getMessage());
            return 2;
        }
        try {
            if (a.mode() == BenchArgs.Mode.CHECK) {
                return GateMain.check(a, spec, user, out, err);
            }
            if (a.mode() == BenchArgs.Mode.UPDATE_BASELINE) {
                return GateMain.updateBaseline(a, spec, user, out, err);
            }
        } catch (IllegalStateException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        }

        Path results = a.results() != null ? a.results()
                : Path.of("bench-results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(results) && !Files.isDirectory(results)) {
            err.println("bench: --results: " + results + " is a file; give a folder (created if missing)");
            return 2;
        }
        List<String> executors = SweepExecutors.names();
        int cores = Runtime.getRuntime().availableProcessors();
        Path python = Python.withNumpy().orElse(null);
        Profile profile = a.full() ? Profile.FULL : Profile.DEFAULT;
        boolean pathos = a.full() && python != null && Python.withPathos().isPresent();
        boolean custom = !user.getIncludes().isEmpty();
        out.printf(Locale.ROOT, "mcsweep bench: %s profile; executors found: %s; %d cores; Java %s (%s)%n",
                custom ? "custom" : profile.name().toLowerCase(Locale.ROOT),
                String.join(", ", executors), cores, System.getProperty("java.version"), System.getProperty("java.home"));
        out.println("  python reference: " + (python == null ? "none (no python3 with numpy on the PATH)"
                : python + " (sys.executable of python3 on the PATH, so no shim start-up is counted)"));
        if (profile == Profile.FULL && !custom && spec.isLesson()) {
            out.println("  lesson's Python program on Pathos: " + (pathos ? "measured beside the lesson sweeps"
                    : "skipped (needs python3 with numpy and pathos on the PATH: pip install pathos)"));
        }
        out.println("  kernel: " + spec.describe());
        out.println("  results: " + results.toAbsolutePath() + " (JMH's progress: jmh.log" + (a.verbose() ? ", and here)" : "; -v shows it here)"));
        Files.createDirectories(results);

        long start = System.nanoTime();
        List<String> slow = custom ? List.of() : slowExecutors(executors, cores, out);
        Profile.Found found = new Profile.Found(executors, slow, cores, python != null, pathos, spec);
        List<Profile.Group> groups = custom ? List.of(Profile.custom(found)) : profile.groups(found);
        List<RunResult> all = new ArrayList<>();
        PrintStream log = GateMain.log(results, a.verbose(), out);
        for (Profile.Group g : groups) {
            if (!a.verbose()) {
                out.println("  measuring: " + g.name());
            }
            try {
                all.addAll(Jmh.run(g.options(user), log));
            } catch (NoBenchmarksException e) {
                if (g.include() == null) {
                    err.println("bench: no benchmark matches " + user.getIncludes());
                    log.close();
                    return 2;
                }
                // A group with nothing to run (e.g. "other" when no other benchmark exists).
            } catch (RunnerException e) {
                if (String.valueOf(e.getMessage()).contains("JMH lock")) {
                    // Another benchmark is running on this machine: our numbers would be worthless.
                    err.println("bench: another JMH run holds /tmp/jmh.lock; wait for it, or add"
                            + " -Djmh.ignoreLock=true before -jar to measure anyway");
                    log.close();
                    return 1;
                }
                err.println("bench: JMH failed in group " + g.name() + ": " + e.getMessage());
            }
        }
        long benchNanos = System.nanoTime() - start;
        log.close();

        if (all.isEmpty()) {
            err.println("bench: no benchmark finished; JMH's output is in " + results.resolve("jmh.log"));
            return 1;
        }
        writeResults(all, ResultFormatType.JSON, results.resolve("jmh.json"));
        if (a.resultFormat() != null || a.resultFile() != null) {
            ResultFormatType type = a.resultFormat() == null ? ResultFormatType.CSV
                    : ResultFormatType.valueOf(a.resultFormat().toUpperCase(Locale.ROOT));
            writeResults(all, type, Path.of(a.resultFile() != null ? a.resultFile()
                    : "jmh-result." + type.name().toLowerCase(Locale.ROOT)));
        }
        BenchReport report = BenchReport.of(all);
        var text = new java.io.ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            report.print(ps, a.iterations(), a.taskMillis(), a.tasks(), python);
        }
        byte[] reportBytes = text.toByteArray();
        out.print(text.toString(StandardCharsets.UTF_8));
        AtomicFile.write(results.resolve("report.txt"), true, o -> o.write(reportBytes));
        report.writeCsv(results.resolve("overhead.csv"));
        try {
            OverheadChart.write(report.analysis(), a.tasks(), results.resolve("overhead.png"));
        } catch (Exception | Error e) {
            err.println("bench: could not draw overhead.png: " + e);
        }
        out.printf(Locale.ROOT, "%nWrote report.txt, overhead.png, overhead.csv, jmh.json, jmh.log to %s (benchmarks took %s)%n",
                results.toAbsolutePath(), Format.duration(benchNanos));
        return 0;
    }

    /**
     * Times batches of {@value ExecutorSweepBenchmark#PROBE_TASKS} and {@value #PROBE_LARGE} zero-step tasks
     * through each executor, here, to find those whose cost per task (the difference, so that a fixed
     * start-up such as pool's worker JVMs does not count) is {@value Profile#SLOW_TASK_MILLIS} ms or more:
     * one JVM per task. The profile gives those smaller batches, since its large batch would take minutes.
     * The first, untimed batch leaves behind whatever an executor caches between runs (such as a worker CDS
     * archive), so neither this nor the benchmarks time its creation.
     */
    private static List<String> slowExecutors(List<String> executors, int cores, PrintStream out) {
        List<String> slow = new ArrayList<>();
        StringBuilder line = new StringBuilder("  batches of " + ExecutorSweepBenchmark.PROBE_TASKS + " and "
                + PROBE_LARGE + " zero-step tasks, " + cores + " workers:");
        for (String name : executors) {
            double small;
            double large;
            try {
                batch(name, cores);
                long t0 = System.nanoTime();
                batch(name, ExecutorSweepBenchmark.PROBE_TASKS);
                long t1 = System.nanoTime();
                batch(name, PROBE_LARGE);
                small = t1 - t0;
                large = System.nanoTime() - t1;
            } catch (RuntimeException e) {
                line.append(' ').append(name).append(" failed (").append(e.getMessage()).append(");");
                continue;
            }
            double perTask = (large - small) / (PROBE_LARGE - ExecutorSweepBenchmark.PROBE_TASKS);
            line.append(' ').append(name).append(' ').append(Format.duration(small)).append(", ")
                    .append(Format.duration(large)).append(';');
            if (perTask >= Profile.SLOW_TASK_MILLIS * 1e6) {
                slow.add(name);
            }
        }
        out.println(line.substring(0, line.length() - 1));
        if (!slow.isEmpty()) {
            out.println("  measured with smaller batches and fewer operations: " + String.join(", ", slow));
        }
        return List.copyOf(slow);
    }

    /** The probe's larger batch: 32 tasks more than the smaller one, so noise in a start-up shrinks 32-fold. */
    static final int PROBE_LARGE = 48;

    private static void batch(String executor, int tasks) {
        int cores = Runtime.getRuntime().availableProcessors();
        var list = Workloads.tasks(tasks, 0); // zero steps: what the kernel is does not matter here
        var collector = new Workloads.Collector();
        var outcome = SweepExecutors.byName(executor).execute(list, ExecutionOptions.defaults().withWorkers(cores),
                collector);
        collector.check(executor, outcome, list.size());
    }

    private static void writeResults(List<RunResult> all, ResultFormatType type, Path file) throws Exception {
        AtomicFile.write(file, true, out -> {
            PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
            ResultFormatFactory.getInstance(type, ps).writeOut(all);
            ps.flush();
        });
    }
}
