package mcsweep.bench;

import mcsweep.executors.TaskRunner;

/**
 * The smallest useful worker JVM: runs one zero-step task through {@link TaskRunner} (so it loads the
 * kernel, the seed derivation and the random generator, as a worker must) and exits. Started by
 * {@link JvmStartBenchmark} as the JVM start-up that one-JVM-per-task execution pays.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        var summary = TaskRunner.run(Workloads.tasks(1, 0).get(0));
        if (summary.names().isEmpty()) {
            System.exit(3);
        }
    }
}
