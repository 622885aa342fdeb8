package mcsweep.executors.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcsweep.executors.Task;
import mcsweep.kernel.Column;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Numbers;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.Summary;
import mcsweep.kernel.TraceSink;
import mcsweep.kernel.io.AtomicFile;

/**
 * Any program as the task, like GNU Parallel: {@code python3 mc.py {x0} {beta} {h} {iterations} {file}} run
 * once per task through {@code /bin/sh -c}, with the task's values substituted.
 *
 * <p>It is a kernel, not an executor, because it changes <i>what</i> a task runs, not <i>where</i>: command
 * tasks are planned, seeded, named, logged and summarised like any other, and run under every executor
 * ({@code threads -j 8} runs eight programs at once; {@code process} and {@code pool} start them from worker
 * JVMs). Its name is {@code command:TEMPLATE}, so the template travels to worker JVMs inside the task, as
 * every kernel does, by name. A command task runs through {@link #run(Task)} (which knows the task's seed and
 * file), never through {@link #run(double[], long, RandomGenerator, TraceSink)}.
 *
 * <p>Placeholders: <ul>
 * <li>{@code {NAME}}: any other word in braces is a parameter, in order of first appearance (the order that
 *     enters the task's seed); values are spelled as Python spells floats ({@code 0.5}, {@code 1.0});</li>
 * <li>{@code {iterations}}, {@code {index}}, {@code {replica}}; {@code {seed}}: the task's seed as an unsigned
 *     decimal (what {@code numpy.random.default_rng} accepts);</li>
 * <li>{@code {file}}: a temporary name beside the task's output file; the program writes it, and mcsweep
 *     renames it into place only when the program exits 0 (a failed program leaves nothing behind).</li>
 * </ul>
 * Values are quoted for the shell when they need it ({@code ${HOME}} is the shell's, not a placeholder).
 *
 * <p>The program's exit status is the task's status; its stdout and stderr go to {@code logs/task-N.out} and
 * {@code logs/task-N.err} beside the output files (removed when empty); without an output file, they are
 * discarded. Interrupting the task (halt, Ctrl-C) kills the program and everything it started.
 */
public final class CommandKernel implements Kernel {

    /** Start of every command kernel's name. */
    public static final String PREFIX = "command:";

    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final List<String> BUILT_IN = List.of("iterations", "index", "replica", "seed", "file");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._+,:/=@%-]+");
    private static final List<String> SUMMARY = List.of("exit_status", "bytes");

    /** Programs running now, killed if this JVM exits (a worker whose parent died, Ctrl-C). */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(CommandKernel::kill),
                "mcsweep-command-reaper"));
    }

    private final String template;
    private final List<Parameter> parameters;
    private final boolean writesFile;

    private CommandKernel(String template) {
        this.template = template;
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        boolean file = false;
        while (m.find()) {
            String name = m.group(1);
            file |= name.equals("file");
            if (!BUILT_IN.contains(name) && !names.contains(name)) {
                names.add(name);
            }
        }
        this.parameters = names.stream().map(n -> Parameter.finite(n, "substituted for {" + n + "}")).toList();
        this.writesFile = file;
    }

    /**
     * The kernel for {@code template}.
     *
     * @throws IllegalArgumentException if the template is blank
     */
    public static CommandKernel of(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("empty command");
        }
        return new CommandKernel(template);
    }

    /** Whether {@code kernelName} names a command kernel. */
    public static boolean isCommand(String kernelName) {
        return kernelName.startsWith(PREFIX);
    }

    /** The command kernel called {@code kernelName} ({@code command:TEMPLATE}). */
    public static CommandKernel byName(String kernelName) {
        if (!isCommand(kernelName)) {
            throw new IllegalArgumentException("not a command kernel: " + kernelName);
        }
        return of(kernelName.substring(PREFIX.length()));
    }

    public String template() {
        return template;
    }

    /** Whether the command writes the task's output file ({@code {file}} appears in it). */
    public boolean writesFile() {
        return writesFile;
    }

    @Override
    public String name() {
        return PREFIX + template;
    }

    @Override
    public String description() {
        return "runs '" + template + "' per task";
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** None: the program writes whatever it writes to {@code {file}}. */
    @Override
    public List<Column> columns() {
        return List.of();
    }

    /** {@code exit_status} (0 for a finished task) and {@code bytes}, the size of its file (NaN without one). */
    @Override
    public List<String> summaryNames() {
        return SUMMARY;
    }

    /** Not how a command runs: it needs its task's seed and file; {@link #run(Task)} is. */
    @Override
    public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink) {
        throw new UnsupportedOperationException("a command task runs through TaskRunner: run(Task)");
    }

    /** The shell command line for {@code task}, its file being {@code file} (or {@code null}). */
    String commandLine(Task task, Path file) {
        double[] values = task.params();
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "iterations" -> Long.toString(task.iterations());
                case "index" -> Integer.toString(task.index());
                case "replica" -> Integer.toString(task.replica());
                case "seed" -> Long.toUnsignedString(task.seed());
                case "file" -> file == null ? "/dev/null" : file.toAbsolutePath().toString();
                default -> Numbers.format(values[indexOf(name)]);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(quote(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private int indexOf(String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(name);
    }

    /** Single-quotes {@code s} for sh unless it is plainly safe; numbers never need it. */
    static String quote(String s) {
        return SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * Runs the program for {@code task} and waits for it.
     *
     * @return its summary: exit status 0 and the size of its file
     * @throws IOException          if it could not start, exited non-zero, or did not write {@code {file}}
     * @throws InterruptedException if interrupted; the program and its children are killed, no file is left
     */
    public Summary run(Task task) throws IOException, InterruptedException {
        Path output = task.output();
        Path temp = output != null && writesFile ? AtomicFile.tempFor(output) : null;
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", commandLine(task, temp))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = null;
        Path err = null;
        if (output != null) {
            Path logs = Files.createDirectories(output.toAbsolutePath().getParent().resolve("logs"));
            out = logs.resolve("task-" + task.index() + ".out");
            err = logs.resolve("task-" + task.index() + ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        if (temp != null) {
            Files.deleteIfExists(temp); // left by a killed run of ours
        }
        boolean done = false;
        Process p = pb.start();
        RUNNING.add(p);
        try {
            int status = p.waitFor();
            if (status != 0) {
                throw new IOException("command exited with status " + status
                        + (err != null && Files.size(err) > 0 ? "; see logs/" + err.getFileName() : ""));
            }
            double bytes = Double.NaN;
            if (temp != null) {
                if (!Files.isRegularFile(temp)) {
                    throw new IOException("command exited 0 but did not write {file}");
                }
                bytes = Files.size(temp);
                move(temp, output);
            }
            done = true;
            return new Summary(SUMMARY, new double[] {0, bytes});
        } finally {
            if (!done) {
                kill(p);
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            }
            RUNNING.remove(p);
            deleteIfEmpty(out);
            deleteIfEmpty(err);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Kills the program and whatever it started (the shell's children first, so none is re-parented alive). */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        boolean interrupted = false;
        while (true) {
            try {
                p.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteIfEmpty(Path f) {
        try {
            if (f != null && Files.isRegularFile(f) && Files.size(f) == 0) {
                Files.delete(f);
            }
        } catch (IOException e) {
            // only tidying
        }
    }
}
