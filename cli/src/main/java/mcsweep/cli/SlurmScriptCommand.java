package mcsweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code mcsweep slurm-script SWEEP-OPTIONS}: prints the sbatch script that {@code --executor slurm} would
 * submit for the same sweep options, for users who submit by hand. Validates like {@code sweep} and writes
 * nothing.
 */
@Command(name = "slurm-script", header = "Prints the sbatch script of a sweep's Slurm job array.",
        customSynopsis = "mcsweep slurm-script SWEEP-OPTIONS...",
        description = {"Takes the options of 'mcsweep sweep' (see 'mcsweep sweep --help', including",
            "--array, --inner-executor and --slurm-opt) and prints the job array script that",
            "'--executor slurm' would submit. Asks Slurm nothing (give --array M, and -j CPUS",
            "per element; both default to 1) and writes nothing. Submit it with sbatch;",
            "when it has ended, 'mcsweep merge DIR' checks and merges the shards."},
        footer = {"", "Example:",
            "  mcsweep slurm-script --beta 0.1:1:0.1 --x0 1 --h 1 --iterations 1000000 \\",
            "      --array 8 -j 16 --out /shared/run1 --slurm-opt=--partition=short \\",
            "      --slurm-opt=--time=1:00:00 > run1.sbatch"})
final class SlurmScriptCommand implements Callable<Integer> {

    @Unmatched
    List<String> sweepOptions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (sweepOptions.isEmpty() || sweepOptions.contains("--help") || sweepOptions.contains("-h")) {
            spec.commandLine().usage(System.out);
            return sweepOptions.isEmpty() ? ExitCodes.USAGE : ExitCodes.OK;
        }
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(sweepOptions);
        args.add("--print-slurm-script");
        return Main.execute(args.toArray(String[]::new));
    }
}
