package mcsweep.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mcsweep.cli.daemon.DaemonProcesses.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's C client ({@code src/main/c/mcsweep-client.c}) against a real daemon: it is served exactly when
 * the JVM's client is (the same identity, computed without a JVM), with the same output, files and exit codes,
 * a signal cancels the served command as it does the JVM's, and whatever it does not serve goes to the fallback
 * command line untouched. Skipped without a C compiler, as the launcher then runs the JVM.
 */
class NativeClientTest {

    @TempDir
    static Path bin;

    static Path exe;

    @TempDir
    Path dir;

    private DaemonProcesses cli;

    @BeforeAll
    static void compile() throws Exception {
        Path cc = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "cc"))) {
                cc = Path.of(d, "cc");
                break;
            }
        }
        Assumptions.assumeTrue(cc != null, "no C compiler (cc) on the PATH: the launcher uses the JVM client");
        exe = bin.resolve("mcsweep-client");
        Process p = new ProcessBuilder(cc.toString(), "-O2", "-Wall", "-Werror", "-o", exe.toString(),
                Path.of("src/main/c/mcsweep-client.c").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(bin.resolve("cc.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(bin.resolve("cc.log"))).isZero();
    }

    private long daemonPid;

    @BeforeEach
    void daemon() throws Exception {
        cli = new DaemonProcesses(dir);
        Result started = cli.run("start", "daemon", "start", "--idle-timeout", "5");
        assertThat(started.code()).as(started.err()).isZero();
        daemonPid = Long.parseLong(started.out().replaceAll("(?s)^.*? pid (\\d+).*$", "$1"));
    }

    @AfterEach
    void stop() throws Exception {
        cli.run("stop", "daemon", "stop");
    }

    /** The client in front of {@code fallback}, whose last {@code args} words are the command's arguments. */
    private List<String> client(List<String> fallback, int args) {
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--daemon-dir", cli.daemons().toString(),
                "--class-path", System.getProperty("java.class.path"), "--args", Integer.toString(args), "--"));
        cmd.addAll(fallback);
        return cmd;
    }

    /** The client for {@code args} in front of a JVM that fails if it runs: only a served command succeeds. */
    private List<String> servedOnly(String... args) {
        List<String> fallback = cli.java(args);
        fallback.set(fallback.size() - args.length - 1, "mcsweep.NoSuchEntry");
        return client(fallback, args.length);
    }

    private Result served(String name, String... args) throws Exception {
        return cli.run(name, servedOnly(args), Map.of());
    }

    /** A sweep of a minute or so, served through the client, once the daemon is writing its traces. */
    private Process longServedSweep() throws Exception {
        Process client = cli.start("client", servedOnly("sweep", "--beta", "0.5:5:0.5", "--x0", "0.5:5:0.5", "--h",
                "1", "--iterations", "600000", "-j", "2", "--out", "out"), Map.of());
        try {
            while (!DaemonProcesses.anyTrace(dir.resolve("out")) && client.isAlive()) {
                Thread.sleep(10);
            }
            assertThat(client.isAlive()).as("served and sweeping").isTrue();
            return client;
        } catch (Exception | AssertionError e) {
            client.destroyForcibly();
            throw e;
        }
    }

    private int servedCount() throws Exception {
        String status = cli.run("status", "daemon", "status").out();
        return Integer.parseInt(status.replaceAll("(?s)^.*, (\\d+) command\\(s\\) served.*$", "$1"));
    }

    @Test
    @Timeout(120)
    void servesWhatTheJvmClientServesWithTheSameOutputFilesAndExitCodes() throws Exception {
        Result jvm = cli.run("jvm", "executors");
        Result c = served("c", "executors");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).isEqualTo(jvm.out()).contains("forkjoin");
        assertThat(servedCount()).isEqualTo(2);

        String[] sweep = {"sweep", "--beta", "0.5:2:0.5", "--x0", "0.5", "--h", "1", "--iterations", "3000",
            "-j", "2", "-q", "--out"};
        Result jvmSweep = cli.run("jvm-sweep", concat(sweep, "out-jvm"));
        Result cSweep = served("c-sweep", concat(sweep, "out-c"));
        assertThat(cSweep.code()).as(cSweep.err()).isEqualTo(jvmSweep.code()).isZero();
        List<String> traces = DaemonProcesses.names(dir.resolve("out-jvm")).stream()
                .filter(n -> n.startsWith("b")).toList();
        assertThat(traces).hasSize(4);
        assertThat(DaemonProcesses.names(dir.resolve("out-c"))).containsAll(traces);
        for (String t : traces) {
            assertThat(Files.mismatch(dir.resolve("out-jvm").resolve(t), dir.resolve("out-c").resolve(t)))
                    .as(t).isEqualTo(-1L);
        }

        // A user's mistake: exit code 2, one line on stderr, nothing on stdout, whichever client.
        String[] bad = {"sweep", "--beta", "-1", "--x0", "0.5", "--h", "1", "--iterations", "10", "--out", "bad"};
        Result jvmBad = cli.run("jvm-bad", bad);
        Result cBad = served("c-bad", bad);
        assertThat(cBad).isEqualTo(jvmBad);
        assertThat(cBad.code()).isEqualTo(2);
        assertThat(cBad.err()).contains("beta");
        assertThat(servedCount()).isEqualTo(6);
    }

    @Test
    @Timeout(120)
    void whatTheDaemonDoesNotServeRunsTheFallbackUntouched() throws Exception {
        // The JVM never hands over help; another environment has no daemon; a bare echo stands for the JVM.
        List<String> echo = List.of("/bin/echo", "fallback", "executors", "--help");
        Result help = cli.run("help", client(echo, 2), Map.of());
        assertThat(help.out()).isEqualTo("fallback executors --help\n");
        Result other = cli.run("other", client(cli.java("executors"), 1), Map.of("MCSWEEP_TEST_FLAVOUR", "x"));
        assertThat(other.code()).as(other.err()).isZero();
        assertThat(other.out()).contains("forkjoin");
        Result off = cli.run("off", client(List.of("/bin/echo", "fallback", "executors"), 1),
                Map.of("MCSWEEP_DAEMON", "off"));
        assertThat(off.out()).isEqualTo("fallback executors\n");
        assertThat(servedCount()).isZero();
        Result usage = cli.run("usage", List.of(exe.toString(), "executors"), Map.of());
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).startsWith("usage: mcsweep-client");
    }

    @Test
    @Timeout(180)
    void aSignalCancelsTheServedCommandAsItDoesTheJvmClients() throws Exception {
        Process client = longServedSweep();
        try {
            // Meanwhile the daemon is busy: a second command goes to its fallback (here a JVM that cannot start).
            Result busy = served("busy", "executors");
            assertThat(busy.code()).isEqualTo(1);
            assertThat(busy.err()).contains("mcsweep.NoSuchEntry");
            client.destroy(); // SIGTERM
            assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            client.destroyForcibly();
        }
        Result r = cli.result("client", client);
        assertThat(r.code()).as(r.err()).isEqualTo(143);
        assertThat(r.err()).contains("mcsweep: interrupted:");
        assertThat(DaemonProcesses.names(dir.resolve("out"))).noneMatch(n -> n.endsWith(".tmp"));
        assertThat(cli.run("after", "daemon", "status").out()).contains(", ready, waiting, ");
    }

    @Test
    @Timeout(180)
    void aDaemonKilledMidCommandEndsTheCommandSayingSo() throws Exception {
        Process client = longServedSweep();
        try {
            ProcessHandle daemon = ProcessHandle.of(daemonPid).orElseThrow();
            daemon.destroyForcibly(); // SIGKILL
            daemon.onExit().get(30, TimeUnit.SECONDS);
            assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            client.destroyForcibly();
        }
        Result r = cli.result("client", client);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("mcsweep: the daemon ended before the command did (its log: ")
                .contains("with --resume for a sweep to keep what finished");
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
