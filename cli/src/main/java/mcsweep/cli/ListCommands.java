package mcsweep.cli;

import java.io.PrintStream;
import java.util.List;

import mcsweep.executors.SweepExecutor;
import mcsweep.executors.SweepExecutors;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.Parameter;
import picocli.CommandLine.Command;

/** The listing subcommands: what plugins this class path holds. */
final class ListCommands {

    private ListCommands() {
    }

    @Command(name = "executors", mixinStandardHelpOptions = true, description = "Lists the executors found on the class path.")
    static final class Executors implements Runnable {
        @Override
        public void run() {
            List<SweepExecutor> all = SweepExecutors.all();
            int w = all.stream().mapToInt(e -> e.name().length()).max().orElse(0);
            w = Math.max(w, SlurmOptions.EXECUTOR_NAME.length());
            PrintStream out = System.out;
            for (SweepExecutor e : all) {
                out.printf("%-" + w + "s  %s%n", e.name(), e.description());
            }
            // Not a plugin: a mode of the sweep command that runs it as a Slurm job array (see SlurmOptions).
            out.printf("%-" + w + "s  %s%n", SlurmOptions.EXECUTOR_NAME, SlurmOptions.DESCRIPTION);
        }
    }

    @Command(name = "kernels", mixinStandardHelpOptions = true, description = "Lists the kernels found on the class path, with their parameters.")
    static final class Kernels_ implements Runnable {
        @Override
        public void run() {
            PrintStream out = System.out;
            for (Kernel k : Kernels.all()) {
                out.printf("%s  %s%n", k.name(), k.description());
                for (Parameter p : k.parameters()) {
                    out.printf("    %-8s %s; %s%n", p.name(), p.range(), p.description());
                }
            }
        }
    }
}
