package mcsweep.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sbatch script of a sweep's job array: element {@code a} ({@code SLURM_ARRAY_TASK_ID}) runs shard
 * {@code a + 1} of {@code elements} with the same java and jar as the coordinator (absolute paths: the
 * nodes are assumed to share the file system), then records its exit code under {@code <out>/slurm/exit/a}
 * (written whole: temporary name, then rename) for the coordinator and {@code --resume}.
 *
 * @param java         the element's command up to the subcommand: java, then {@code -jar JAR} or {@code -cp CP Main}
 * @param sweepArgs    the sweep's own options (no --out, --executor, --workers, --shard, --quiet)
 * @param out          the sweep's output folder, absolute
 * @param workDir      the coordinator's working directory, where relative paths in {@code sweepArgs} point
 * @param cpus         CPUs per element ({@code --cpus-per-task}); the inner executor gets as many workers
 * @param slurmOpts    the user's extra sbatch options, after ours so that they win
 * @param resumeFailed elements run {@code --resume-failed} instead of {@code --resume}: failed tasks run again
 */
record SlurmScript(List<String> java, List<String> sweepArgs, Path out, Path workDir, int elements, int cpus,
                   String innerExecutor, List<String> slurmOpts, boolean resumeFailed) {

    /** Shards are numbered from 1 ({@code --shard 1/M} .. {@code M/M}); array indices from 0. */
    static final int FIRST_SHARD = 1;

    /** The folder, under the output folder, of the array's script, state, element logs and exit codes. */
    static Path stateDir(Path out) {
        return out.resolve("slurm");
    }

    /**
     * The array's job name: the folder's name for people reading {@code squeue}, and a hash of its absolute
     * path, by which a rerun finds arrays of this folder that no record names.
     */
    static String jobName(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > 32) {
            name = name.substring(0, 32);
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
            return "mcsweep-" + name + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The command that runs this JVM's mcsweep again, on a node that shares our file system. */
    static List<String> currentJava() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            return List.of(java, "-jar", entries.get(0));
        }
        return List.of(java, "-cp", String.join(File.pathSeparator, entries), Main.class.getName());
    }

    /** The script's text; {@code indices} go into its {@code #SBATCH --array} line (sbatch --array overrides it). */
    String render(String indices) {
        Path state = stateDir(out);
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("# mcsweep sweep as a Slurm job array: element a runs shard a+").append(FIRST_SHARD).append(" of ")
                .append(elements).append(".\n");
        s.append("# By hand: mkdir -p ").append(quote(state.toString())).append("; sbatch THIS_FILE; when it has ended,")
                .append(" mcsweep merge ").append(quote(out.toString())).append('\n');
        s.append("#SBATCH --job-name=").append(jobName(out)).append('\n');
        s.append("#SBATCH --array=").append(indices).append('\n');
        s.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        s.append("#SBATCH --output=").append(state.resolve("%A_%a.out")).append('\n');
        s.append("#SBATCH --error=").append(state.resolve("%A_%a.err")).append('\n');
        s.append("#SBATCH --chdir=").append(workDir).append('\n');
        for (String opt : slurmOpts) {
            s.append("#SBATCH ").append(opt).append('\n');
        }
        s.append("state=").append(quote(state.toString())).append('\n');
        s.append("shard=$((SLURM_ARRAY_TASK_ID + ").append(FIRST_SHARD).append("))\n");
        List<String> cmd = new ArrayList<>(java);
        cmd.add("sweep");
        cmd.addAll(sweepArgs);
        cmd.addAll(List.of("--out", out.toString(), "--executor", innerExecutor));
        StringBuilder line = new StringBuilder();
        int lineStart = 0;
        for (String c : cmd) {
            String word = quote(c);
            // Readable for users who submit by hand: continuation lines, an option and its value kept together.
            if (line.length() - lineStart + word.length() > 100 && c.startsWith("-")) {
                line.append("\\\n    ");
                lineStart = line.length() - 4;
            }
            line.append(word).append(' ');
        }
        // Workers follow the CPUs Slurm really gave (a --slurm-opt=--cpus-per-task=N overrides ours).
        // --resume always: a fresh shard runs everything, a resubmitted or requeued one keeps its finished tasks.
        line.append("\\\n    --workers \"${SLURM_CPUS_PER_TASK:-").append(cpus).append("}\" --shard \"$shard/")
                .append(elements).append(resumeFailed ? "\" --resume-failed --quiet" : "\" --resume --quiet");
        s.append(line).append('\n');
        s.append("rc=$?\n");
        s.append("mkdir -p \"$state/exit\"\n");
        s.append("printf '%s_%s %s\\n' \"$SLURM_ARRAY_JOB_ID\" \"$SLURM_ARRAY_TASK_ID\" \"$rc\""
                + " > \"$state/exit/.$SLURM_ARRAY_TASK_ID.tmp\" \\\n");
        s.append("  && mv -f \"$state/exit/.$SLURM_ARRAY_TASK_ID.tmp\" \"$state/exit/$SLURM_ARRAY_TASK_ID\"\n");
        s.append("exit $rc\n");
        return s.toString();
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    /** {@code s} as one bash word: unchanged when it needs no quoting, else in single quotes. */
    static String quote(String s) {
        return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
