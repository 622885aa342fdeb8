package mcsweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import mcsweep.executors.sweep.InvalidSweepException;
import mcsweep.kernel.Kernels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code mcsweep} command line.
 *
 * <p>Start-up is most of what {@code --version}, {@code --help} and a small sweep cost, so this class builds
 * only what the arguments need (see {@link #commandLine}): picocli's model of the one subcommand being run
 * (built by reflecting over annotations, which the JDK implements as dynamic proxy classes generated at run
 * time; except {@code sweep}'s, which {@link SweepCommand#spec} builds without reflection), the top-level
 * command through picocli's programmatic API (no reflection at all for {@code --version}), no terminal-width probe (picocli starts {@code stty} in a child process for
 * {@code usageHelpAutoWidth}), and none of the built-in converters for types that no option has.
 */
public final class Main implements Runnable {

    private static final String KERNEL_PATH = "--kernel-path";

    /** A subcommand: its name, and the class picocli reflects over (and instantiates) only when it runs. */
    private record Sub(String name, Class<?> type) {
    }

    /** In the order {@code mcsweep --help} lists them. */
    private static final List<Sub> SUBCOMMANDS = List.of(
            new Sub("sweep", SweepCommand.class),
            new Sub("run", RunCommand.class),
            new Sub("estimate", EstimateCommand.class),
            new Sub("merge", MergeCommand.class),
            new Sub("slurm-script", SlurmScriptCommand.class),
            new Sub("daemon", DaemonCommand.class),
            new Sub("executors", ListCommands.Executors.class),
            new Sub("kernels", ListCommands.Kernels_.class),
            new Sub("help", CommandLine.HelpCommand.class));

    private CommandLine commandLine;

    private Main() {
    }

    @Override
    public void run() {
        throw new ParameterException(commandLine, "missing command; try 'mcsweep --help'");
    }

    /** Runs the command line and returns its exit code (see {@link ExitCodes}). */
    public static int execute(String... args) {
        if (VersionHelp.print(args, System.out)) {
            return ExitCodes.OK;
        }
        defaultProperty("picocli.usage.width", usageWidth());
        // Every CommandLine (one per subcommand) registers picocli's built-in converters, reflecting over
        // java.sql and java.time (loading the java.sql module) for types none of our options has. picocli tests
        // each of those class names against each excluded pattern with String.matches, compiling the pattern
        // every time: one short pattern instead of two halves those 170 compilations. A user's setting wins.
        // (Not ".*": that would also drop picocli's Path converter, which CommandLines built outside Main need;
        // measured against it, to a usage error, no faster: 69-71 ms either way, hyperfine, 60 runs.)
        defaultProperty("picocli.converters.excludes", "java\\.[st].*");
        // picocli's default factory looks for Groovy's Closure class when it is first used: that lookup, which fails,
        // opened the jar, whose central directory the interpreter then read (5 ms; every class a command needs
        // comes from the start-up cache, so nothing else of a sweep opens it).
        defaultProperty("picocli.disable.closures", "true");
        if (PrerenderedHelp.print(args, System.out)) {
            return ExitCodes.OK;
        }
        CommandLine cl = commandLine(args);
        cl.setParameterExceptionHandler(PARAMETER_ERRORS);
        cl.setExecutionExceptionHandler(EXECUTION_ERRORS);
        return cl.execute(args);
    }

    /**
     * The command line with a full model only for the subcommand that {@code args} names (for all of them
     * under {@code help} or an {@code @file} argument), and none for the others when it is one of ours;
     * otherwise the others get a model with their name and header, which is all that {@code mcsweep --help}
     * and picocli's "did you mean" need.
     */
    static CommandLine commandLine(String... args) {
        String named = subcommandNamed(args);
        // Only the top-level usage help shows the subcommands' headers (each read from an annotation, a proxy
        // class generated at run time); --version and a subcommand's own run need nothing of them.
        boolean headers = named == null || named.equals("help")
                || named.isEmpty() && !(args.length == 1 && (args[0].equals("-V") || args[0].equals("--version")));
        Main main = new Main();
        CommandLine cl = new CommandLine(topLevel(main));
        main.commandLine = cl;
        // A subcommand that runs needs no siblings: picocli looks at a command's own subcommands only (they are
        // not repeatable), and each sibling's CommandLine costs 2-5 ms of converter registry at start-up.
        boolean alone = false;
        for (Sub s : SUBCOMMANDS) {
            alone |= s.name().equals(named) && !named.equals("help");
        }
        for (Sub s : SUBCOMMANDS) {
            boolean full = named == null || named.equals(s.name()) || named.equals("help");
            if (full || !alone) {
                cl.addSubcommand(s.name(), full ? model(s) : placeholder(s, headers));
                // Each subcommand's -V prints the tool's version (it printed nothing: picocli does not inherit it).
                cl.getSubcommands().get(s.name()).getCommandSpec().versionProvider(VERSION);
            }
        }
        // Every command's Path options: picocli's own converter calls Paths.get through reflection, which
        // spins method handles for about 10 ms on first use (it stays registered for CommandLines built
        // elsewhere; this one replaces it here).
        cl.registerConverter(Path.class, PATHS);
        return cl;
    }

    /** What picocli builds the subcommand's full model from: sweep's is built without reflection. */
    private static Object model(Sub s) {
        return s.type() == SweepCommand.class ? SweepCommand.spec(new SweepCommand()) : s.type();
    }

    /** What {@code @Command(mixinStandardHelpOptions = true, ...)} would make, without reflection. */
    private static CommandSpec topLevel(Main main) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(main).name("mcsweep").versionProvider(VERSION);
        spec.usageMessage().description("Monte Carlo parameter sweeps on the JVM.");
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        // Accepted by every command (INHERIT): the kernels of a plugin jar, loaded with their own class loader
        // so that it works under 'java -jar' too; worker JVMs of process/pool get it on their class path.
        spec.addOption(OptionSpec.builder(KERNEL_PATH).paramLabel("JAR").type(List.class).auxiliaryTypes(Path.class)
                .scopeType(ScopeType.INHERIT)
                .description("a jar (or class folder) with more kernels; repeat for more than one")
                .setter(new KernelPath(main)).build());
        return spec;
    }

    /**
     * {@link #version()}, computed only when printed: spelling {@code Runtime.version()} runs streams, interpreted,
     * for a millisecond or two of every command's start-up.
     */
    private static final CommandLine.IVersionProvider VERSION = new VersionProvider();

    private static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return version();
        }
    }

    static String[] version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"mcsweep " + (v == null ? "(development build)" : v),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }

    /**
     * The subcommand {@code args} runs: the first argument that is neither an option nor the value of
     * {@code --kernel-path} (the top level's one option that takes a value); {@code null} when picocli would
     * have to expand an argument file first.
     */
    private static String subcommandNamed(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("@")) {
                return null;
            }
            if (a.equals(KERNEL_PATH)) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    /** Sets {@code --kernel-path}; a jar that cannot be used is a usage error of the command line. */
    private record KernelPath(Main main) implements ISetter {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            if (value != null) {
                try {
                    Kernels.setPath((List<Path>) value);
                } catch (RuntimeException e) {
                    throw new ParameterException(main.commandLine, KERNEL_PATH + ": " + e.getMessage());
                }
            }
            return null;
        }
    }

    /** The name, and the one line {@code mcsweep --help} shows, read from the annotation alone. */
    private static CommandSpec placeholder(Sub s, boolean header) {
        CommandSpec spec = CommandSpec.create().name(s.name());
        if (header) {
            Command c = s.type().getAnnotation(Command.class);
            spec.usageMessage().header(c.header()).description(c.description());
        }
        return spec;
    }

    /**
     * The usage help width: {@code $COLUMNS} when the shell exports it (./mcsweep does, on a terminal),
     * else picocli's default of 80. A fixed value also turns off picocli's {@code usageHelpAutoWidth} probe,
     * which runs {@code stty} in a child process (about 0.1-0.5 s) whenever a console is present.
     */
    private static String usageWidth() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return columns;
        }
        return "80";
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    // Classes rather than lambdas: the first lambda of a JVM costs several milliseconds of bootstrap.

    /** picocli's own Path conversion (Paths.get by reflection), with its message, without the reflection. */
    private static final CommandLine.ITypeConverter<Path> PATHS = new CommandLine.ITypeConverter<>() {
        @Override
        public Path convert(String value) {
            try {
                return Path.of(value);
            } catch (java.nio.file.InvalidPathException e) {
                throw new CommandLine.TypeConversionException(
                        "cannot convert '" + value + "' to " + Path.class + " (" + e + ")");
            }
        }
    };
    private static final IParameterExceptionHandler PARAMETER_ERRORS = new IParameterExceptionHandler() {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("mcsweep: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
            err.flush();
            return ExitCodes.USAGE;
        }
    };

    private static final IExecutionExceptionHandler EXECUTION_ERRORS = new IExecutionExceptionHandler() {
        @Override
        public int handleExecutionException(Exception e, CommandLine c, ParseResult parsed) {
            PrintWriter err = c.getErr();
            if (e instanceof UserError || e instanceof InvalidSweepException) {
                err.println("mcsweep: " + e.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            }
            err.println("mcsweep: internal error, please report it: " + e);
            e.printStackTrace(err);
            err.flush();
            return ExitCodes.INTERNAL;
        }
    };

    public static void main(String[] args) {
        int code = execute(args);
        // On success, end by returning when nothing else runs: since JDK 21 Runtime.exit reports itself
        // through System.Logger, whose first use sets up java.util.logging (about 10 ms, at every exit).
        if (code != ExitCodes.OK || otherThreadsAlive()) {
            System.exit(code);
        }
    }

    /** Whether a non-daemon thread besides this one is alive, which would keep the JVM from ending. */
    private static boolean otherThreadsAlive() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 8];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t != Thread.currentThread() && !t.isDaemon() && t.isAlive()) {
                return true;
            }
        }
        return false;
    }
}
