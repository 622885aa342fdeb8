package mcsweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code mcsweep slurm-script SWEEP-OPTIONS}: prints the sbatch script that {@code --executor slurm} would
 * submit for the same sweep options, for users who submit by hand. Validates like {@code sweep} and writes
 * nothing.
 */
@Command(name = "slurm-script", header = "Prints the sbatch script of a sweep's Slurm job array.",
        description = {"Takes the options of 'mcsweep sweep' (see its --help, including --array, --inner-executor",
            "and --slurm-opt) and prints the job array script that '--executor slurm' would submit,",
            "without asking Slurm anything (give --array M and -j CPUS per element, or get 1 and 1)",
            "and without writing anything. Submit it with sbatch; when it has ended, 'mcsweep merge DIR'."},
        footer = {"", "Example:",
            "  mcsweep slurm-script --beta 0.1:1:0.1 --x0 1 --h 1 --iterations 1000000 --array 8 -j 16 \\",
            "      --out /shared/run1 --slurm-opt=--partition=short --slurm-opt=--time=1:00:00 > run1.sbatch"})
final class SlurmScriptCommand implements Callable<Integer> {

    @Unmatched
    List<String> sweepOptions = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(sweepOptions);
        args.add("--print-slurm-script");
        return Main.execute(args.toArray(String[]::new));
    }
}
