package mcsweep.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mcsweep.cli.daemon.DaemonControl;
import mcsweep.cli.daemon.DaemonFiles;
import mcsweep.cli.daemon.DaemonIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mcsweep daemon start|stop|status}: a JVM kept warm for the commands started in this folder with this
 * environment (see {@link mcsweep.cli.daemon.DaemonServer}).
 */
@Command(name = "daemon", header = "Keeps a warm JVM that runs the commands started in this folder.",
        description = {"A JVM started once, with its code already compiled, runs the mcsweep commands started from"
            + " this folder with this environment (and this build and JDK), so that a short sweep costs what its"
            + " tasks cost rather than a JVM's start-up and warm-up.", "",
            "Output, files and exit codes are the same as without it, and Ctrl-C stops a command as usual. It runs"
            + " one command at a time (one started meanwhile runs in its own JVM), and ends after --idle-timeout,"
            + " when the jars are rebuilt, when its folder is removed, or on 'mcsweep daemon stop' ('stop --all':"
            + " every daemon of this user; 'status --all' lists them). Commands with"
            + " --kernel-path, and every command when MCSWEEP_DAEMON=off, run in their own JVM."},
        subcommands = {DaemonCommand.Start.class, DaemonCommand.Stop.class, DaemonCommand.Status.class},
        mixinStandardHelpOptions = true)
final class DaemonCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing command: start, stop or status");
    }

    @Command(name = "start", header = "Starts the daemon for this folder and environment.",
            mixinStandardHelpOptions = true)
    static final class Start implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--idle-timeout", paramLabel = "MINUTES", defaultValue = "180",
                description = "end after this many minutes without a command (1-10080; default ${DEFAULT-VALUE})")
        long idleMinutes;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (idleMinutes < 1 || idleMinutes > 10080) {
                throw new UserError("--idle-timeout must be between 1 and 10080 minutes, got " + idleMinutes);
            }
            DaemonFiles files = DaemonFiles.forUser();
            try {
                files.create();
            } catch (IOException e) {
                throw new UserError("daemon: cannot use " + files.folder() + ": " + e.getMessage());
            }
            DaemonIdentity identity = DaemonIdentity.current();
            String status = DaemonControl.status(files, identity);
            if (status != null) {
                System.out.println("mcsweep: a daemon already serves this folder: " + status);
                return ExitCodes.OK;
            }
            Path log = files.log(identity.key());
            Process p = new ProcessBuilder(command(idleMinutes))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(log.toFile()).redirectErrorStream(true).start();
            // It warms up (the usual commands, once) before it answers as ready: bounded, and watched.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                status = DaemonControl.status(files, identity);
                if (status != null && status.contains(", ready,")) {
                    System.out.println("mcsweep: daemon started: " + status);
                    return ExitCodes.OK;
                }
                if (!p.isAlive() && status == null) {
                    break;
                }
                Thread.sleep(100);
            }
            System.err.println("mcsweep: the daemon did not start" + (p.isAlive() ? " in time" : "") + "; its log, "
                    + log + ":");
            for (String line : tail(log, 20)) {
                System.err.println("  " + line);
            }
            p.destroy();
            return ExitCodes.INTERNAL;
        }

        /**
         * This JVM's command line, for the daemon: the same JDK, class path and options, except the launcher's
         * JIT limits for short commands (the daemon's code is to be compiled fully), in a session of its own
         * ({@code setsid}) so that the terminal's Ctrl-C and hang-up do not reach it.
         */
        private static List<String> command(long idleMinutes) {
            List<String> cmd = new ArrayList<>();
            for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
                if (Files.isExecutable(Path.of(setsid))) {
                    cmd.add(setsid);
                    break;
                }
            }
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (!a.startsWith("-XX:TieredStopAtLevel") && !a.startsWith("-XX:Tier4")) {
                    cmd.add(a);
                }
            }
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("mcsweep.cli.daemon.DaemonServer");
            cmd.add(Long.toString(idleMinutes));
            return cmd;
        }

        private static List<String> tail(Path log, int n) {
            try {
                List<String> lines = Files.readAllLines(log);
                return lines.subList(Math.max(0, lines.size() - n), lines.size());
            } catch (IOException e) {
                return List.of("(unreadable: " + e.getMessage() + ")");
            }
        }
    }

    /** Prints one line per daemon of {@code --all}, or that none runs; whether any does. */
    private static boolean printEach(List<String> daemons) {
        if (daemons.isEmpty()) {
            System.out.println("mcsweep: no daemon runs for this user");
        }
        for (String d : daemons) {
            System.out.println("mcsweep: daemon " + d);
        }
        return !daemons.isEmpty();
    }

    @Command(name = "stop", header = "Stops the daemon of this folder and environment.",
            description = "With --all, every daemon of this user, whatever its folder and environment.",
            mixinStandardHelpOptions = true)
    static final class Stop implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--all", description = "stop every daemon of this user")
        boolean all;

        @Override
        public Integer call() throws IOException, InterruptedException {
            DaemonFiles files = DaemonFiles.forUser();
            if (all) {
                printEach(DaemonControl.stopAll(files));
                return ExitCodes.OK;
            }
            DaemonIdentity identity = DaemonIdentity.current();
            String answer = DaemonControl.stop(files, identity);
            if (answer == null) {
                System.out.println("mcsweep: no daemon serves this folder and environment");
                return ExitCodes.OK;
            }
            System.out.println("mcsweep: daemon " + answer);
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", header = "Tells whether a daemon serves this folder and environment.",
            description = {"With --all, lists every daemon of this user, one line each with the folder it serves.",
                "Exit code 0 when one does (with --all: any), 3 when none does."}, mixinStandardHelpOptions = true)
    static final class Status implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--all", description = "list every daemon of this user")
        boolean all;

        @Override
        public Integer call() throws IOException {
            if (all) {
                return printEach(DaemonControl.statusAll(DaemonFiles.forUser())) ? ExitCodes.OK : 3;
            }
            String status = DaemonControl.status(DaemonFiles.forUser(), DaemonIdentity.current());
            if (status == null) {
                System.out.println("mcsweep: no daemon serves this folder and environment");
                return 3;
            }
            System.out.println("mcsweep: daemon " + status);
            return ExitCodes.OK;
        }
    }
}
