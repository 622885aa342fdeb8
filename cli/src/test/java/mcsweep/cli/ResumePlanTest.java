package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import mcsweep.executors.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumePlanTest {

    @TempDir
    Path dir;

    private Task task(int i) {
        return new Task(i, "metropolis", new double[] {1, 1, 1 + i}, 10, 0, 100 + i, "L64X128MixRandom",
                dir.resolve("t" + i + ".csv"));
    }

    private JobLog.Entry entry(Task t, String status, String checksum) {
        return new JobLog.Entry(t.index(), List.of(), 0, t.seed(), "h", "e", "w", "s", "1", status, 1,
                t.output().getFileName().toString(), checksum, status.equals(JobLog.OK) ? new double[0] : null, "");
    }

    @Test
    void keepsIntactFinishedTasksAndFailedOnesUnlessAskedAndRerunsTheRest() throws Exception {
        List<Task> tasks = List.of(task(0), task(1), task(2), task(3), task(4), task(5), task(6));
        for (Task t : tasks) {
            Files.writeString(t.output(), "trace " + t.index());
        }
        Map<Integer, JobLog.Entry> log = new HashMap<>();
        log.put(0, entry(tasks.get(0), JobLog.OK, Checksums.of(tasks.get(0).output())));      // done
        log.put(1, entry(tasks.get(1), JobLog.OK, Checksums.of(tasks.get(1).output())));      // changed below
        Files.writeString(tasks.get(1).output(), "trace 1, one byte changed");
        log.put(2, entry(tasks.get(2), JobLog.OK, Checksums.of(tasks.get(2).output())));      // deleted below
        Files.delete(tasks.get(2).output());
        log.put(3, entry(tasks.get(3), JobLog.FAILED, ""));
        log.put(4, entry(tasks.get(4), JobLog.CANCELLED, ""));
        // 5: never ran (no entry); 6: an entry of another seed (not this task)
        log.put(6, new JobLog.Entry(6, List.of(), 0, 999, "h", "e", "w", "s", "1", JobLog.OK, 1, "t6.csv",
                Checksums.of(tasks.get(6).output()), new double[0], ""));

        ResumePlan resume = ResumePlan.of(tasks, log, false);
        assertThat(resume.toRun()).extracting(Task::index).containsExactly(1, 2, 4, 5, 6);
        assertThat(resume.kept()).containsOnlyKeys(0, 3);
        assertThat(resume.changed()).containsExactly(1, 2);

        ResumePlan failedToo = ResumePlan.of(tasks, log, true);
        assertThat(failedToo.toRun()).extracting(Task::index).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(failedToo.kept()).containsOnlyKeys(0);
    }
}
