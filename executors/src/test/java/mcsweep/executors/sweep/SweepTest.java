package mcsweep.executors.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import mcsweep.executors.Task;
import mcsweep.kernel.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

    @TempDir
    Path dir;

    private static Sweep.Builder lesson() {
        return Sweep.builder("metropolis").values("x0", 0.5, 1.0).values("h", 1.0).values("beta", 0.5, 1.0, 2.0)
                .iterations(2_000);
    }

    @Test
    void productPlansEveryCombinationFirstParameterSlowestAndRunsThemInOrder() {
        SweepResult r = lesson().executor("sequential").build().run();

        assertThat(r.ok()).isTrue();
        assertThat(r.completed()).isEqualTo(6);
        assertThat(r.tasks()).extracting(TaskSummary::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(r.tasks()).extracting(t -> t.parameters().get("x0")).containsExactly(0.5, 0.5, 0.5, 1.0, 1.0, 1.0);
        assertThat(r.tasks()).extracting(t -> t.parameters().get("beta")).containsExactly(0.5, 1.0, 2.0, 0.5, 1.0, 2.0);
        assertThat(r.tasks().get(0).parameters().keySet()).containsExactly("x0", "h", "beta");
        assertThat(r.tasks()).allSatisfy(t -> {
            assertThat(t.file()).isNull();
            assertThat(t.error()).isNull();
            assertThat(Double.isFinite(t.get("mean_x2"))).isTrue();
        });
    }

    @Test
    void zipPairsListsAndReplicasRepeatEachCombinationWithOtherSeeds() {
        Sweep s = Sweep.builder("metropolis").values("x0", 0.5, 1.0, 2.0).values("h", 1.0).values("beta", 0.5, 1.0, 2.0)
                .zip().replicas(2).iterations(100).build();

        assertThat(s.tasks()).hasSize(6);
        assertThat(s.tasks()).extracting(Task::replica).containsExactly(0, 1, 0, 1, 0, 1);
        assertThat(s.tasks().get(0).seed()).isNotEqualTo(s.tasks().get(1).seed());
        assertThat(s.tasks().get(4).params()).containsExactly(2.0, 1.0, 2.0);
    }

    @Test
    void sequentialAndForkJoinGiveTheSameSummariesAndByteIdenticalTraces() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        SweepResult seq = lesson().replicas(2).out(a).executor("sequential").build().run();
        SweepResult fj = lesson().replicas(2).out(b).executor("forkjoin").workers(2).build().run();

        assertThat(seq.tasks()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            TaskSummary x = seq.tasks().get(i);
            TaskSummary y = fj.tasks().get(i);
            assertThat(y.summary()).isEqualTo(x.summary());
            assertThat(y.seed()).isEqualTo(x.seed());
            assertThat(x.file()).hasParent(a).exists();
            assertThat(y.file().getFileName()).isEqualTo(x.file().getFileName());
            assertThat(Files.mismatch(x.file(), y.file())).isEqualTo(-1L);
        }
        assertThat(seq.tasks().get(1).file().getFileName()).hasToString("b0.5_m0.5_h1.0_r1.csv");
        assertThat(names(a)).hasSize(12).isEqualTo(names(b)); // the traces and nothing else
    }

    @Test
    void formatNoneWritesNothingEvenWithAnOutputFolder() throws IOException {
        Path out = dir.resolve("none");
        SweepResult r = lesson().out(out).format("none").build().run();

        assertThat(r.tasks()).allSatisfy(t -> assertThat(t.file()).isNull());
        assertThat(out).doesNotExist();
    }

    @Test
    void npyFormatNamesFilesAfterTheKernelsParameters() {
        Sweep s = lesson().out(dir).format("npy").build();

        assertThat(s.template()).isEqualTo("b{beta}_m{x0}_h{h}.npy");
        assertThat(s.tasks().get(0).output()).isEqualTo(dir.resolve("b0.5_m0.5_h1.0.npy"));
    }

    @Test
    void schemeAndSeedReachTheTasks() {
        Sweep s = lesson().seed(7).scheme(Scheme.V1).build();

        assertThat(s.tasks()).allSatisfy(t -> assertThat(t.scheme()).isEqualTo(Scheme.V1));
        assertThat(s.tasks().get(0).seed()).isNotEqualTo(lesson().build().tasks().get(0).seed());
    }

    @Test
    void badInputIsAnInvalidSweepExceptionNamingTheOptionAndRange() {
        assertThatThrownBy(() -> lesson().iterations(0).build())
                .isInstanceOf(InvalidSweepException.class).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--iterations: 0 is out of range; iterations must be an integer >= 1");
        assertThatThrownBy(() -> lesson().replicas(0).build())
                .hasMessage("--replicas: 0 is out of range; replicas must be an integer from 1 to 2147483647");
        assertThatThrownBy(() -> lesson().values("gamma", 1.0).build())
                .isInstanceOf(InvalidSweepException.class).hasMessageStartingWith("kernel metropolis has no parameter 'gamma'");
        assertThatThrownBy(() -> Sweep.builder("metropolis").values("x0", 1.0).values("h", -1.0).values("beta", 1.0)
                .iterations(10).build())
                .isInstanceOf(InvalidSweepException.class).hasMessageStartingWith("--h: ");
        assertThatThrownBy(() -> lesson().values("x0", 1.0)).hasMessage("values for x0 given twice; give each parameter once");
        assertThatThrownBy(() -> lesson().format("xls").build())
                .hasMessage("--format: 'xls' is not a format; choose csv, npy or none");
        assertThatThrownBy(() -> lesson().workers(0)).isInstanceOf(InvalidSweepException.class)
                .hasMessageStartingWith("--workers: 0 is out of range");
        assertThatThrownBy(() -> lesson().executor("nowhere")).isInstanceOf(InvalidSweepException.class)
                .hasMessageStartingWith("--executor: ");
        assertThatThrownBy(() -> Sweep.builder("nokernel")).isInstanceOf(InvalidSweepException.class)
                .hasMessageStartingWith("--kernel: ");
        assertThatThrownBy(() -> lesson().out(dir).template("same.csv").build())
                .hasMessageContaining("names two tasks' files same.csv");
        assertThatThrownBy(() -> lesson().out(dir).template("summary.csv").build())
                .hasMessageContaining("a name the sweep uses itself");
    }

    @Test
    void theParametersOfASummaryAreACopy() {
        TaskSummary t = new TaskSummary(0, new java.util.LinkedHashMap<>(Map.of("x0", 1.0)), 0, 1, null, null, "x");

        assertThat(t.ok()).isFalse();
        assertThatThrownBy(() -> t.parameters().put("h", 2.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.get("mean_x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("x");
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
