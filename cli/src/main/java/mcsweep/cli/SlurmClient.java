package mcsweep.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's command-line clients ({@code sbatch}, {@code squeue}, {@code scontrol}, {@code sinfo}), each call
 * bounded in time. They find the cluster the usual way ({@code SLURM_CONF} or {@code /etc/slurm}); no
 * accounting database ({@code sacct}) is needed.
 */
final class SlurmClient {

    /** A client's exit code and what it printed. */
    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        /** The client's complaint in one line, for messages. */
        String complaint() {
            String s = (err.isBlank() ? out : err).strip().replace('\n', ' ');
            return s.isEmpty() ? "exit code " + exit : s;
        }
    }

    /** A node: name, CPUs and Slurm's short state ({@code idle}, {@code mix}, {@code alloc}, {@code down*}, ...). */
    record Node(String name, int cpus, String state) {
        /** Whether jobs can start there now or once it frees up (not down, drained, failing or rebooting). */
        boolean usable() {
            String s = state.replace("*", "").replace("~", "").replace("#", "").replace("%", "");
            return s.equals("idle") || s.equals("mix") || s.equals("alloc") || s.equals("comp") || s.equals("resv")
                    || s.equals("plnd");
        }
    }

    /** Slurm's final word on a finished array element, while it still remembers it (MinJobAge). */
    record ElementState(String state, String exitCode) {
    }

    private static final long CALL_SECONDS = 60;

    /** Whether {@code sbatch} is on the PATH. */
    static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "sbatch"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs one client, waiting at most a minute (a busy controller answers slowly, a dead one never). */
    Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, null);
    }

    /** @param input what the client reads on stdin, or {@code null} for nothing */
    private Result run(List<String> command, String input) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (input == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p = pb.start();
        if (input != null) {
            try (var in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        CompletableFuture<String> out = readAsync(p.getInputStream());
        CompletableFuture<String> err = readAsync(p.getErrorStream());
        try {
            if (!p.waitFor(CALL_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not answer within " + CALL_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /**
     * Asks the controller whether it would accept {@code script} as a job array ({@code sbatch --test-only}),
     * submitting nothing: a wrong partition, account or limit is then refused before anything is written.
     *
     * @return {@code null} if it would, else sbatch's complaint
     */
    String test(String script, String indices) throws IOException, InterruptedException {
        Result r = run(List.of("sbatch", "--test-only", "--array=" + indices), script);
        return r.ok() ? null : r.err().lines().filter(l -> !l.isBlank()).findFirst().orElse(r.complaint());
    }

    /** Submits {@code script} as a job array with the given indices; returns the array's job id. */
    String submit(Path script, String indices) throws IOException, InterruptedException {
        Result r = run(List.of("sbatch", "--parsable", "--array=" + indices, script.toString()));
        if (!r.ok()) {
            throw new IOException("sbatch failed: " + r.complaint());
        }
        // --parsable prints "jobid" or "jobid;cluster"
        String id = r.out().strip().split(";")[0];
        if (!id.matches("\\d+")) {
            throw new IOException("sbatch printed no job id: " + r.out().strip());
        }
        return id;
    }

    /**
     * The elements of the given array jobs that are pending or running, by array index, with their state
     * ({@code PENDING}, {@code RUNNING}, ...). Finished elements are absent.
     */
    Map<Integer, String> activeElements(Collection<String> jobIds) throws IOException, InterruptedException {
        Map<Integer, String> active = new HashMap<>();
        if (jobIds.isEmpty()) {
            return active;
        }
        // -r lists pending elements one per line instead of as 17_[3-7].
        Result r = run(List.of("squeue", "-h", "-r", "-j", String.join(",", jobIds), "-o", "%F|%K|%T"));
        if (!r.ok()) {
            // Jobs the controller has already forgotten make squeue fail; nothing of them is active then.
            if (r.err().contains("Invalid job id")) {
                return active;
            }
            throw new IOException("squeue failed: " + r.complaint());
        }
        for (String line : r.out().split("\n")) {
            String[] f = line.strip().split("\\|");
            if (f.length == 3 && jobIds.contains(f[0]) && f[1].matches("\\d+")) {
                active.put(Integer.parseInt(f[1]), f[2]);
            }
        }
        return active;
    }

    /** The pending or running elements of every array job named {@code name}, by job id (see {@link SlurmScript#jobName}). */
    Map<String, SortedSet<Integer>> activeNamed(String name) throws IOException, InterruptedException {
        Result r = run(List.of("squeue", "-h", "-r", "-n", name, "-o", "%F|%K|%T"));
        if (!r.ok()) {
            throw new IOException("squeue failed: " + r.complaint());
        }
        Map<String, SortedSet<Integer>> jobs = new TreeMap<>();
        for (String line : r.out().split("\n")) {
            String[] f = line.strip().split("\\|");
            if (f.length == 3 && f[0].matches("\\d+") && f[1].matches("\\d+")) {
                jobs.computeIfAbsent(f[0], k -> new TreeSet<>()).add(Integer.parseInt(f[1]));
            }
        }
        return jobs;
    }

    /** Slurm's record of element {@code index} of array {@code jobId}, if it still has one. */
    Optional<ElementState> elementState(String jobId, int index) throws IOException, InterruptedException {
        Result r = run(List.of("scontrol", "-o", "show", "job", jobId + "_" + index));
        if (!r.ok()) {
            return Optional.empty();
        }
        Map<String, String> f = fields(r.out());
        String state = f.get("JobState");
        return state == null ? Optional.empty() : Optional.of(new ElementState(state, f.getOrDefault("ExitCode", "?")));
    }

    private static Map<String, String> fields(String oneLine) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String word : oneLine.strip().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                f.putIfAbsent(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return f;
    }

    /** The nodes of {@code partition} (or of the default partitions when {@code null}). */
    List<Node> nodes(String partition) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sinfo", "-h", "-N", "-o", "%N|%c|%t"));
        if (partition != null) {
            cmd.addAll(List.of("-p", partition));
        }
        Result r = run(cmd);
        if (!r.ok()) {
            throw new IOException("sinfo failed: " + r.complaint());
        }
        Map<String, Node> byName = new LinkedHashMap<>(); // a node in two partitions is listed twice
        for (String line : r.out().split("\n")) {
            String[] f = line.strip().split("\\|");
            if (f.length == 3 && f[1].matches("\\d+")) {
                byName.putIfAbsent(f[0], new Node(f[0], Integer.parseInt(f[1]), f[2]));
            }
        }
        return List.copyOf(byName.values());
    }
}
