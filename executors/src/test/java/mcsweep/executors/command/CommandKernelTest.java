package mcsweep.executors.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import mcsweep.executors.Task;
import mcsweep.executors.TaskRunner;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CommandKernelTest {

    @TempDir
    Path dir;

    private static Task task(CommandKernel k, double[] values, Path output) {
        return new Task(3, k.name(), values, 1000, 2, -5L, "L64X128MixRandom", output);
    }

    @Test
    void takesItsParametersFromThePlaceholdersInOrderOfFirstAppearance() {
        CommandKernel k = CommandKernel.of("python3 mc.py {x0} {beta} {h} {iterations} {file} {x0} ${HOME} {seed}");
        assertThat(k.parameters()).extracting(Parameter::name).containsExactly("x0", "beta", "h");
        assertThat(k.writesFile()).isTrue();
        assertThat(CommandKernel.byName(k.name()).parameters()).isEqualTo(k.parameters());
        assertThat(k.reduction()).isEmpty();
    }

    @Test
    void substitutesValuesSpelledAsPythonDoesAndQuotesWhatTheShellWouldSplit() {
        CommandKernel k = CommandKernel.of("p {a} {b} {iterations} {index} {replica} {seed} {file}");
        String line = k.commandLine(task(k, new double[] {0.5, 1e-5}, null), Path.of("/tmp/my dir/.f.csv.tmp"));
        assertThat(line).isEqualTo("p 0.5 1e-05 1000 3 2 18446744073709551611 '/tmp/my dir/.f.csv.tmp'");
        assertThat(CommandKernel.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void renamesTheFileIntoPlaceAndKeepsTheProgramsOutputWhenItExitsZero() throws Exception {
        CommandKernel k = CommandKernel.of("echo hello {a}; echo oops >&2; printf 'x\\n%s\\n' {a} > {file}");
        Path out = dir.resolve("a.csv");
        Summary s = TaskRunner.run(task(k, new double[] {2}, out));

        assertThat(out).hasContent("x\n2.0");
        assertThat(s.get("exit_status")).isZero();
        assertThat(s.get("bytes")).isEqualTo(6);
        assertThat(dir.resolve("logs/task-3.out")).hasContent("hello 2.0");
        assertThat(dir.resolve("logs/task-3.err")).hasContent("oops");
        assertThat(dir.resolve(".a.csv.tmp")).doesNotExist();
    }

    @Test
    void aNonZeroExitFailsTheTaskAndLeavesNoFile() throws IOException {
        CommandKernel k = CommandKernel.of("echo partial > {file}; echo broken >&2; exit 3");
        Path out = dir.resolve("a.csv");
        assertThatThrownBy(() -> TaskRunner.run(task(k, new double[0], out)))
                .isInstanceOf(IOException.class).hasMessage("command exited with status 3; see logs/task-3.err");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("logs");
        }
        assertThat(dir.resolve("logs/task-3.out")).doesNotExist(); // empty logs are removed
    }

    @Test
    void aProgramThatDoesNotWriteItsFileFails() {
        CommandKernel k = CommandKernel.of("true {file}");
        assertThatThrownBy(() -> TaskRunner.run(task(k, new double[0], dir.resolve("a.csv"))))
                .hasMessage("command exited 0 but did not write {file}");
    }

    @Test
    void anInterruptKillsTheProgramAndItsChildrenAndRemovesThePartialFile() throws Exception {
        Path pid = dir.resolve("pid");
        CommandKernel k = CommandKernel.of("echo started > {file}; sleep 60 & echo $! > " + pid + "; wait");
        Path out = dir.resolve("a.csv");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                TaskRunner.run(task(k, new double[0], out));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        while (!Files.exists(pid) || Files.readString(pid).isBlank()) {
            Thread.sleep(10);
        }
        long sleeper = Long.parseLong(Files.readString(pid).trim());
        t.interrupt();
        t.join();

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(dead(sleeper)).as("the program's child " + sleeper + " is killed").isTrue();
        assertThat(dir.resolve(".a.csv.tmp")).doesNotExist();
        assertThat(out).doesNotExist();
    }

    /** Killed: gone, or a zombie waiting for whoever inherited it (a container's init may never reap it). */
    private static boolean dead(long pid) throws Exception {
        for (int i = 0; i < 500; i++) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)
                    || (Files.exists(stat) && Files.readString(stat).replaceFirst(".*\\) ", "").startsWith("Z"))) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Test
    void withoutAnOutputFileTheProgramWritesToDevNull() throws Exception {
        CommandKernel k = CommandKernel.of("echo x > {file}");
        Summary s = TaskRunner.run(task(k, new double[0], null));
        assertThat(s.get("bytes")).isNaN();
        assertThat(List.of(dir.toFile().list())).isEmpty();
    }
}
