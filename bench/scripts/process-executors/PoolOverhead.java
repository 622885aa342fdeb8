import java.util.*;
import mcsweep.executors.*;
import mcsweep.kernel.*;

/** Per-task overhead of an executor: K zero-iteration tasks, no trace; median of R runs, minus nothing. */
public class PoolOverhead {
    public static void main(String[] a) {
        String name = a[0];
        int k = Integer.parseInt(a[1]);
        int runs = Integer.parseInt(a[2]);
        int workers = Integer.parseInt(a[3]);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] p = {1.0, 1.0, 1.0 + i * 1e-6};
            tasks.add(new Task(i, "metropolis", p, 0, 0, i, Seeds.DEFAULT_ALGORITHM, null));
        }
        SweepExecutor e = SweepExecutors.byName(name);
        // One small sweep first: builds the CDS archive, warms this JVM.
        e.execute(tasks.subList(0, 100), ExecutionOptions.defaults().withWorkers(workers).withChunk(a.length > 4 ? Integer.parseInt(a[4]) : 0), SweepListener.NONE);
        double[] us = new double[runs];
        for (int r = 0; r < runs; r++) {
            // Start-up of the workers is timed separately: a sweep of one task per worker.
            long s0 = System.nanoTime();
            e.execute(tasks.subList(0, workers), ExecutionOptions.defaults().withWorkers(workers).withChunk(a.length > 4 ? Integer.parseInt(a[4]) : 0), SweepListener.NONE);
            long start = System.nanoTime() - s0;
            long t0 = System.nanoTime();
            SweepOutcome o = e.execute(tasks, ExecutionOptions.defaults().withWorkers(workers).withChunk(a.length > 4 ? Integer.parseInt(a[4]) : 0), SweepListener.NONE);
            long t = System.nanoTime() - t0;
            if (o.completed() != k) throw new AssertionError(o);
            us[r] = (t - start) / 1e3 / k;
            System.out.printf("run %d: %d tasks in %.1f ms (start-up sweep %.1f ms): %.1f us/task net%n", r, k, t / 1e6, start / 1e6, us[r]);
        }
        Arrays.sort(us);
        System.out.printf("%s workers=%d: median %.1f us per task (min %.1f, max %.1f)%n", name, workers, us[runs / 2], us[0], us[runs - 1]);
    }
}
