package mcsweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import mcsweep.cli.daemon.DaemonClient;
import mcsweep.cli.daemon.DaemonServer;
import mcsweep.cli.daemon.HandOverTraining;

/**
 * The training run from which {@code ./mcsweep} records the JVM's AOT cache (JDK 25+, JEP 483/514/515): it
 * runs, in one JVM, what users start most, so that the cache holds their classes already loaded and linked,
 * and the profiles of their hot methods, with which the JIT compiles the kernel's loop without first
 * profiling it again. Output goes to the caller (the launcher discards it); traces go to a folder it deletes.
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=FILE -cp mcsweep.jar mcsweep.cli.AotTraining [info]}. With
 * {@code info}, only the top-level help and version and sweep's help run: the launcher's second, small cache
 * for exactly those commands. A JVM loads every class of an AOT cache as it starts (JEP 483's AOT-linked
 * classes): with the 2,000 of the sweeps' cache, {@code --version} took about 10 ms of CPU more (a quarter
 * of a hello world's run); the small cache holds about 1,400. With {@code hand-over}, only what the JVM of a
 * command that a daemon serves does ({@link HandOverTraining}): the launcher's third cache, for such commands.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("info")) {
            report(trainInfo()); // no folder: every class loaded here goes into the small cache
            return;
        }
        Path dir = scratchFolder("mcsweep-aot-training");
        try {
            if (args.length == 1 && args[0].equals("hand-over")) {
                Entry.class.getName(); // loads the class the JVM starts with; running it would run a command here
                String problem = HandOverTraining.roundTrip(dir.resolve("daemon"));
                if (problem != null) {
                    report(List.of(problem));
                }
                return;
            }
            report(train(dir, 2000));
            String problem = DaemonServer.roundTrip(dir.resolve("daemon"));
            if (problem != null) {
                report(List.of(problem));
            }
        } finally {
            delete(dir);
        }
    }

    /** A command that no longer ends as it should trains less; say so in the launcher's log. */
    private static void report(List<String> problems) {
        for (String problem : problems) {
            System.err.println("mcsweep training: " + problem);
        }
    }

    /**
     * Runs the training commands, writing into {@code dir}, with sweeps of {@code iterations} steps per task.
     *
     * @return the commands that did not end with the exit code they should have (none, normally)
     */
    public static List<String> train(Path dir, long iterations) {
        List<String> problems = trainInfo();
        run(problems, ExitCodes.OK, "run", "--help");
        run(problems, ExitCodes.OK, "executors");
        run(problems, ExitCodes.OK, "kernels");
        run(problems, ExitCodes.USAGE, "sweep", "--iterations", "0"); // bad input: one line, exit code 2
        // The lesson's scan, shorter: its 324 tasks' classes and the profile of the kernel's loop, under the
        // executors people use most.
        String[] scan = {"--beta", "0.1,0.2,0.3,0.5,1,2,3,5,10", "--x0", "0.1,0.2,0.3,0.5,1,2,3,5,10",
            "--h", "0.25,0.5,1,2.5", "--iterations", Long.toString(iterations), "-q"};
        run(problems, ExitCodes.OK, concat(new String[] {"sweep", "--out", out(dir, "sequential")}, scan));
        run(problems, ExitCodes.OK, concat(new String[] {"sweep", "--out", out(dir, "forkjoin"), "-e", "forkjoin"},
                scan));
        run(problems, ExitCodes.OK, concat(new String[] {"sweep", "--out", out(dir, "threads"), "-e", "threads"},
                scan));
        run(problems, ExitCodes.OK, concat(new String[] {"sweep", "--out", out(dir, "none"), "-e", "forkjoin",
            "--format", "none"}, scan));
        run(problems, ExitCodes.OK, "sweep", "--zip", "--beta", "0.5,1", "--x0", "0.5,1", "--h", "1",
                "--iterations", Long.toString(10 * iterations), "--out", out(dir, "table"));
        run(problems, ExitCodes.OK, "run", "1", "1", "1", Long.toString(10 * iterations), out(dir, "run.csv"));
        return problems;
    }

    /**
     * Runs the commands of the launcher's small cache: version, the top-level help and sweep's help.
     *
     * @return the commands that did not end with the exit code they should have (none, normally)
     */
    static List<String> trainInfo() {
        // What every command's JVM runs first (Entry.main would run a command here): with these in the cache too,
        // version and help never open the jar.
        Entry.class.getName();
        DaemonClient.mayServe("--version");
        List<String> problems = new ArrayList<>();
        run(problems, ExitCodes.OK, "--version");
        run(problems, ExitCodes.OK, "--help");
        run(problems, ExitCodes.OK, "sweep", "--help");
        run(problems, ExitCodes.OK, "help", "sweep");
        return problems;
    }

    private static String out(Path dir, String name) {
        return dir.resolve(name).toString();
    }

    private static void run(List<String> problems, int expected, String... args) {
        int code = Main.execute(args);
        if (code != expected) {
            problems.add("mcsweep " + String.join(" ", args) + " -> exit code " + code + ", expected " + expected);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * A new folder for training runs' traces, deleted by the caller: in {@code /dev/shm} (memory) when there is
     * one. On ext4, creating files soon after many were deleted is slow (inode allocation skips those deleted
     * in the last minutes, about 5x the CPU of each create in the lesson's scan): training on the user's disk
     * would slow the user's next sweeps down.
     */
    public static Path scratchFolder(String prefix) throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            try {
                return Files.createTempDirectory(shm, prefix);
            } catch (IOException full) {
                // fall back to the temporary folder
            }
        }
        return Files.createTempDirectory(prefix);
    }

    /** Deletes {@code dir} and everything in it. */
    public static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
