package mcsweep.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mcsweep.cli.daemon.DaemonProcesses.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcsweep daemon start}, a sweep handed to it by a client JVM, that client killed by SIGTERM (the daemon
 * stops the sweep, the client exits as a signalled JVM does, and the daemon serves on), {@code --resume} through
 * it, and {@code daemon stop}: as separate processes, as users run them. And a daemon ended by SIGTERM.
 */
class DaemonProcessTest {

    @TempDir
    Path dir;

    private DaemonProcesses cli;

    @BeforeEach
    void processes() {
        cli = new DaemonProcesses(dir);
    }

    private Process start(String name, String... args) throws IOException {
        return cli.start(name, Map.of(), args);
    }

    private Result run(String name, String... args) throws Exception {
        return cli.run(name, args);
    }

    private Result run(String name, Map<String, String> env, String... args) throws Exception {
        return cli.run(name, env, args);
    }

    private List<Path> marks() throws IOException {
        return cli.marks();
    }

    @Test
    @Timeout(180)
    void aDaemonServesASweepThatASignalStopsAndAResumeFinishes() throws Exception {
        Result started = run("start", "daemon", "start", "--idle-timeout", "5");
        assertThat(started.code()).as(started.err()).isZero();
        assertThat(started.out()).startsWith("mcsweep: daemon started: pid ").contains(", ready, ");
        // The launcher's note of the folder served (it picks the hand-over cache by it).
        assertThat(marks()).singleElement().satisfies(mark ->
                assertThat(Files.readString(mark)).isEqualTo(dir.toRealPath() + "\n"));
        try {
            String[] sweep = {"sweep", "--beta", "0.5:5:0.5", "--x0", "0.5:5:0.5", "--h", "1", "--iterations",
                "600000", "-j", "2", "--out", "out"};
            Process client = start("client", sweep);
            try {
                while (!DaemonProcesses.anyTrace(dir.resolve("out")) && client.isAlive()) {
                    Thread.sleep(10);
                }
                // The daemon, not the client, is sweeping.
                assertThat(run("busy", "daemon", "status").out()).contains("running a command");
                assertThat(client.isAlive()).isTrue();
                client.destroy(); // SIGTERM
                assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                client.destroyForcibly();
            }
            String err = Files.readString(dir.resolve("client.err"));
            assertThat(client.exitValue()).as(err).isEqualTo(143);
            assertThat(err).contains("mcsweep: interrupted:");
            try (Stream<Path> s = Files.list(dir.resolve("out"))) {
                assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
            Result status = run("status", "daemon", "status");
            assertThat(status.code()).isZero();
            assertThat(status.out()).contains(", ready, waiting, ").contains("1 command(s) served");

            List<String> resume = new ArrayList<>(List.of(sweep));
            resume.addAll(List.of("--resume", "-q"));
            Result resumed = run("resume", resume.toArray(String[]::new));
            assertThat(resumed.code()).as(resumed.err()).isZero();
            try (Stream<Path> s = Files.list(dir.resolve("out"))) {
                assertThat(s.filter(p -> p.getFileName().toString().startsWith("b"))).hasSize(100);
            }
            assertThat(run("served", "daemon", "status").out()).contains("2 command(s) served");
        } finally {
            Result stopped = run("stop", "daemon", "stop");
            assertThat(stopped.code()).as(stopped.err()).isZero();
            assertThat(stopped.out()).contains("stopped");
        }
        Result none = run("none", "daemon", "status");
        assertThat(none.code()).isEqualTo(3);
        assertThat(none.out()).isEqualTo("mcsweep: no daemon serves this folder and environment\n");
        try (Stream<Path> s = Files.list(dir.resolve("daemons"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".sock"));
        }
        assertThat(marks()).isEmpty();
    }

    @Test
    @Timeout(120)
    void aDaemonEndedBySigtermLeavesNoSocketOrNote() throws Exception {
        Result started = run("start", "daemon", "start", "--idle-timeout", "5");
        assertThat(started.code()).as(started.err()).isZero();
        long pid = Long.parseLong(started.out().replaceAll("(?s)^.*? pid (\\d+).*$", "$1"));
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        assertThat(marks()).hasSize(1);
        try {
            assertThat(daemon.destroy()).isTrue(); // SIGTERM
            daemon.onExit().get(60, TimeUnit.SECONDS);
        } finally {
            daemon.destroyForcibly();
        }
        // Before the fix, both stayed: commands then tried a socket no one answered, with the hand-over cache.
        try (Stream<Path> s = Files.list(dir.resolve("daemons"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".sock"));
        }
        assertThat(marks()).isEmpty();
        Result none = run("none", "daemon", "status");
        assertThat(none.code()).isEqualTo(3);
    }

    @Test
    @Timeout(120)
    void statusAndStopWithAllReachTheDaemonsOfEveryEnvironment() throws Exception {
        // Two environments, two daemons; a third environment sees neither without --all.
        for (String flavour : List.of("a", "b")) {
            Result started = run("start-" + flavour, Map.of("MCSWEEP_TEST_FLAVOUR", flavour), "daemon", "start",
                    "--idle-timeout", "5");
            assertThat(started.code()).as(started.err()).isZero();
        }
        try {
            Map<String, String> third = Map.of("MCSWEEP_TEST_FLAVOUR", "c");
            assertThat(run("status-c", third, "daemon", "status").code()).isEqualTo(3);
            Result all = run("status-all", third, "daemon", "status", "--all");
            assertThat(all.code()).as(all.err()).isZero();
            assertThat(all.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line)
                    .startsWith("mcsweep: daemon pid ").contains(", ready, ").contains("folder " + dir.toRealPath()));

            Result stopped = run("stop-all", third, "daemon", "stop", "--all");
            assertThat(stopped.code()).as(stopped.err()).isZero();
            assertThat(stopped.out().lines()).hasSize(2).allMatch(l -> l.startsWith("mcsweep: daemon stopped (pid "));
        } finally {
            run("stop-a", Map.of("MCSWEEP_TEST_FLAVOUR", "a"), "daemon", "stop");
            run("stop-b", Map.of("MCSWEEP_TEST_FLAVOUR", "b"), "daemon", "stop");
        }
        Result none = run("status-none", "daemon", "status", "--all");
        assertThat(none.code()).isEqualTo(3);
        assertThat(none.out()).isEqualTo("mcsweep: no daemon runs for this user\n");
        assertThat(marks()).isEmpty();
    }

    @Test
    @Timeout(60)
    void theHandOverTrainingRunsWithTheFlagsTheLauncherGivesItsCache() throws Exception {
        // ./mcsweep records the hand-over cache from this run with these flags (the selector provider on Linux
        // only), and uses them only with that cache: a JDK without the provider class must fail here too.
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Djdk.reflect.useNativeAccessorOnly=true"));
        if (System.getProperty("os.name").startsWith("Linux")) {
            cmd.add("-Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.EPollSelectorProvider");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "mcsweep.cli.AotTraining", "hand-over"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("training.out").toFile()).start();
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("training.out"));
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("nothing reported").isEmpty();
    }
}
