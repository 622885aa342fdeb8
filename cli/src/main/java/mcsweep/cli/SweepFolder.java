package mcsweep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import mcsweep.executors.Task;
import mcsweep.kernel.io.AtomicFile;

/**
 * The output folder as a record of one sweep: its definition ({@code sweep.toml}), checked before anything
 * is written so that a folder never mixes two sweeps' files, and the clean-up of temporary files a killed
 * sweep left behind.
 */
final class SweepFolder {

    private SweepFolder() {
    }

    /**
     * Refuses, with one line, a folder that holds another sweep's results. Reads only.
     *
     * @param how what to tell the user to do instead
     */
    static void checkDefinition(Path out, SweepDefinition definition, String how) {
        Path file = out.resolve(SweepDefinition.FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        String recorded;
        try {
            recorded = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("--out: cannot read " + file + ": " + e.getMessage());
        }
        if (recorded.equals(definition.toToml())) {
            return;
        }
        String difference;
        try {
            difference = definition.difference(recordedDefinition(file));
        } catch (UserError unreadable) {
            difference = null;
        }
        throw new UserError("--out " + out + " holds another sweep's results ("
                + (difference == null ? "its " + SweepDefinition.FILE + " differs" : difference) + "); " + how);
    }

    /** The definition recorded in {@code file}, through the sweep-file reader. */
    static SweepDefinition recordedDefinition(Path file) {
        SpecFile.Contents c = SpecFile.read("--out", file);
        java.util.Map<String, List<Double>> values = new java.util.LinkedHashMap<>();
        if (c.values() != null) {
            c.values().forEach((k, v) -> values.put(k, ValueLists.parse(k, v)));
        }
        return new SweepDefinition(c.kernel(), c.scheme(), c.rng(), c.seed() == null ? 0 : c.seed(),
                c.iterations() == null ? 0 : c.iterations(), Boolean.TRUE.equals(c.zip()),
                c.replicas() == null ? 1 : c.replicas(), c.format(), c.template(), values);
    }

    /**
     * Records the definition, first of all files, atomically (unless it is there already). Not forced to
     * the disk, for the reason {@link JobLog#close} gives.
     */
    static void writeDefinition(Path out, SweepDefinition definition) throws IOException, InterruptedException {
        Path file = out.resolve(SweepDefinition.FILE);
        String text = definition.toToml();
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        AtomicFile.write(file, false, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Deletes the temporary files that a killed sweep left beside its files (see {@link #isTempOf}); touches
     * nothing else.
     *
     * @return the names of the files deleted
     */
    static List<String> cleanLeftovers(Path out, List<Task> tasks, List<String> ownFiles) throws IOException {
        Set<String> targets = null; // built only if a temporary name is there: 1.5 ms of a cold start otherwise
        List<String> deleted = new ArrayList<>();
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(out)) { // not Files.list: see SweepPlan.names
            for (Path p : s) {
                entries.add(p);
            }
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (targetOf(name) == null) {
                continue;
            }
            if (targets == null) {
                targets = targets(tasks, ownFiles);
            }
            if (isTempOfAny(name, targets) && Files.isRegularFile(p)) {
                Files.deleteIfExists(p);
                deleted.add(name);
            }
        }
        return deleted;
    }

    /** The names of the files the sweep writes: {@code ownFiles} and every task's trace. */
    private static Set<String> targets(List<Task> tasks, List<String> ownFiles) {
        Set<String> targets = new HashSet<>(ownFiles);
        for (Task t : tasks) {
            if (t.output() != null) {
                targets.add(t.output().getFileName().toString());
            }
        }
        return targets;
    }

    /**
     * The file a temporary file name belongs to, or {@code null} if {@code name} is not one. Temporary
     * names are {@code .NAME.tmp} or {@code .NAME.<unique>.tmp} (unique per writer); the second form is
     * recognised by trying each dot as the end of NAME, which is unambiguous once NAME must be one of
     * the sweep's files. (If {@link AtomicFile} grows its own recogniser, this should call it.)
     */
    static String targetOf(String name) {
        if (!name.startsWith(AtomicFile.TEMP_PREFIX) || !name.endsWith(AtomicFile.TEMP_SUFFIX)
                || name.length() <= AtomicFile.TEMP_PREFIX.length() + AtomicFile.TEMP_SUFFIX.length()) {
            return null;
        }
        return name.substring(AtomicFile.TEMP_PREFIX.length(), name.length() - AtomicFile.TEMP_SUFFIX.length());
    }

    private static boolean isTempOfAny(String name, Set<String> targets) {
        String inner = targetOf(name);
        // try NAME = the whole inner part, then each shorter prefix ending before a dot
        for (String t = inner; t != null; ) {
            if (targets.contains(t)) {
                return true;
            }
            int dot = t.lastIndexOf('.');
            t = dot > 0 ? t.substring(0, dot) : null;
        }
        return false;
    }

    /** Whether {@code name} is a temporary file of {@code target}: {@code .T.tmp} or {@code .T.X.tmp}. */
    static boolean isTempOf(String name, String target) {
        String inner = targetOf(name);
        return inner != null && (inner.equals(target) || inner.startsWith(target + "."));
    }
}
