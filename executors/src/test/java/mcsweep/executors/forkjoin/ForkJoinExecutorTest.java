package mcsweep.executors.forkjoin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import mcsweep.executors.ExecutionOptions;
import mcsweep.executors.SweepListener;
import mcsweep.executors.SweepOutcome;
import mcsweep.executors.Task;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Seeds;
import org.junit.jupiter.api.Test;

class ForkJoinExecutorTest {

    private static List<Task> emptyTasks(int n) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(new Task(i, MetropolisKernel.NAME, new double[] {i, 1, 1}, 0, 0, i, Seeds.DEFAULT_ALGORITHM, null));
        }
        return tasks;
    }

    @Test
    void splitsTinyTasksLazilyInsteadOfForkingOncePerTask() {
        ForkJoinExecutor e = new ForkJoinExecutor();
        int n = 100_000;
        SweepOutcome o = e.execute(emptyTasks(n), ExecutionOptions.defaults().withWorkers(2), SweepListener.NONE);

        assertThat(o).isEqualTo(new SweepOutcome(n, 0, 0, false));
        // Eager halving down to single tasks would fork n - 1 times; lazy splitting forks when a thief is idle.
        assertThat(e.lastForkCount()).isPositive().isLessThan(n / 10);
    }

    @Test
    void neverSplitsBelowTheChunk() {
        ForkJoinExecutor e = new ForkJoinExecutor();
        int n = 1_000;
        SweepOutcome o = e.execute(emptyTasks(n), ExecutionOptions.defaults().withWorkers(2).withChunk(250),
                SweepListener.NONE);

        assertThat(o).isEqualTo(new SweepOutcome(n, 0, 0, false));
        assertThat(e.lastForkCount()).isLessThanOrEqualTo(3); // at most 4 pieces of 250
    }
}
