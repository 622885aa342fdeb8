package mcsweep.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import mcsweep.executors.SweepExecutors;
import mcsweep.kernel.Slowdown;
import mcsweep.kernel.io.AtomicFile;

/**
 * The performance-regression gate: {@code java -jar bench.jar --check [BASELINE]} measures the figures of
 * {@link GateFigures} with the reference loops in the same run, compares them with the baseline
 * ({@link GateCheck}), re-measures regressions once, prints the table, writes it as gate.json (and
 * gate.txt) into the results folder, and exits 1 on a regression; {@code --update-baseline} records the
 * baseline from several runs.
 */
final class GateMain {

    private GateMain() {
    }

    /** JMH's error above this share of a figure makes its line flagged as unreliable. */
    static final double NOISY = 0.10;

    /** The default baseline folder for a kernel, relative to the working directory (the repository root). */
    static Path defaultBaseline(KernelSpec spec) {
        return spec.isLesson() ? Path.of("results", "baseline") : Path.of("results", "baseline-" + spec.kernel());
    }

    static int check(BenchArgs a, KernelSpec spec, CommandLineOptions user, PrintStream out, PrintStream err)
            throws Exception {
        Path dir = a.baseline() != null ? a.baseline() : defaultBaseline(spec);
        Baseline baseline;
        try {
            baseline = Baseline.read(dir);
        } catch (IOException e) {
            err.println("bench: --check: no baseline at " + dir + (e instanceof java.nio.file.NoSuchFileException ? ""
                    : " (" + e.getMessage() + ")") + "; record one with --update-baseline " + dir);
            return 2;
        }
        if (!baseline.kernel().equals(spec.describe())) {
            err.println("bench: --check: the baseline in " + dir + " was recorded for " + baseline.kernel()
                    + ", not " + spec.describe() + "; give that kernel, or record a baseline for this one");
            return 2;
        }
        Pattern expect = null;
        if (a.expectRegressions() != null) {
            expect = Pattern.compile(a.expectRegressions());
        }
        Path results = resultsFolder(a, "check");
        Files.createDirectories(results);
        out.printf(Locale.ROOT, "mcsweep gate: %s against %s (recorded %s on %s, %s)%n", spec.describe(), dir,
                baseline.recorded(), baseline.machine(), baseline.jdk());
        out.printf(Locale.ROOT, "  this machine: %s; %s%s%n", machine(), jdk(),
                Slowdown.enabled() ? "; DELIBERATE SLOWDOWN ON (mcsweep.slowdown=" + Slowdown.EXTRA + ")" : "");
        out.println("  JMH's progress: " + results.resolve("jmh.log").toAbsolutePath() + (a.verbose() ? " (and here)" : ""));
        Pattern only = a.only() == null ? null : Pattern.compile(a.only());
        List<GateFigures.Figure> figures = GateFigures.all(spec, SweepExecutors.names(),
                Runtime.getRuntime().availableProcessors()).stream()
                .filter(f -> only == null || only.matcher(f.id()).matches()).toList();
        if (figures.isEmpty()) {
            err.println("bench: --only: '" + a.only() + "' matches none of the gate's figures: "
                    + String.join(", ", GateFigures.all(spec, SweepExecutors.names(),
                    Runtime.getRuntime().availableProcessors()).stream().map(GateFigures.Figure::id).toList()));
            return 2;
        }
        if (only != null) {
            out.println("  only: " + String.join(", ", figures.stream().map(GateFigures.Figure::id).toList()));
        }
        long start = System.nanoTime();
        try (PrintStream log = log(results, a.verbose(), out)) {
            Map<String, GateCheck.Measured> now = measure(figures, user, log, out);
            List<GateCheck.Row> rows = GateCheck.compare(baseline, now,
                    id -> only == null || only.matcher(id).matches());
            List<String> again = rows.stream().filter(r -> r.verdict() == GateCheck.Verdict.REGRESSION)
                    .map(GateCheck.Row::id).toList();
            if (!again.isEmpty()) {
                out.println("  out of tolerance, measuring again once: " + String.join(", ", again));
                List<GateFigures.Figure> retry = figures.stream().filter(f -> again.contains(f.id())).toList();
                Map<String, GateCheck.Measured> second = measure(retry, user, log, out);
                List<GateCheck.Row> updated = new ArrayList<>();
                for (GateCheck.Row r : rows) {
                    GateCheck.Measured m = second.get(r.id());
                    if (again.contains(r.id())) {
                        double v = m == null ? Double.NaN : m.value();
                        GateCheck.Verdict verdict = m != null && !(v > 0) ? GateCheck.Verdict.NOISE
                                : GateCheck.verdict(r.baseline(), v, r.tolerance());
                        updated.add(new GateCheck.Row(r.id(), r.description(), r.baseline(), v,
                                m == null ? Double.NaN : m.nanos(), m == null ? Double.NaN : m.errorShare(),
                                r.tolerance(), verdict, true));
                    } else {
                        updated.add(r);
                    }
                }
                rows = updated;
            }
            long took = System.nanoTime() - start;
            boolean failed = rows.stream().anyMatch(r -> r.verdict() == GateCheck.Verdict.REGRESSION
                    || r.verdict() == GateCheck.Verdict.MISSING);
            String verdictLine;
            if (expect != null) {
                List<String> expected = GateCheck.matching(rows, expect);
                List<String> regressed = GateCheck.regressed(rows);
                boolean exact = GateCheck.exactly(rows, expect);
                verdictLine = exact ? "PASS: exactly the expected figures regressed (" + String.join(", ", expected) + ")"
                        : "FAIL: expected regressions in " + expected + ", got " + regressed;
                failed = !exact;
            } else {
                long regressions = rows.stream().filter(r -> r.verdict() == GateCheck.Verdict.REGRESSION).count();
                long missing = rows.stream().filter(r -> r.verdict() == GateCheck.Verdict.MISSING).count();
                verdictLine = failed ? "FAIL: " + regressions + " regression(s)" + (missing > 0 ? ", " + missing
                        + " figure(s) not measured (see jmh.log)" : "") : "PASS";
            }
            String table = table(rows, verdictLine, took);
            out.print(table);
            AtomicFile.write(results.resolve("gate.txt"), true, o -> o.write(table.getBytes(StandardCharsets.UTF_8)));
            byte[] json = (Baseline.gson().toJson(json(rows, baseline, dir, spec, verdictLine, !failed, took)) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(results.resolve("gate.json"), true, o -> o.write(json));
            out.println("Wrote gate.txt, gate.json, jmh.log to " + results.toAbsolutePath());
            return failed ? 1 : 0;
        }
    }

    static int updateBaseline(BenchArgs a, KernelSpec spec, CommandLineOptions user, PrintStream out, PrintStream err)
            throws Exception {
        if (Slowdown.enabled()) {
            err.println("bench: --update-baseline: refusing to record a baseline with -Dmcsweep.slowdown on");
            return 2;
        }
        Path dir = a.baseline() != null ? a.baseline() : defaultBaseline(spec);
        if (a.tolerancesOnly()) {
            return retolerate(dir, out, err);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            err.println("bench: --update-baseline: " + dir + " is a file; give a folder (created if missing)");
            return 2;
        }
        Path results = resultsFolder(a, "baseline");
        Files.createDirectories(results);
        List<GateFigures.Figure> figures = GateFigures.all(spec, SweepExecutors.names(),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "mcsweep gate: recording the baseline for %s in %s from %d run(s); %s; %s%n",
                spec.describe(), dir, a.runs(), machine(), jdk());
        out.println("  JMH's progress: " + results.resolve("jmh.log").toAbsolutePath());
        Map<String, List<GateCheck.Measured>> all = new LinkedHashMap<>();
        String commit = commit(); // now: the code measured is the code checked out when the runs start
        long start = System.nanoTime();
        try (PrintStream log = log(results, a.verbose(), out)) {
            for (int run = 1; run <= a.runs(); run++) {
                out.printf(Locale.ROOT, "  run %d of %d%n", run, a.runs());
                measure(figures, user, log, out).forEach((id, m) -> all.computeIfAbsent(id, k -> new ArrayList<>()).add(m));
            }
        }
        Map<String, Baseline.Entry> entries = new LinkedHashMap<>();
        for (GateFigures.Figure f : figures) {
            List<GateCheck.Measured> ms = all.getOrDefault(f.id(), List.of()).stream().filter(m -> m.value() > 0).toList();
            if (ms.size() < a.runs()) {
                err.println("bench: --update-baseline: " + f.id() + " was not measured in every run (see "
                        + results.resolve("jmh.log") + "); nothing written");
                return 1;
            }
            entries.put(f.id(), GateCheck.entry(f.description(), f.reference().method, ms));
        }
        Baseline b = new Baseline(spec.describe(), LocalDateTime.now().withNano(0).toString(), machine(), jdk(), commit,
                a.runs(), Slowdown.EXTRA, entries);
        b.write(dir);
        String doc = tolerances(b);
        AtomicFile.write(dir.resolve("TOLERANCES.md"), true, o -> o.write(doc.getBytes(StandardCharsets.UTF_8)));
        out.print(doc);
        out.printf(Locale.ROOT, "Wrote %s and TOLERANCES.md (took %s)%n", dir.resolve(Baseline.FILE),
                Format.duration(System.nanoTime() - start));
        return 0;
    }

    /**
     * {@code --update-baseline DIR --tolerances-only}: derives the tolerances again from the runs the baseline
     * holds (after a change of the rule), measuring nothing.
     */
    private static int retolerate(Path dir, PrintStream out, PrintStream err) throws Exception {
        Baseline old;
        try {
            old = Baseline.read(dir);
        } catch (IOException e) {
            err.println("bench: --tolerances-only: no baseline at " + dir + " (" + e.getMessage() + ")");
            return 2;
        }
        Map<String, Baseline.Entry> entries = new LinkedHashMap<>();
        old.figures().forEach((id, e) -> entries.put(id, new Baseline.Entry(e.description(), e.reference(), e.value(),
                e.nanos(), e.spread(), GateCheck.tolerance(e.values()), e.values())));
        Baseline b = new Baseline(old.kernel(), old.recorded(), old.machine(), old.jdk(), old.commit(), old.runs(),
                old.slowdown(), entries);
        b.write(dir);
        String doc = tolerances(b);
        AtomicFile.write(dir.resolve("TOLERANCES.md"), true, o -> o.write(doc.getBytes(StandardCharsets.UTF_8)));
        out.print(doc);
        return 0;
    }

    /** Measures the figures and the reference loops in one go; figures that failed to run are left out. */
    static Map<String, GateCheck.Measured> measure(List<GateFigures.Figure> figures, CommandLineOptions user,
                                                   PrintStream log, PrintStream out) {
        List<RunResult> results = new ArrayList<>();
        List<RunResult> references = new ArrayList<>();
        List<GateFigures.Selection> selections = new ArrayList<>();
        // The reference loops before and after the figures: each figure is divided by the mean of the two, so
        // that a load that comes or goes during the run moves the reference with the figures.
        selections.add(GateFigures.references());
        figures.forEach(f -> selections.addAll(f.selections()));
        selections.add(GateFigures.references());
        for (GateFigures.Selection s : selections) {
            Profile.Group g = new Profile.Group("gate", s.include(), List.of(), s.forks(), s.warmups(), s.warmupTime(),
                    s.iterations(), s.time(), s.params());
            try {
                Options base = g.options(user);
                List<String> append = new ArrayList<>(base.getJvmArgsAppend().orElse(List.of()));
                append.addAll(GateFigures.JVM_ARGS);
                Collection<RunResult> r = Jmh.run(new OptionsBuilder().parent(base)
                        .jvmArgsAppend(append.toArray(String[]::new)).build(), log);
                (s.include().equals(GateFigures.REFERENCE) ? references : results).addAll(r);
            } catch (RunnerException | RuntimeException e) {
                if (String.valueOf(e.getMessage()).contains("JMH lock")) {
                    throw new IllegalStateException("another JMH run holds /tmp/jmh.lock; wait for it, or add"
                            + " -Djmh.ignoreLock=true before -jar to measure anyway", e);
                }
                log.println("gate: " + s.include() + " " + s.params() + " failed: " + e);
                out.println("  " + s.include().replace("\\", "") + " " + s.params() + " failed (see jmh.log)");
            }
        }
        Map<GateFigures.Reference, Score> refs = new LinkedHashMap<>();
        for (GateFigures.Reference r : GateFigures.Reference.values()) {
            Score s = GateFigures.reference(r, references);
            if (s != null) {
                refs.put(r, s);
            }
        }
        Map<String, GateCheck.Measured> m = new LinkedHashMap<>();
        for (GateFigures.Figure f : figures) {
            Score s = f.read(results);
            Score ref = refs.get(f.reference());
            if (s == null || ref == null) {
                continue;
            }
            // A fitted slope at or below zero (pool's c on a crowded machine) is noise, not a measurement.
            if (!(s.median() > 0)) {
                m.put(f.id(), new GateCheck.Measured(f.description(), f.reference().method, Double.NaN, s.median(),
                        Double.NaN));
                continue;
            }
            m.put(f.id(), new GateCheck.Measured(f.description(), f.reference().method, s.median() / ref.median(),
                    s.median(), Math.abs(s.error() / s.median())));
        }
        StringBuilder line = new StringBuilder("    measured:");
        m.forEach((id, v) -> line.append(' ').append(id).append(' ').append(Format.duration(v.nanos())).append(';'));
        out.println(line.substring(0, line.length() - 1));
        return m;
    }

    static String table(List<GateCheck.Row> rows, String verdictLine, long nanos) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        p.println();
        p.println("Figures as multiples of a reference loop run alongside (ratio = now / baseline; tolerance from the");
        p.println("spread of the runs the baseline was recorded from; a regression was measured twice):");
        p.printf(Locale.ROOT, "  %-16s %-10s %-10s %-7s %-9s %-32s %s%n", "figure", "baseline", "now", "ratio",
                "tolerance", "verdict", "measured now");
        boolean noisy = false;
        for (GateCheck.Row r : rows) {
            boolean flag = r.errorShare() > NOISY;
            noisy |= flag;
            p.printf(Locale.ROOT, "  %-16s %-10s %-10s %-7s %-9s %-32s %s%s  %s%n", r.id(), GateCheck.times(r.baseline()),
                    GateCheck.times(r.now()), Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()),
                    Double.isNaN(r.tolerance()) ? "-" : "±" + Format.percent(r.tolerance()),
                    r.verdict().text + (r.remeasured() ? " (2nd)" : ""), Format.duration(r.nanos()), flag ? " !" : "",
                    r.description());
        }
        if (noisy) {
            p.printf(Locale.ROOT, "  ! JMH's error is over %s of this figure now: the machine is busy; rerun on a quieter one%n",
                    Format.percent(NOISY));
        }
        p.println(verdictLine + " (gate took " + Format.duration(nanos) + ")");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject json(List<GateCheck.Row> rows, Baseline b, Path dir, KernelSpec spec, String verdict,
                                   boolean passed, long nanos) {
        JsonObject o = new JsonObject();
        o.addProperty("passed", passed);
        o.addProperty("verdict", verdict);
        o.addProperty("kernel", spec.describe());
        o.addProperty("baseline", dir.toAbsolutePath().toString());
        o.addProperty("baselineRecorded", b.recorded());
        o.addProperty("baselineMachine", b.machine());
        o.addProperty("date", LocalDateTime.now().withNano(0).toString());
        o.addProperty("machine", machine());
        o.addProperty("jdk", jdk());
        o.addProperty("slowdown", Slowdown.EXTRA);
        o.addProperty("seconds", nanos / 1e9);
        JsonArray a = new JsonArray();
        for (GateCheck.Row r : rows) {
            JsonObject f = new JsonObject();
            f.addProperty("figure", r.id());
            f.addProperty("description", r.description());
            f.addProperty("baseline", r.baseline());
            f.addProperty("now", r.now());
            f.addProperty("ratio", r.ratio());
            f.addProperty("tolerance", r.tolerance());
            f.addProperty("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
            f.addProperty("remeasured", r.remeasured());
            f.addProperty("nanos", r.nanos());
            f.addProperty("errorShare", r.errorShare());
            a.add(f);
        }
        o.add("figures", a);
        return o;
    }

    /** TOLERANCES.md: the baseline as a table, and how its tolerances were derived. */
    static String tolerances(Baseline b) {
        StringBuilder s = new StringBuilder();
        s.append("# Gate baseline: ").append(b.kernel()).append("\n\n");
        s.append("Recorded ").append(b.recorded()).append(" on ").append(b.machine()).append(", ").append(b.jdk())
                .append(", commit ").append(b.commit()).append(", from ").append(b.runs()).append(" run(s) of `java -jar bench.jar --update-baseline`.\n\n");
        s.append("Each value is the median over the runs of the figure divided by a reference loop measured in the same run,\n")
                .append("before and after the figures (`scalar`: a dependent floating-point chain; `memory`: a 32 MiB copy).\n")
                .append("Largest spread = the largest distance of one run from that median; typical = the median distance.\n\n")
                .append("**Rule.** Tolerance = max(").append(Format.percent(GateCheck.MIN_TOLERANCE)).append(", ")
                .append(Format.sig(GateCheck.SPREAD_FACTOR)).append(" x largest spread), rounded up to 5% (")
                .append(Format.percent(GateCheck.SINGLE_RUN_TOLERANCE))
                .append(" when recorded from fewer than 3 runs). `--check` calls a figure a regression when now / baseline >\n")
                .append("1 + tolerance, measures it again once, and fails only if the second measurement is out too; a figure\n")
                .append("below 1 / (1 + tolerance) is reported as faster (raise the baseline), never failed. Record from a quiet\n")
                .append("machine only: a busy one records its load as spread and widens every tolerance.\n\n");
        s.append("| figure | what | reference | baseline (x ref) | median time | typical spread | largest | tolerance | runs |\n");
        s.append("|---|---|---|---|---|---|---|---|---|\n");
        b.figures().forEach((id, e) -> s.append("| ").append(id).append(" | ").append(e.description()).append(" | ")
                .append(e.reference()).append(" | ").append(GateCheck.times(e.value())).append(" | ")
                .append(Format.duration(e.nanos())).append(" | ")
                .append(e.values().size() < 2 ? "-" : Format.percent(GateCheck.typicalSpread(e.values()))).append(" | ")
                .append(Double.isNaN(e.spread()) ? "-" : Format.percent(e.spread())).append(" | ±")
                .append(Format.percent(e.tolerance())).append(" | ")
                .append(e.values().stream().map(GateCheck::times).reduce((x, y) -> x + ", " + y).orElse(""))
                .append(" |\n"));
        return s.toString();
    }

    private static Path resultsFolder(BenchArgs a, String kind) {
        return a.results() != null ? a.results() : Path.of("bench-results",
                kind + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** jmh.log in the results folder; with {@code -v} JMH's progress also goes to {@code out}. */
    static PrintStream log(Path results, boolean verbose, PrintStream out) throws IOException {
        PrintStream file = new PrintStream(Files.newOutputStream(results.resolve("jmh.log")), true, StandardCharsets.UTF_8);
        if (!verbose) {
            return file;
        }
        PrintStream both = Jmh.tee(file, out);
        return new PrintStream(both, true, StandardCharsets.UTF_8) {
            @Override
            public void close() {
                both.flush();
                file.close(); // never close the terminal's stream
            }
        };
    }

    /** CPU model and cores, from /proc/cpuinfo where there is one. */
    static String machine() {
        String model = System.getProperty("os.arch");
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            model = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(model);
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture will do
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }

    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && !s.isEmpty() ? s : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
