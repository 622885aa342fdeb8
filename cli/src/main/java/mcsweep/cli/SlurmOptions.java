package mcsweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;

import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code --executor slurm}, mixed into {@code mcsweep sweep}. Slurm is a mode of the sweep
 * command, not an executor plugin: its unit of work is a whole {@code mcsweep sweep --shard i/M} process per
 * array element (which writes its own files and job log), not a task handed to a listener, and the
 * coordinator needs the command line itself to rebuild the elements' command. Built into the sweep's model
 * by {@link #addTo} (no annotations: see {@link SweepCommand}).
 */
public final class SlurmOptions {

    /** What users type after {@code --executor}. */
    public static final String EXECUTOR_NAME = "slurm";

    /** One line for {@code mcsweep executors}. */
    public static final String DESCRIPTION = "a Slurm job array of --array M elements, each running --shard i/M of the"
            + " sweep with --inner-executor on its node; merged at the end (mcsweep slurm-script shows the script)";

    /** The model of the sweep command these options are part of. */
    CommandSpec mixee;

    Integer array;
    String innerExecutor;
    List<String> slurmOpts = new ArrayList<>();
    boolean noWait;
    double poll;
    /** Set by {@code mcsweep slurm-script}: print the sbatch script instead of submitting it. */
    boolean printScript;

    /** Adds these options to the sweep command's model {@code spec}, where its help lists them. */
    static void addTo(CommandSpec spec) {
        SweepCommand.option(spec, Integer.class, "M", null, "slurm: array elements (shards), each a slice of the tasks"
                + " (default: one per free slot of the cluster, at most one per task)", "--array");
        SweepCommand.option(spec, String.class, "NAME", "forkjoin",
                "slurm: the executor each array element uses on its node (default: ${DEFAULT-VALUE})",
                "--inner-executor");
        spec.addOption(OptionSpec.builder("--slurm-opt").paramLabel("OPTION").type(List.class)
                .auxiliaryTypes(String.class).parameterConsumer(new NextWord())
                .description("slurm: an extra sbatch option, e.g. --slurm-opt=--partition=short"
                        + " --slurm-opt=--account=proj42 --slurm-opt=--time=2:00:00 (repeatable)").build());
        SweepCommand.flag(spec, "slurm: submit the array, print its job id and return; 'mcsweep merge' finishes later",
                "--no-wait");
        spec.addOption(OptionSpec.builder("--poll").paramLabel("SECONDS").type(double.class).defaultValue("2")
                .hidden(true).description("slurm: longest pause between two looks at the queue (default: 2)")
                .build());
        spec.addOption(OptionSpec.builder("--print-slurm-script").type(boolean.class).hidden(true).build());
    }

    /** Copies these options' parsed values from {@code spec} (the one {@link #addTo} filled). */
    void readFrom(CommandSpec spec) {
        mixee = spec;
        array = SweepCommand.value(spec, "--array");
        innerExecutor = SweepCommand.value(spec, "--inner-executor");
        List<String> opts = SweepCommand.value(spec, "--slurm-opt");
        slurmOpts = opts == null ? new ArrayList<>() : new ArrayList<>(opts);
        Boolean b = SweepCommand.value(spec, "--no-wait");
        noWait = b != null && b;
        Double p = SweepCommand.value(spec, "--poll");
        poll = p == null ? 0 : p;
        b = SweepCommand.value(spec, "--print-slurm-script");
        printScript = b != null && b;
    }

    /** Takes the next word as it is: sbatch options look like options, and some like ours ({@code --array}). */
    static final class NextWord implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            if (args.isEmpty()) {
                throw new ParameterException(commandSpec.commandLine(), "--slurm-opt: missing sbatch option; write"
                        + " e.g. --slurm-opt=--partition=short");
            }
            List<String> list = argSpec.getValue();
            if (list == null) { // the model keeps the value: no list until the first one
                list = new ArrayList<>();
                argSpec.setValue(list);
            }
            list.add(args.pop());
        }
    }

    /** Whether the sweep runs through Slurm rather than an in-JVM executor. */
    boolean selected(String executorName) {
        return printScript || EXECUTOR_NAME.equals(executorName);
    }

    /** Warns, in one line, about Slurm options given with another executor: they would do nothing. */
    void warnIfIgnored(String executorName) {
        if (selected(executorName)) {
            return;
        }
        ParseResult parsed = mixee.commandLine().getParseResult();
        List<String> given = new ArrayList<>(); // a loop, not a stream: see SweepPlan.names
        for (String n : NAMES) {
            if (parsed.hasMatchedOption(n)) {
                given.add(n);
            }
        }
        if (!given.isEmpty()) {
            System.err.println("mcsweep: warning: " + String.join(", ", given)
                    + (given.size() == 1 ? " only applies" : " only apply") + " to --executor slurm; ignored with "
                    + executorName);
        }
    }

    /** Names of the options above: the coordinator's own, never passed on to the array elements. */
    static final List<String> NAMES = List.of("--array", "--inner-executor", "--slurm-opt", "--no-wait", "--poll",
            "--print-slurm-script");
}
