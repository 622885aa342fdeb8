package mcsweep.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** The {@code mcsweep} command line. */
@Command(name = "mcsweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Monte Carlo parameter sweeps on the JVM.",
        subcommands = {SweepCommand.class, RunCommand.class, MergeCommand.class, SlurmScriptCommand.class,
            ListCommands.Executors.class,
            ListCommands.Kernels_.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mcsweep " + (v == null ? "(development build)" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command; try 'mcsweep --help'");
    }

    /** Runs the command line and returns its exit code (see {@link ExitCodes}). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("mcsweep: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
            err.flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            PrintWriter err = c.getErr();
            if (e instanceof UserError) {
                err.println("mcsweep: " + e.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            }
            err.println("mcsweep: internal error, please report it: " + e);
            e.printStackTrace(err);
            err.flush();
            return ExitCodes.INTERNAL;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
