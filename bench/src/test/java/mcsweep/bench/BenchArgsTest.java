package mcsweep.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

class BenchArgsTest {

    @Test
    void defaultsAreTheLessonScan() {
        BenchArgs a = BenchArgs.parse();
        assertThat(a.full()).isFalse();
        assertThat(a.iterations()).isEqualTo(10_000);
        assertThat(a.tasks()).isEqualTo(324);
        assertThat(a.results()).isNull();
        assertThat(a.jmhArgs()).isEmpty();
    }

    @Test
    void ownOptionsAreTakenAndTheRestGoesToJmh() {
        BenchArgs a = BenchArgs.parse("--full", "--iterations=100000", "-f", "2", "--tasks", "7",
                "KernelStep", "-rf", "csv", "--results", "out", "-prof", "gc");
        assertThat(a.full()).isTrue();
        assertThat(a.iterations()).isEqualTo(100_000);
        assertThat(a.tasks()).isEqualTo(7);
        assertThat(a.results()).isEqualTo(Path.of("out"));
        assertThat(a.resultFormat()).isEqualTo("csv");
        assertThat(a.jmhArgs()).containsExactly("-f", "2", "KernelStep", "-prof", "gc");
    }

    @Test
    void badValuesNameTheOptionAndTheRange() {
        assertThatThrownBy(() -> BenchArgs.parse("--tasks", "0")).isInstanceOf(BenchArgs.Invalid.class)
                .hasMessage("--tasks: 0 is out of range; it must be >= 1 and <= 2147483647");
        assertThatThrownBy(() -> BenchArgs.parse("--iterations", "ten")).isInstanceOf(BenchArgs.Invalid.class)
                .hasMessageStartingWith("--iterations: 'ten' is not a whole number");
        assertThatThrownBy(() -> BenchArgs.parse("--results")).isInstanceOf(BenchArgs.Invalid.class)
                .hasMessage("--results needs a value");
    }

    @Test
    void theUsersJmhOptionsWinOverTheProfile() throws Exception {
        CommandLineOptions user = new CommandLineOptions("-f", "3", "-p", "executor=pool");
        Profile.Group g = new Profile.Group("g", "X", List.of(), 1, 2, TimeValue.milliseconds(500), 3, null,
                Map.of("executor", List.of("sequential", "threads"), "steps", List.of("0", "100")));

        Options o = g.options(user);

        assertThat(o.getForkCount().get()).isEqualTo(3);
        assertThat(o.getWarmupIterations().get()).isEqualTo(2);
        assertThat(o.getWarmupTime().get()).isEqualTo(TimeValue.milliseconds(500));
        assertThat(o.getMeasurementIterations().get()).isEqualTo(3);
        assertThat(o.getParameter("executor").get()).containsExactly("pool");
        assertThat(o.getParameter("steps").get()).containsExactly("0", "100");
        assertThat(o.getIncludes()).containsExactly("X");
    }

    @Test
    void forksOfThisJdkAllowJmhsUnsafeMemoryAccessFrom23OnAndKeepTheUsersArguments() throws Exception {
        Profile.Group g = new Profile.Group("g", "X", List.of(), null, null, null, null, null, Map.of());
        String flag = "--sun-misc-unsafe-memory-access=allow";

        Options o = g.options(new CommandLineOptions("-jvmArgsAppend", "-Xmx1g"));
        Options otherJvm = g.options(new CommandLineOptions("-jvm", "/opt/jdk21/bin/java"));

        if (Runtime.version().feature() >= 23) {
            assertThat(o.getJvmArgsAppend().get()).containsExactly("-Xmx1g", flag);
        } else {
            assertThat(o.getJvmArgsAppend().get()).containsExactly("-Xmx1g");
        }
        // Another JVM may be older than 23, where the flag would stop the fork.
        assertThat(otherJvm.getJvmArgsAppend().orElse(List.of())).doesNotContain(flag);
    }

    @Test
    void theDefaultProfileNamesItsBenchmarksAndLeavesOutTheLongOnes() {
        var found = new Profile.Found(List.of("sequential", "process"), List.of("process"), 2, false);
        List<Profile.Group> groups = Profile.DEFAULT.groups(found);

        assertThat(groups).extracting(Profile.Group::name)
                .containsExactly("kernel", "jvmstart", "executor", "executor-work", "executor-work-long", "executor-slow");
        assertThat(groups).allSatisfy(g -> assertThat(g.include()).doesNotContain("ResultQueue")
                .startsWith("mcsweep\\.bench\\.").endsWith("Benchmark\\."));
        // Overhead: two batch sizes of zero-step tasks, for the fit of c and F.
        Profile.Group exec = groups.get(2);
        assertThat(exec.params().get("steps")).containsExactly("0");
        assertThat(exec.params().get("batch")).hasSize(2);
        assertThat(exec.params().get("executor")).containsExactly("sequential");
        assertThat(exec.params().get("workers")).containsExactly("1", "2");
        // Work: two sweeps of different total steps, for the warm speed and the warm-up.
        Profile.Group work = groups.get(3);
        Profile.Group longWork = groups.get(4);
        assertThat(work.params().get("steps")).containsExactly("10000");
        assertThat(work.params().get("executor")).containsExactly("sequential");
        assertThat(Long.parseLong(longWork.params().get("steps").get(0))
                * Long.parseLong(longWork.params().get("batch").get(0)))
                .isGreaterThan(Long.parseLong(work.params().get("steps").get(0))
                        * Long.parseLong(work.params().get("batch").get(0)));
        assertThat(longWork.params().get("steps")).doesNotContain("1000000");
        Profile.Group slow = groups.get(5);
        assertThat(slow.params().get("executor")).containsExactly("process");
        assertThat(slow.params().get("steps")).containsExactly("0");
        assertThat(slow.params().get("batch")).hasSize(2);
        assertThat(Integer.parseInt(slow.params().get("batch").get(1)))
                .isLessThan(Integer.parseInt(exec.params().get("batch").get(1)));
        assertThat(groups.get(1).params().get("variant")).doesNotContain("python-numpy");
        assertThat(Profile.FULL.groups(found)).extracting(Profile.Group::name)
                .contains("sweeps", "other");
    }
}
