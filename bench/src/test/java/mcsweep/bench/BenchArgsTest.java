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
        var found = new Profile.Found(List.of("sequential", "process"), List.of("process"), 2, false, false, KernelSpec.LESSON);
        List<Profile.Group> groups = Profile.DEFAULT.groups(found);

        assertThat(groups).extracting(Profile.Group::name)
                .containsExactly("kernel", "jvmstart", "executor (sequential)", "executor-work (sequential)",
                        "executor-work-long (sequential)", "executor-slow");
        assertThat(groups).allSatisfy(g -> assertThat(g.include()).doesNotContain("ResultQueue")
                .startsWith("mcsweep\\.bench\\.").endsWith("Benchmark\\."));
        // Overhead: two batch sizes of zero-step tasks, for the fit of c and F.
        Profile.Group exec = groups.get(2);
        assertThat(exec.params().get("steps")).containsExactly("0");
        assertThat(exec.params().get("batch")).hasSize(2);
        assertThat(exec.params().get("executor")).containsExactly("sequential");
        // Sequential at one worker only: at two it would still use one, and its row would mean nothing.
        assertThat(exec.params().get("workers")).containsExactly("1");
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
        assertThat(slow.params().get("workers")).containsExactly("1", "2");
        assertThat(Integer.parseInt(slow.params().get("batch").get(1)))
                .isLessThan(Integer.parseInt(exec.params().get("batch").get(1)));
        assertThat(groups.get(1).params().get("variant")).doesNotContain("python-numpy");
        assertThat(Profile.FULL.groups(found)).extracting(Profile.Group::name)
                .contains("sweeps", "other");
    }

    @Test
    void aUsersKernelIsMeasuredInsteadOfTheLessonsAndItsLessonSweepsAreLeftOut() {
        KernelSpec lessonWithOtherValues = KernelSpec.parse("metropolis", List.of("beta=2"));
        var found = new Profile.Found(List.of("sequential", "threads"), List.of(), 2, false, true, lessonWithOtherValues);

        List<Profile.Group> groups = Profile.FULL.groups(found);

        assertThat(groups.get(0).include()).isEqualTo(Profile.NAMED_KERNEL);
        assertThat(groups.get(0).params().get("kernelParams")).containsExactly("x0=1.0;h=1.0;beta=2.0");
        assertThat(groups).filteredOn(g -> g.include().equals(Profile.EXECUTOR))
                .allSatisfy(g -> assertThat(g.params().get("kernelParams")).containsExactly("x0=1.0;h=1.0;beta=2.0"));
        assertThat(groups).extracting(Profile.Group::name).doesNotContain("sweeps");
    }

    @Test
    void thePathosReferenceJoinsTheLessonSweepsOnlyWhenPythonCanRunIt() {
        var with = new Profile.Found(List.of("sequential"), List.of(), 2, true, true, KernelSpec.LESSON);
        var without = new Profile.Found(List.of("sequential"), List.of(), 2, true, false, KernelSpec.LESSON);

        assertThat(Profile.sweepExecutors(with)).containsExactly("sequential", LessonSweepBenchmark.PYTHON_PATHOS);
        assertThat(Profile.sweepExecutors(without)).containsExactly("sequential");
    }

    @Test
    void gateAndKernelOptionsAreParsedAndCheckedTogether() {
        BenchArgs a = BenchArgs.parse("--check", "my/baseline", "--kernel", "metropolis", "-P", "beta=2", "-v");
        assertThat(a.mode()).isEqualTo(BenchArgs.Mode.CHECK);
        assertThat(a.baseline()).isEqualTo(Path.of("my/baseline"));
        assertThat(a.kernelParams()).containsExactly("beta=2");
        assertThat(a.verbose()).isTrue();
        assertThat(BenchArgs.parse("--update-baseline", "--runs", "3").runs()).isEqualTo(3);
        assertThat(BenchArgs.parse("--task-ms", "20", "--tasks", "5000").taskMillis()).isEqualTo(20.0);
        // JMH's own -v MODE still reaches JMH.
        assertThat(BenchArgs.parse("-v", "EXTRA").jmhArgs()).containsExactly("-v", "EXTRA");

        assertThatThrownBy(() -> BenchArgs.parse("--iterations", "10", "--task-ms", "5"))
                .hasMessage("--iterations and --task-ms: give the task's length one way, not both");
        assertThatThrownBy(() -> BenchArgs.parse("--task-ms", "0"))
                .hasMessage("--task-ms: 0 is out of range; it must be > 0 and <= 86400000 (a day)");
        assertThatThrownBy(() -> BenchArgs.parse("-P", "beta=2"))
                .hasMessageStartingWith("-P needs --kernel NAME");
        assertThatThrownBy(() -> BenchArgs.parse("--check", "--full"))
                .hasMessage("--check runs its own fixed selection; drop --full");
        assertThatThrownBy(() -> BenchArgs.parse("--expect-regressions", "kernel.*"))
                .hasMessage("--expect-regressions goes with --check");
        assertThat(BenchArgs.parse("--check", "--only", "kernel\\..*|task\\.threads").only())
                .isEqualTo("kernel\\..*|task\\.threads");
        assertThat(BenchArgs.parse("--check").only()).isNull();
        assertThatThrownBy(() -> BenchArgs.parse("--only", "kernel.*"))
                .hasMessage("--only goes with --check");
        assertThatThrownBy(() -> BenchArgs.parse("--check", "--only", "kernel.("))
                .hasMessageStartingWith("--only: 'kernel.(' is not a regular expression");
    }

    @Test
    void kernelValuesAreCheckedAgainstTheKernelsOwnRanges() {
        assertThat(KernelSpec.parse("metropolis", List.of()).values()).containsExactly(1.0, 1.0, 1.0);
        KernelSpec s = KernelSpec.parse("metropolis", List.of("x0=-2", "h=0.5"));
        assertThat(KernelSpec.decode(s.kernel(), s.encoded())).isEqualTo(s);

        assertThatThrownBy(() -> KernelSpec.parse("metropolis", List.of("beta=0")))
                .hasMessageStartingWith("-P beta: 0 is out of range; beta must be a finite number > 0");
        assertThatThrownBy(() -> KernelSpec.parse("metropolis", List.of("temperature=1")))
                .hasMessage("-P: kernel metropolis has no parameter 'temperature'; it takes x0, h, beta");
        assertThatThrownBy(() -> KernelSpec.parse("nosuch", List.of()))
                .hasMessageStartingWith("unknown kernel 'nosuch'");
    }
}
