package mcsweep.executors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checksum a task hands over with its result is that of the file it left, in every format. */
class TaskRunnerChecksumTest {

    @TempDir
    Path dir;

    private static String hashOfFile(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        Xxh64 h = new Xxh64();
        h.update(b, 0, b.length);
        return Xxh64.hex(h.value());
    }

    private Task task(String file) {
        return new Task(3, MetropolisKernel.NAME, new double[] {0.5, 1.0, 2.0}, 70_000, 0, 42,
                Seeds.DEFAULT_ALGORITHM, dir.resolve(file));
    }

    @Test
    void aCsvTraceComesWithTheChecksumOfItsBytes() throws Exception {
        TaskRunner.Outcome o = TaskRunner.execute(task("t.csv"), TaskRunner.Acceptance.ALWAYS);

        assertThat(Files.size(dir.resolve("t.csv"))).isGreaterThan(1 << 16); // more than one buffer's worth
        assertThat(o.checksum()).hasSize(16).isEqualTo(hashOfFile(dir.resolve("t.csv")));
    }

    @Test
    void anNpyTraceToo() throws Exception {
        TaskRunner.Outcome o = TaskRunner.execute(task("t.npy"), TaskRunner.Acceptance.ALWAYS);

        assertThat(o.checksum()).isEqualTo(hashOfFile(dir.resolve("t.npy")));
    }

    @Test
    void noTraceNoChecksum() throws Exception {
        TaskRunner.Outcome o = TaskRunner.execute(task("t.csv").withOutput(null), TaskRunner.Acceptance.ALWAYS);

        assertThat(o.checksum()).isNull();
        assertThat(o.summary()).isNotNull();
    }

    @Test
    void anInJvmExecutorPassesItOnWithTheResult() throws Exception {
        java.util.List<TaskResult> results = new java.util.ArrayList<>();
        SweepExecutors.byName("forkjoin").execute(java.util.List.of(task("a.csv"), task("b.csv").withOutput(
                dir.resolve("b.csv"))), ExecutionOptions.defaults().withWorkers(2), new SweepListener() {
                    @Override
                    public void onResult(TaskResult r) {
                        results.add(r);
                    }

                    @Override
                    public void onFailure(TaskFailure f) {
                        throw new AssertionError(f.error());
                    }
                });

        assertThat(results).hasSize(2);
        for (TaskResult r : results) {
            assertThat(r.checksum()).isEqualTo(hashOfFile(r.task().output()));
        }
    }
}
