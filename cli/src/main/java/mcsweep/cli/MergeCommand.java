package mcsweep.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import mcsweep.executors.Task;
import mcsweep.executors.sweep.SweepPlan;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcsweep merge DIR...}: combines the job logs of a sweep's shards (or of runs into several folders)
 * into one folder's {@code joblog.tsv} and {@code summary.csv}, after checking that the folders hold the
 * same sweep, that every task is there exactly once, and that every finished task's file is intact.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Combines a sweep's shards into one job log and summary.",
        description = {
            "Reads sweep.toml and the job logs (joblog.K-of-N.tsv, or joblog.tsv in a folder without shard logs)",
            "of each DIR, checks that the folders hold the same sweep, that no task is missing or run by two",
            "shards, and that each finished task's file is intact (its XXH64 checksum), then writes joblog.tsv",
            "and summary.csv into --out, copying trace files there from the other folders."},
        footer = {"", "Exit codes: 0 every task finished; 2 the shards do not fit together (nothing written);"
            + " 100+n n tasks failed; 74 the merged files could not be written."})
final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "output folders of the sweep's shards")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", description = "where the merged files go (default: the first DIR)")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "print nothing but errors")
    boolean quiet;

    @Override
    public Integer call() {
        Path target = out != null ? out : dirs.get(0);
        // 1. one sweep
        String text = null;
        Path first = null;
        for (Path d : dirs) {
            Path f = d.resolve(SweepDefinition.FILE);
            if (!Files.isRegularFile(f)) {
                throw new UserError("merge: " + d + " holds no " + SweepDefinition.FILE + "; is it a sweep's output folder?");
            }
            String t = read(f);
            if (text == null) {
                text = t;
                first = d;
            } else if (!t.equals(text)) {
                String diff = SweepFolder.recordedDefinition(f).difference(SweepFolder.recordedDefinition(
                        first.resolve(SweepDefinition.FILE)));
                throw new UserError("merge: " + d + " holds another sweep than " + first + " ("
                        + (diff == null ? "their " + SweepDefinition.FILE + " differ" : diff.replace(" here,", " in " + d + ",")
                        .replace(" in " + SweepDefinition.FILE, " in " + first)) + ")");
            }
        }
        SweepDefinition def = SweepFolder.recordedDefinition(first.resolve(SweepDefinition.FILE));
        Kernel kernel = SweepCommand.kernel(def.kernel());
        List<Task> tasks = SweepPlan.tasks(new SweepPlan.Spec(kernel, def.values(), def.zip(), def.replicas(),
                def.iterations(), def.seed(), def.rng(), target, def.template()));

        // 2. every task once
        JobLog.Entry[] entries = new JobLog.Entry[tasks.size()];
        Path[] from = new Path[tasks.size()];
        String[] logOf = new String[tasks.size()];
        // By task index, not by the order tasks finished in: the message names the same tasks every time.
        java.util.SortedMap<Integer, String> duplicates = new java.util.TreeMap<>();
        int logs = 0;
        for (Path d : dirs) {
            for (Path log : jobLogs(d)) {
                logs++;
                Map<Integer, JobLog.Entry> latest;
                try {
                    latest = JobLog.latest(JobLog.read(log, kernel));
                } catch (IOException e) {
                    throw new UserError("merge: cannot read " + log + ": " + e.getMessage());
                }
                for (JobLog.Entry e : latest.values()) {
                    int i = e.index();
                    if (i < 0 || i >= tasks.size() || tasks.get(i).seed() != e.seed()) {
                        throw new UserError("merge: " + log + " has task " + i + " that is not this sweep's");
                    }
                    if (entries[i] != null) {
                        duplicates.putIfAbsent(i, i + " (" + logOf[i] + ", " + log + ")");
                        continue;
                    }
                    entries[i] = e;
                    from[i] = d;
                    logOf[i] = log.toString();
                }
            }
        }
        if (!duplicates.isEmpty()) {
            throw new UserError("merge: " + duplicates.size() + " task(s) appear in two job logs: "
                    + firstFew(new ArrayList<>(duplicates.values())) + "; merge each shard once");
        }
        List<String> missing = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < tasks.size(); i++) {
            JobLog.Entry e = entries[i];
            if (e == null || JobLog.CANCELLED.equals(e.status())) {
                missing.add(Integer.toString(i));
            } else if (e.ok()) {
                if (!e.file().isEmpty() && !intact(from[i].resolve(e.file()), e.checksum())) {
                    damaged.add(i + " (" + from[i].resolve(e.file()) + ")");
                }
            } else {
                failed++;
            }
        }
        if (!missing.isEmpty()) {
            throw new UserError("merge: " + missing.size() + " of " + tasks.size() + " tasks have not run: "
                    + firstFew(missing) + "; run their shard again with --resume, then merge");
        }
        if (!damaged.isEmpty()) {
            throw new UserError("merge: " + damaged.size() + " finished task(s) have a missing or changed file: "
                    + firstFew(damaged) + "; run their shard again with --resume, then merge");
        }

        // 3. write
        try {
            Files.createDirectories(target);
            String definition = text;
            if (!Files.isRegularFile(target.resolve(SweepDefinition.FILE))
                    || !read(target.resolve(SweepDefinition.FILE)).equals(definition)) {
                AtomicFile.write(target.resolve(SweepDefinition.FILE), true,
                        o -> o.write(definition.getBytes(StandardCharsets.UTF_8)));
            }
            for (int i = 0; i < tasks.size(); i++) {
                JobLog.Entry e = entries[i];
                if (e.ok() && !e.file().isEmpty()) {
                    copyInto(from[i].resolve(e.file()), target.resolve(e.file()));
                }
            }
            int summaries = kernel.summaryNames().size();
            AtomicFile.write(target.resolve(JobLog.FILE), true, o -> {
                o.write((JobLog.header(kernel) + "\n").getBytes(StandardCharsets.UTF_8));
                for (JobLog.Entry e : entries) {
                    o.write(JobLog.format(e, summaries).getBytes(StandardCharsets.UTF_8));
                }
            });
            AtomicFile.write(target.resolve(SweepReport.SUMMARY_FILE), true, o -> {
                Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                SweepReport.writeSummary(w, kernel, tasks, entries);
                w.flush();
            });
        } catch (IOException e) {
            System.err.println("mcsweep: merge: cannot write into " + target + ": " + e.getMessage());
            return ExitCodes.OUTPUT_FAILED;
        } catch (InterruptedException e) {
            return ExitCodes.INTERRUPTED;
        }
        if (!quiet) {
            System.out.println("merged " + logs + " job log(s) from " + dirs.size() + " folder(s): " + tasks.size()
                    + " tasks, " + (tasks.size() - failed) + " ok, " + failed + " failed -> "
                    + target.resolve(SweepReport.SUMMARY_FILE));
        }
        return ExitCodes.forFailures(failed);
    }

    /** The job logs of a folder: its shard logs if it has any (then joblog.tsv is an earlier merge's). */
    static List<Path> jobLogs(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            Pattern shardLog = Pattern.compile("joblog\\.[0-9]+-of-[0-9]+\\.tsv"); // not static: keep start-up cheap
            List<Path> shards = s.filter(p -> shardLog.matcher(p.getFileName().toString()).matches()).sorted().toList();
            if (!shards.isEmpty()) {
                return shards;
            }
        } catch (IOException e) {
            throw new UserError("merge: cannot list " + dir + ": " + e.getMessage());
        }
        Path plain = dir.resolve(JobLog.FILE);
        if (!Files.isRegularFile(plain)) {
            throw new UserError("merge: " + dir + " holds no job log (joblog.tsv or joblog.K-of-N.tsv)");
        }
        return List.of(plain);
    }

    private static boolean intact(Path file, String checksum) {
        try {
            return Files.isRegularFile(file) && Checksums.of(file).equals(checksum);
        } catch (IOException e) {
            return false;
        }
    }

    /** Puts a copy of {@code source} at {@code target} (a hard link when they share a file system). */
    private static void copyInto(Path source, Path target) throws IOException {
        if (Files.exists(target) && Files.isSameFile(source, target)) {
            return;
        }
        Path temp = target.resolveSibling(AtomicFile.TEMP_PREFIX + target.getFileName() + ".merge" + AtomicFile.TEMP_SUFFIX);
        Files.deleteIfExists(temp);
        try {
            Files.createLink(temp, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("merge: cannot read " + f + ": " + e.getMessage());
        }
    }

    private static String firstFew(List<String> items) {
        return String.join(", ", items.subList(0, Math.min(10, items.size()))) + (items.size() > 10 ? ", ..." : "");
    }
}
