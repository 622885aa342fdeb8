package mcsweep.executors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import mcsweep.executors.sequential.SequentialExecutor;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.PiKernel;
import mcsweep.kernel.Seeds;
import mcsweep.kernel.Summary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code pi} kernel (a kernel with no parameters and a reduction) through every executor plugin found:
 * the same trace bytes, bit-identical summaries and the same merged estimate as {@code sequential}.
 */
@Timeout(120)
class PiKernelUnderEveryExecutorTest {

    private static final int STREAMS = 8;
    private static Map<String, byte[]> referenceFiles;
    private static Summary[] referenceSummaries;

    static Stream<Arguments> executorsAndWorkers() {
        return SweepExecutors.all().stream().flatMap(e -> Stream.of(1, 3)
                .map(w -> Arguments.of(Named.of(e.name(), e), w)));
    }

    /** Streams 0..7, seeded from the stream index as replicas; the even ones keep a trace. */
    private static List<Task> tasks(Path dir) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            long seed = Seeds.taskSeed(42, List.of(), new double[0], i);
            Path out = i % 2 == 0 ? dir.resolve("pi_r" + i + ".csv") : null;
            tasks.add(new Task(i, PiKernel.NAME, new double[0], 3_000 + 1_000L * i, i, seed,
                    Seeds.DEFAULT_ALGORITHM, out));
        }
        return tasks;
    }

    private static Summary[] run(SweepExecutor executor, int workers, Path dir) {
        Summary[] summaries = new Summary[STREAMS];
        SweepOutcome outcome = executor.execute(tasks(dir), ExecutionOptions.defaults().withWorkers(workers),
                new SweepListener() {
                    @Override
                    public void onResult(TaskResult r) {
                        assertThat(summaries[r.task().index()]).isNull();
                        summaries[r.task().index()] = r.summary();
                    }

                    @Override
                    public void onFailure(TaskFailure f) {
                        throw new AssertionError("task failed: " + f.error(), f.cause());
                    }
                });
        assertThat(outcome).isEqualTo(new SweepOutcome(STREAMS, 0, 0, false));
        return summaries;
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                m.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return m;
    }

    @BeforeAll
    static void reference(@TempDir Path dir) throws IOException {
        referenceSummaries = run(new SequentialExecutor(), 1, dir);
        referenceFiles = contents(dir);
        assertThat(referenceFiles.keySet()).containsExactly("pi_r0.csv", "pi_r2.csv", "pi_r4.csv", "pi_r6.csv");
        assertThat(new String(referenceFiles.get("pi_r0.csv"), 0, 11)).isEqualTo("x,y,inside\n");
    }

    @ParameterizedTest(name = "{0}, workers={1}")
    @MethodSource("executorsAndWorkers")
    void givesTheSameBytesSummariesAndMergedEstimateAsSequential(SweepExecutor executor, int workers,
                                                                 @TempDir Path dir) throws IOException {
        Summary[] summaries = run(executor, workers, dir);

        assertThat(summaries).containsExactly(referenceSummaries);
        Map<String, byte[]> files = contents(dir);
        assertThat(files.keySet()).isEqualTo(referenceFiles.keySet());
        files.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(referenceFiles.get(name)));
        var reduction = Kernels.byName(PiKernel.NAME).reduction().orElseThrow();
        Summary merged = reduction.mergeAll(List.of(summaries));
        assertThat(merged).isEqualTo(reduction.mergeAll(List.of(referenceSummaries)));
        assertThat(merged.get("samples")).isEqualTo(8 * 3_000 + 28 * 1_000);
    }
}
