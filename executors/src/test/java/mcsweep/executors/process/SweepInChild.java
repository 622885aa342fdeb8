package mcsweep.executors.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepExecutors;
import mcsweep.executors.SweepListener;
import mcsweep.executors.Task;

/** A sweep JVM for the orphan test: runs hanging tasks on {@code args[0]} with traces in {@code args[1]}. */
public final class SweepInChild {

    private SweepInChild() {
    }

    public static void main(String[] args) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(ProcessExecutorsTest.test(i, "test-sleep", 600, Path.of(args[1], "t" + i + ".csv")));
        }
        SweepExecutors.byName(args[0]).execute(tasks, ExecutionOptions.defaults().withWorkers(2), SweepListener.NONE);
    }
}
