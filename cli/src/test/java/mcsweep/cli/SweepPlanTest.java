package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import mcsweep.executors.Task;
import mcsweep.executors.sweep.FileTemplate;
import mcsweep.executors.sweep.InvalidSweepException;
import mcsweep.executors.sweep.SweepPlan;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Kernels;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlanTest {

    private static final Kernel KERNEL = Kernels.byName(MetropolisKernel.NAME);
    private static final List<String> NAMES = List.of("x0", "h", "beta");

    @TempDir
    Path dir;

    private static SweepPlan.Spec spec(Map<String, List<Double>> values, boolean zip, int replicas, String template) {
        return new SweepPlan.Spec(KERNEL, values, zip, replicas, 10, 42, Seeds.DEFAULT_ALGORITHM, Path.of("out"),
                template);
    }

    private static Map<String, List<Double>> values(List<Double> x0, List<Double> h, List<Double> beta) {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        m.put("x0", x0);
        m.put("h", h);
        m.put("beta", beta);
        return m;
    }

    /** The plan as it was first written: every combination, then a map from values to replicas seen. */
    private static List<Task> reference(List<double[]> combos, int replicas, String template) {
        FileTemplate t = new FileTemplate(template, NAMES);
        Map<List<Double>, Integer> seen = new HashMap<>();
        List<Task> out = new ArrayList<>();
        for (double[] c : combos) {
            double[] combo = Arrays.stream(c).map(v -> v == 0.0 ? 0.0 : v).toArray();
            List<Double> key = Arrays.stream(combo).boxed().toList();
            for (int r = 0; r < replicas; r++) {
                int replica = seen.merge(key, 1, Integer::sum) - 1;
                int index = out.size();
                long seed = Seeds.taskSeed(42, NAMES, combo, replica);
                out.add(new Task(index, KERNEL.name(), combo, 10, replica, seed, Seeds.DEFAULT_ALGORITHM,
                        Path.of("out").resolve(t.render(index, combo, 10, replica, seed))));
            }
        }
        return out;
    }

    @Test
    void repeatedValuesInAProductBecomeFurtherReplicasNumberedInTaskOrder() {
        List<Double> x0 = List.of(1.0, 2.0, 1.0, -0.0, 0.0);
        List<Double> h = List.of(1.0, 1.0);
        List<Double> beta = List.of(0.5, 2.0, 0.5);
        List<double[]> combos = new ArrayList<>();
        for (double a : x0) {
            for (double b : h) {
                for (double c : beta) {
                    combos.add(new double[] {a, b, c});
                }
            }
        }
        String template = "{index}_r{replica}.csv";

        List<Task> tasks = SweepPlan.tasks(spec(values(x0, h, beta), false, 3, template));

        assertThat(tasks).hasSize(90).isEqualTo(reference(combos, 3, template));
        assertThat(tasks.stream().filter(t -> t.params()[0] == 1.0 && t.params()[2] == 0.5).map(Task::replica))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 24).boxed().toList());
    }

    @Test
    void repeatedRowsOfAZipBecomeFurtherReplicasNumberedInTaskOrder() {
        List<Double> x0 = List.of(1.0, 2.0, 1.0, 0.0, -0.0);
        List<Double> beta = List.of(0.5, 0.5, 0.5, 1.0, 1.0);
        List<double[]> combos = new ArrayList<>();
        for (int i = 0; i < x0.size(); i++) {
            combos.add(new double[] {x0.get(i), 1.0, beta.get(i)});
        }
        String template = "b{beta}_m{x0}_h{h}_r{replica}.csv";

        List<Task> tasks = SweepPlan.tasks(spec(values(x0, List.of(1.0), beta), true, 2, template));

        assertThat(tasks).isEqualTo(reference(combos, 2, template));
        assertThat(tasks.get(9).output().getFileName()).hasToString("b1.0_m0.0_h1.0_r3.csv");
    }

    @Test
    void aSweepThatCannotFitInTheHeapIsRefusedBeforeAnyTaskIsMade() {
        Map<String, List<Double>> v = values(List.of(1.0, 2.0), List.of(1.0), List.of(0.5, 1.0));
        long fourTasks = 4 * (SweepPlan.BYTES_PER_TASK + Long.BYTES);

        assertThat(SweepPlan.tasks(spec(v, false, 1, "{index}_{beta}.csv"), fourTasks)).hasSize(4);
        assertThatThrownBy(() -> SweepPlan.tasks(spec(v, false, 2, "{index}_{beta}.csv"), fourTasks))
                .isInstanceOf(InvalidSweepException.class)
                .hasMessageStartingWith("too many tasks: 2 x0 x 1 h x 2 beta x 2 replicas is 8 tasks, which need about")
                .hasMessageContaining("JAVA_TOOL_OPTIONS=-Xmx");
    }

    @Test
    void minusZeroIsZeroInValuesNamesAndSeedsSoRunReproducesTheSweepsFile() throws Exception {
        Path minus = dir.resolve("minus");
        Path plus = dir.resolve("plus");
        String[] sweep = {"sweep", "--beta", "1", "--h", "1", "--iterations", "500", "-q"};
        assertThat(Cli.run(with(sweep, "--x0", "-0", "--out", minus.toString())).exitCode()).isZero();
        assertThat(Cli.run(with(sweep, "--x0", "0", "--out", plus.toString())).exitCode()).isZero();
        Path run = dir.resolve("run.csv");
        assertThat(Cli.run("run", "-0", "1", "1", "500", run.toString(), "-q").exitCode()).isZero();

        Path file = minus.resolve("b1.0_m0.0_h1.0.csv");
        assertThat(file).exists();
        assertThat(minus.resolve("b1.0_m-0.0_h1.0.csv")).doesNotExist();
        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(plus.resolve("b1.0_m0.0_h1.0.csv")))
                .isEqualTo(Files.readAllBytes(run));
        // 0 and -0 are one task: given both, the second is its replica 1, as a repeated value is.
        Path both = dir.resolve("both");
        assertThat(Cli.run(with(sweep, "--x0", "0,-0", "--template", "m{x0}_r{replica}.csv", "--out",
                both.toString())).exitCode()).isZero();
        assertThat(Files.readAllBytes(both.resolve("m0.0_r0.csv"))).isEqualTo(Files.readAllBytes(file));
        assertThat(both.resolve("m0.0_r1.csv")).exists();
    }

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
