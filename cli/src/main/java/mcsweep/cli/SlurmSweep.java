package mcsweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import mcsweep.executors.SweepExecutors;
import mcsweep.executors.Task;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The coordinator of {@code mcsweep sweep --executor slurm}: submits one job array whose element {@code a}
 * runs {@code mcsweep sweep ... --shard a+1/M} with the inner executor on its node, waits (asking
 * {@code squeue}, each call bounded), shows progress from the shards' job logs, merges the shards when the
 * array ends, and names failed elements with their job ids and stderr files.
 *
 * <p>Everything it knows is in {@code <out>/slurm/} (the script, {@code array.tsv}, element logs and exit
 * codes), so {@code --resume} works after the coordinator itself died: elements still queued or running
 * are waited for, finished ones are kept, and only failed or never-submitted ones are submitted again
 * (with {@code --resume}, so a shard keeps the tasks it had finished). It never cancels the array: a
 * coordinator killed with its login session must not throw away a cluster's work.
 */
final class SlurmSweep {

    /** Options the coordinator sets itself for the elements, or that only make sense for the coordinator. */
    private static final Set<String> NOT_FOR_ELEMENTS = Set.of("--executor", "--workers", "--out", "--quiet",
            "--resume", "--resume-failed", "--shard", "--help", "--version");

    /** How long Slurm may stay unreachable before the coordinator gives up (the array keeps running). */
    private static final long UNREACHABLE_NANOS = 10L * 60 * 1_000_000_000L;

    private final SlurmOptions opts;
    private final List<Task> tasks;
    private final Path out;
    private final boolean quiet;
    private final boolean resume;
    private final boolean resumeFailed;
    private final SlurmClient slurm = new SlurmClient();
    private final PrintStream err = System.err;

    private SlurmSweep(SlurmOptions opts, List<Task> tasks, Path out, boolean quiet, boolean resume,
                       boolean resumeFailed) {
        this.opts = opts;
        this.tasks = tasks;
        this.out = out.toAbsolutePath().normalize();
        this.quiet = quiet;
        this.resume = resume;
        this.resumeFailed = resumeFailed;
    }

    /**
     * Runs the sweep's planned and validated {@code tasks} through Slurm (or prints the script).
     *
     * @param workers the user's {@code --workers}: CPUs per element, or {@code null} for a whole node's
     */
    static int run(SlurmOptions opts, SweepDefinition definition, List<Task> tasks, Path out, Integer workers,
                   boolean quiet) {
        ParseResult pr = opts.mixee.commandLine().getParseResult();
        boolean resumeFailed = pr.hasMatchedOption("--resume-failed");
        boolean resume = pr.hasMatchedOption("--resume") || resumeFailed;
        return new SlurmSweep(opts, tasks, out, quiet, resume, resumeFailed).run(pr, definition, workers);
    }

    private int run(ParseResult pr, SweepDefinition sweepDefinition, Integer workers) {
        if (pr.hasMatchedOption("--shard")) {
            throw new UserError("--shard: the slurm executor deals the shards out itself (--array M); drop --shard");
        }
        if (opts.innerExecutor.equals(SlurmOptions.EXECUTOR_NAME) || !SweepExecutors.names().contains(opts.innerExecutor)) {
            throw new UserError("--inner-executor: '" + opts.innerExecutor + "' is not an in-JVM executor; choose one of "
                    + String.join(", ", SweepExecutors.names()));
        }
        for (String o : opts.slurmOpts) {
            String name = o.split("[= ]", 2)[0];
            if (!o.startsWith("-")) {
                throw new UserError("--slurm-opt: '" + o + "' is not an sbatch option; write e.g."
                        + " --slurm-opt=--partition=short");
            }
            if (Set.of("--array", "-a", "--output", "-o", "--error", "-e", "--chdir", "-D", "--wrap", "--parsable")
                    .contains(name)) {
                throw new UserError("--slurm-opt: " + name + " is set by mcsweep itself (--array M for the elements;"
                        + " logs go to " + SlurmScript.stateDir(out) + ")");
            }
        }
        if (!(opts.poll > 0 && opts.poll <= 3600)) {
            throw new UserError("--poll: " + opts.poll + " is out of range; poll must be > 0 and <= 3600 seconds");
        }
        if (opts.array != null && (opts.array < 1 || opts.array > tasks.size())) {
            throw new UserError("--array: " + opts.array + " is out of range; array must be between 1 and "
                    + tasks.size() + " (the number of tasks)");
        }
        List<String> sweepArgs = elementArgs(pr);
        String definition = sweepArgs.stream().map(SlurmScript::quote).collect(Collectors.joining(" "));

        Optional<SlurmArrayState> recorded = Files.isDirectory(SlurmScript.stateDir(out))
                ? SlurmArrayState.read(out) : Optional.empty();
        if (recorded.isPresent() && !opts.printScript) {
            SlurmArrayState r = recorded.get();
            if (!resume) {
                throw new UserError("--out: " + out + " holds the work of " + (r.jobIds().isEmpty()
                        ? "an interrupted Slurm submission" : "Slurm array job " + String.join(", ", r.jobIds()))
                        + "; add --resume to wait for it and finish it, or choose another --out");
            }
            if (opts.array != null && opts.array != r.elements()) {
                throw new UserError("--array: " + opts.array + " differs from the " + r.elements() + " elements of"
                        + " the array recorded in " + out + "; drop --array to resume it");
            }
            if (!r.definition().equals(definition)) {
                throw new UserError("--resume: the sweep differs from the one recorded in "
                        + SlurmScript.stateDir(out).resolve(SlurmArrayState.FILE) + " (" + r.definition()
                        + "); rerun that command, or choose another --out");
            }
        }
        OutputFolder.check("--out", out);
        SweepFolder.checkDefinition(out, sweepDefinition, resume
                ? "write this sweep elsewhere with --out DIR, or resume that one with its own options"
                : "to continue it, run it again with --resume; to start a new sweep, choose another --out");
        if (!opts.printScript && !SlurmClient.available()) {
            throw new UserError("--executor slurm: sbatch is not on the PATH; run on a Slurm login node (or start a"
                    + " local cluster: scripts/slurm-local start), or print the script with 'mcsweep slurm-script'");
        }
        try {
            int cpus = workers != null ? workers : opts.printScript ? 1 : nodeCpus();
            int elements = recorded.map(SlurmArrayState::elements)
                    .orElseGet(() -> opts.array != null ? opts.array : opts.printScript ? 1 : defaultElements(cpus));
            SlurmScript script = new SlurmScript(SlurmScript.currentJava(), sweepArgs, out,
                    Path.of("").toAbsolutePath(), elements, cpus, opts.innerExecutor, opts.slurmOpts, resumeFailed);
            if (opts.printScript) {
                System.out.print(script.render("0-" + (elements - 1)));
                return ExitCodes.OK;
            }
            // Arrays of this folder in the queue that no record names: a coordinator killed between sbatch and
            // writing array.tsv, or another coordinator running into the same folder right now.
            Map<String, SortedSet<Integer>> unrecorded = new TreeMap<>(slurm.activeNamed(SlurmScript.jobName(out)));
            recorded.ifPresent(r -> unrecorded.keySet().removeAll(r.jobIds()));
            if (!unrecorded.isEmpty() && !resume) {
                throw new UserError("--out: Slurm array job " + String.join(", ", unrecorded.keySet()) + " is running"
                        + " into " + out + "; add --resume to wait for it and finish it, or choose another --out");
            }
            String refused = slurm.test(script.render("0-" + (elements - 1)), "0-" + (elements - 1));
            if (refused != null) {
                throw new UserError((opts.slurmOpts.isEmpty() ? "--executor slurm" : "--slurm-opt") + ": Slurm refuses"
                        + " the job array: " + refused.replaceFirst("^sbatch: error: ", ""));
            }
            SlurmArrayState state = recorded.orElse(new SlurmArrayState(elements, definition, List.of()));
            for (Map.Entry<String, SortedSet<Integer>> e : unrecorded.entrySet()) {
                err.println("mcsweep: slurm: array job " + e.getKey() + " of this folder is queued or running but was"
                        + " not recorded (its coordinator died while submitting?); waiting for it");
                state = state.with(new SlurmArrayState.Submission(e.getKey(), SlurmIndices.format(e.getValue())));
            }
            // The definition first, as a sweep writes it: the shards then find it there instead of racing to
            // write it. Then the record, before anything is submitted: a rerun always knows M.
            OutputFolder.create("--out", SlurmScript.stateDir(out));
            SweepFolder.writeDefinition(out, sweepDefinition);
            state.write(out);
            return coordinate(script, state);
        } catch (IOException e) {
            err.println("mcsweep: slurm: " + e.getMessage());
            return ExitCodes.forFailures(tasks.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
    }

    /** The sweep's options as the user gave them, minus those the coordinator owns, in a canonical order. */
    private static List<String> elementArgs(ParseResult pr) {
        TreeMap<String, List<String>> byName = new TreeMap<>();
        for (OptionSpec o : pr.matchedOptions()) {
            String name = o.longestName();
            if (NOT_FOR_ELEMENTS.contains(name) || SlurmOptions.NAMES.contains(name) || o.usageHelp()
                    || o.versionHelp()) {
                continue;
            }
            List<String> words = byName.computeIfAbsent(name, k -> new ArrayList<>());
            if (o.arity().max() == 0) {
                words.add(name);
            } else {
                for (String v : o.originalStringValues()) {
                    words.add(name);
                    words.add(v);
                }
            }
        }
        return byName.values().stream().flatMap(List::stream).toList();
    }

    private String partition() {
        for (int i = 0; i < opts.slurmOpts.size(); i++) {
            String o = opts.slurmOpts.get(i);
            if (o.startsWith("--partition=")) {
                return o.substring("--partition=".length());
            }
            if (o.startsWith("-p") && o.length() > 2) {
                return o.substring(2).strip();
            }
            if (o.startsWith("--partition ")) {
                return o.substring("--partition ".length()).strip();
            }
        }
        return null;
    }

    /** CPUs per element when the user gave no --workers: the smallest usable node's, so that it fits anywhere. */
    private int nodeCpus() throws IOException, InterruptedException {
        return slurm.nodes(partition()).stream().filter(SlurmClient.Node::usable)
                .mapToInt(SlurmClient.Node::cpus).min().orElse(1);
    }

    /**
     * One element per slot the cluster has for one (a node of c CPUs holds c / cpus of them), at most one per
     * task: each element costs Slurm about half a second to schedule, so many tasks go in each, and the
     * inner executor balances them over the node's cores. More elements (--array) only pay off when tasks
     * differ a lot in length or resuming finer slices matters.
     */
    private int defaultElements(int cpus) {
        try {
            int slots = slurm.nodes(partition()).stream().filter(SlurmClient.Node::usable)
                    .mapToInt(n -> Math.max(1, n.cpus() / cpus)).sum();
            if (slots == 0) {
                throw new UserError("--executor slurm: sinfo lists no node that can run jobs"
                        + (partition() == null ? "" : " in partition " + partition()) + "; give --array M to submit anyway");
            }
            return Math.min(slots, tasks.size());
        } catch (IOException e) {
            throw new UserError("--executor slurm: cannot ask Slurm for the cluster's size (" + e.getMessage()
                    + "); give --array M");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("--executor slurm: interrupted while asking Slurm for the cluster's size");
        }
    }

    /**
     * An element's fate, from its exit file and Slurm's memory.
     *
     * @param ok ended with every task run: exit code 0, or 100-199 (some tasks failed: their kernel threw,
     *           and would throw again; merged and counted like a sweep's failed tasks)
     */
    private record Fate(boolean ok, String jobElement, String what) {
    }

    /** Exit codes of an element that ran all its tasks, some of them failing ({@link ExitCodes#forFailures}). */
    private static boolean tasksFailed(String code) {
        return code.matches("1\\d\\d");
    }

    private int coordinate(SlurmScript script, SlurmArrayState recorded) throws IOException, InterruptedException {
        int elements = recorded.elements();
        Path stateDir = SlurmScript.stateDir(out);
        OutputFolder.create("--out", stateDir.resolve("exit"));
        SlurmArrayState state = recorded;

        // What is already done or still running (a coordinator rerun with --resume); submit the rest.
        Map<Integer, String> active = state.jobIds().isEmpty() ? Map.of() : activeRetrying(state.jobIds());
        SortedSet<Integer> submit = new TreeSet<>();
        int kept = 0;
        for (int a = 0; a < elements; a++) {
            if (active.containsKey(a)) {
                continue;
            }
            Optional<String[]> exit = exitRecord(a);
            if (exit.isPresent() && (exit.get()[1].equals("0") || tasksFailed(exit.get()[1]) && !resumeFailed)) {
                kept++;
                continue;
            }
            Files.deleteIfExists(stateDir.resolve("exit").resolve(Integer.toString(a)));
            submit.add(a);
        }
        if (!state.jobIds().isEmpty() && !quiet) {
            err.println("mcsweep: slurm: resuming array job " + String.join(", ", state.jobIds()) + ": " + kept
                    + " of " + elements + " elements done, " + active.size() + " still queued or running, "
                    + submit.size() + " to submit");
        }
        if (!submit.isEmpty()) {
            String indices = SlurmIndices.format(submit);
            Path file = stateDir.resolve("sweep.sbatch");
            byte[] text = script.render(indices).getBytes(StandardCharsets.UTF_8);
            mcsweep.kernel.io.AtomicFile.write(file, true, o -> o.write(text));
            String jobId = slurm.submit(file, indices);
            state = state.with(new SlurmArrayState.Submission(jobId, indices));
            state.write(out);
            if (!quiet || opts.noWait) {
                err.println("mcsweep: slurm: submitted array job " + jobId + " (" + (submit.size() == elements
                        ? elements + (elements == 1 ? " element" : " elements")
                        : (submit.size() == 1 ? "element " : "elements ") + indices + " of " + elements)
                        + " for " + tasks.size() + " tasks; " + script.cpus() + (script.cpus() == 1 ? " CPU" : " CPUs")
                        + " and " + opts.innerExecutor + " per element)");
            }
        }
        if (opts.noWait) {
            System.out.println(state.submissions().isEmpty() ? "" : state.submissions().getLast().jobId());
            err.println("mcsweep: slurm: not waiting; when the array has ended, 'mcsweep merge " + out + "' merges the"
                    + " shards, or rerun this command with --resume to wait, resubmit failed elements and merge");
            return ExitCodes.OK;
        }
        return waitAndFinish(state);
    }

    private int waitAndFinish(SlurmArrayState state) throws IOException, InterruptedException {
        int elements = state.elements();
        SlurmProgress progress = new SlurmProgress(out, elements);
        AtomicBoolean waiting = new AtomicBoolean(true);
        String jobs = String.join(", ", state.jobIds());
        // A signal ends the coordinator, not the array: say how to pick it up again.
        Thread hook = new Thread(() -> {
            if (waiting.get()) {
                err.println();
                err.println("mcsweep: slurm: stopped waiting; array job " + jobs + " keeps running. Rerun with"
                        + " --resume to wait for it and merge, or 'scancel " + jobs.replace(",", "") + "' to stop it");
            }
        }, "mcsweep-slurm-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean terminal = Terminal.stderrIsTerminal();
        try {
            long pause = 100;
            long lastShown = 0;
            String lastLine = "";
            while (true) {
                Map<Integer, String> active = activeRetrying(state.jobIds());
                int done = progress.completed();
                if (!quiet) {
                    long running = active.values().stream().filter("RUNNING"::equals).count();
                    String line = String.format("%d/%d tasks done; elements: %d running, %d queued, %d ended",
                            done, tasks.size(), running, active.size() - running, elements - active.size());
                    long now = System.nanoTime();
                    if (terminal) {
                        err.print("\r" + line);
                        err.flush();
                    } else if (!line.equals(lastLine) && now - lastShown > 10_000_000_000L) {
                        err.println("mcsweep: slurm: " + line);
                        lastShown = now;
                    }
                    lastLine = line;
                }
                if (active.isEmpty()) {
                    break;
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, (long) (opts.poll * 1000));
            }
            if (terminal && !quiet) {
                err.println();
            }
        } finally {
            waiting.set(false);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        List<String> failures = new ArrayList<>();
        for (int a = 0; a < elements; a++) {
            Fate f = fate(state, a);
            if (f.ok() && !f.what().equals("ok")) {
                err.println("mcsweep: slurm: element " + a + " (job " + f.jobElement() + "): " + f.what() + "; see "
                        + SlurmScript.stateDir(out).resolve(f.jobElement() + ".err") + " (--resume-failed runs them again)");
            }
            if (!f.ok()) {
                failures.add("element " + a + " (shard " + (a + SlurmScript.FIRST_SHARD) + "/" + elements + ", job "
                        + f.jobElement() + "): " + f.what() + "; stderr: "
                        + SlurmScript.stateDir(out).resolve(f.jobElement() + ".err"));
            }
        }
        if (!failures.isEmpty()) {
            for (String f : failures) {
                err.println("mcsweep: slurm: " + f);
            }
            int notDone = tasks.size() - progress.completed();
            err.println("mcsweep: slurm: " + failures.size() + " of " + elements + " array elements failed ("
                    + notDone + " of " + tasks.size() + " tasks not done); rerun with --resume to resubmit only those");
            return ExitCodes.forFailures(Math.max(1, notDone));
        }
        return SlurmMerge.merge(out, elements, quiet);
    }

    /** {@code [jobId_index, exitCode]} from the element's exit file, once it wrote one. */
    private Optional<String[]> exitRecord(int index) throws IOException {
        try {
            String[] f = Files.readString(SlurmScript.stateDir(out).resolve("exit").resolve(Integer.toString(index)),
                    StandardCharsets.UTF_8).strip().split(" ");
            return f.length == 2 ? Optional.of(f) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Fate fate(SlurmArrayState state, int index) throws IOException, InterruptedException {
        String job = state.lastJobOf(index).orElse("?");
        String jobElement = job + "_" + index;
        // On a shared file system the exit file may show up on this node a little after the job ended.
        for (int tries = 0; tries < 20; tries++) {
            Optional<String[]> exit = exitRecord(index);
            if (exit.isPresent()) {
                String code = exit.get()[1];
                String what = code.equals("0") ? "ok" : tasksFailed(code)
                        ? (Integer.parseInt(code) - ExitCodes.FAILED_BASE) + (code.equals("199") ? " or more" : "")
                        + " of its tasks failed" : "mcsweep exited with code " + code;
                return new Fate(code.equals("0") || tasksFailed(code), exit.get()[0], what);
            }
            Optional<SlurmClient.ElementState> s = slurm.elementState(job, index);
            if (s.isPresent() && !s.get().state().equals("COMPLETED")) {
                return new Fate(false, jobElement, s.get().state() + " (exit code " + s.get().exitCode() + ")");
            }
            Thread.sleep(250);
        }
        return new Fate(false, jobElement, "ended without recording an exit code (killed, or out of time?)");
    }

    /** {@link SlurmClient#activeElements}, retried while Slurm is unreachable for up to ten minutes. */
    private Map<Integer, String> activeRetrying(List<String> jobIds) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long pause = 1000;
        while (true) {
            try {
                return slurm.activeElements(jobIds);
            } catch (IOException e) {
                if (System.nanoTime() - start > UNREACHABLE_NANOS) {
                    throw new IOException(e.getMessage() + " for ten minutes; array job " + String.join(", ", jobIds)
                            + " may still be running: rerun with --resume to wait for it again");
                }
                err.println("mcsweep: slurm: " + e.getMessage() + "; retrying");
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 30_000);
            }
        }
    }
}
