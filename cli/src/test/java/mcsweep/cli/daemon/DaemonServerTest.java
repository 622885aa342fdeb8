package mcsweep.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import mcsweep.cli.Cli;
import mcsweep.cli.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon and its clients in one JVM: a command it serves gives the output, exit code and files that the same
 * command gives run directly; what it must not serve it hands back; a client that goes away cancels its command
 * as a signal would, and the sweep resumes.
 */
@Timeout(120)
class DaemonServerTest {

    @TempDir
    Path dir;

    private DaemonFiles files;
    private DaemonIdentity identity;
    private DaemonServer server;
    private Thread serving;

    @BeforeEach
    void start() throws IOException {
        files = new DaemonFiles(dir.resolve("daemons"));
        identity = DaemonIdentity.current();
        server = DaemonServer.open(files, identity, Duration.ofMinutes(5));
        server.ready();
        serving = Thread.ofPlatform().daemon().start(server::serve);
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
        serving.join(10_000);
        assertThat(serving.isAlive()).as("accept loop ended").isFalse();
        assertThat(files.socket(identity.key())).doesNotExist();
    }

    private record Run(int code, String out, String err) {
    }

    @Test
    void serveReturnsQuietlyWhenTheDaemonWasClosedBeforeItBegan() throws IOException {
        // A SIGTERM during the warm-up closes the daemon before its main thread serves; serve() then threw
        // RejectedExecutionException from the stopped timer (and the tests' @AfterEach raced into it too).
        DaemonServer early = DaemonServer.open(new DaemonFiles(dir.resolve("early")), identity, Duration.ofMinutes(5));
        early.close();
        assertThatCode(early::serve).doesNotThrowAnyException();
    }

    private Run served(String... args) {
        return served(identity, args);
    }

    private Run served(DaemonIdentity who, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DaemonClient.run(files.socket(identity.key()), files, who, args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run direct(String... args) {
        Cli c = Cli.run(args);
        return new Run(c.exitCode(), c.out(), c.err());
    }

    private static String[] sweep(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("sweep", "--beta", "0.5,1,2", "--x0", "0.5,1", "--h", "0.5,1",
                "--iterations", "20000", "--out", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** Every trace and the summary's statistics, by file name: what must not depend on who ran the sweep. */
    private static Map<String, String> results(Path out) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".csv") && !name.equals("summary.csv")) {
                    m.put(name, sha256(p));
                }
            }
        }
        return m;
    }

    @Test
    void aServedSweepPrintsWritesAndExitsAsTheSameSweepRunDirectly() throws IOException {
        Run viaDaemon = served(sweep(dir.resolve("a"), "-j", "2"));
        Run here = direct(sweep(dir.resolve("b"), "-j", "2"));

        assertThat(viaDaemon.code()).as(viaDaemon.err()).isEqualTo(ExitCodes.OK).isEqualTo(here.code());
        // The table's 'ms' column (each task's run time) is the one thing that may differ.
        assertThat(withoutMs(viaDaemon.out())).hasSize(13).isEqualTo(withoutMs(here.out()));
        assertThat(viaDaemon.err()).isEqualTo(here.err());
        assertThat(results(dir.resolve("a"))).hasSize(12).isEqualTo(results(dir.resolve("b")));
        assertThat(DaemonControl.status(files, identity)).contains("1 command(s) served");
    }

    @Test
    void badInputGetsTheSameOneLineErrorAndExitCodeAndWritesNothing() {
        Run viaDaemon = served("sweep", "--beta", "1", "--x0", "1", "--h", "1", "--iterations", "0", "--out",
                dir.resolve("bad").toString());
        Run here = direct("sweep", "--beta", "1", "--x0", "1", "--h", "1", "--iterations", "0", "--out",
                dir.resolve("bad").toString());

        assertThat(viaDaemon.code()).isEqualTo(ExitCodes.USAGE).isEqualTo(here.code());
        assertThat(viaDaemon.err()).startsWith("mcsweep: ").contains("iterations").isEqualTo(here.err());
        assertThat(viaDaemon.err().lines()).hasSize(1);
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    @Test
    void aCommandOfAnotherFolderOrEnvironmentIsHandedBack() {
        DaemonIdentity elsewhere = new DaemonIdentity(identity.text().replace("cwd=", "cwd=/elsewhere"));

        Run r = served(elsewhere, sweep(dir.resolve("x")));

        assertThat(r.code()).isEqualTo(DaemonClient.NOT_SERVED);
        assertThat(r.out() + r.err()).isEmpty();
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aCommandItMustNotRunIsHandedBackEvenWhenAClientSendsIt() {
        Run r = served("sweep", "--kernel-path", dir.toString(), "--beta", "1", "--x0", "1", "--h", "1",
                "--iterations", "10", "--out", dir.resolve("k").toString());

        assertThat(r.code()).isEqualTo(DaemonClient.NOT_SERVED);
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void aSecondDaemonForTheSameIdentityIsRefused() {
        assertThatThrownBy(() -> DaemonServer.open(files, identity, Duration.ofMinutes(1)))
                .isInstanceOf(DaemonServer.AlreadyRunning.class);
    }

    @Test
    void aClientThatGoesAwayCancelsItsSweepAsASignalWouldAndTheSweepResumes() throws Exception {
        Path out = dir.resolve("cancelled");
        String[] longSweep = {"sweep", "--beta", "0.5:5:0.5", "--x0", "0.5:5:0.5", "--h", "1", "--iterations",
            "600000", "-j", "2", "--out", out.toString()};
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(files.socket(identity.key())));
            DataOutputStream req = new DataOutputStream(SocketStreams.out(ch));
            Wire.writeHeader(req, Wire.REQUEST, identity);
            Wire.writeArgs(req, longSweep);
            Wire.writeString(req, "UTF-8");
            req.writeBoolean(false);
            req.flush();
            assertThat(SocketStreams.in(ch).read()).isEqualTo(Wire.ACCEPTED);
            while (!anyTrace(out)) {
                Thread.sleep(10);
            }
        } // the client is gone: like a SIGINT, the sweep stops at a block boundary and keeps what finished
        while (DaemonControl.status(files, identity).contains("running a command")) {
            Thread.sleep(10);
        }
        List<String> partial = new ArrayList<>(results(out).keySet());
        assertThat(partial).hasSizeLessThan(100);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        Run resumed = served(concat(longSweep, "--resume", "-q"));

        assertThat(resumed.code()).as(resumed.err()).isEqualTo(ExitCodes.OK);
        assertThat(results(out)).hasSize(100);
    }

    @Test
    void stopLetsTheRunningSweepFinishThenEnds() throws Exception {
        Path out = dir.resolve("finishing");
        String[] sweep = {"sweep", "--beta", "0.5:5:0.5", "--x0", "0.5:2:0.5", "--h", "1", "--iterations", "300000",
            "-j", "2", "-q", "--out", out.toString()};
        Run[] result = new Run[1];
        Thread client = Thread.ofPlatform().start(() -> result[0] = served(sweep));
        while (!anyTrace(out)) {
            Thread.sleep(10);
        }

        String answer = DaemonControl.stop(files, identity);

        // 'stopped' only once the sweep has ended, every trace written (a daemon's JVM exits right after).
        assertThat(answer).startsWith("stopped (pid ");
        assertThat(results(out)).hasSize(40);
        client.join(60_000);
        assertThat(result[0].code()).as(result[0].err()).isEqualTo(ExitCodes.OK);
        assertThat(DaemonControl.status(files, identity)).isNull();
        assertThat(served(sweep).code()).isEqualTo(DaemonClient.NOT_SERVED);
    }

    @Test
    void theDaemonEndsWhenIdleForItsTimeout() throws Exception {
        DaemonFiles other = new DaemonFiles(dir.resolve("other"));
        DaemonServer idle = DaemonServer.open(other, identity, Duration.ofMillis(1));
        idle.ready();
        Thread t = Thread.ofPlatform().daemon().start(idle::serve);
        t.join(30_000); // checked every 2 s
        assertThat(idle.closed()).isTrue();
        assertThat(other.socket(identity.key())).doesNotExist();
    }

    @Test
    void aSocketLeftByAKilledDaemonIsNotServedAndIsReplacedByTheNextDaemon() throws Exception {
        DaemonFiles other = new DaemonFiles(dir.resolve("killed"));
        other.create();
        Path socket = other.socket(identity.key());
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket)); // closing leaves the file, as a kill -9 does
        }
        assertThat(socket).exists();
        assertThat(DaemonClient.run(socket, other, identity, sweep(dir.resolve("y")), System.out, System.err))
                .isEqualTo(DaemonClient.NOT_SERVED);

        DaemonServer next = DaemonServer.open(other, identity, Duration.ofMinutes(1));
        next.ready();
        Thread t = Thread.ofPlatform().daemon().start(next::serve);
        try {
            assertThat(DaemonControl.status(other, identity)).contains("ready");
        } finally {
            next.close();
            t.join(10_000);
        }
    }

    @Test
    void aFolderOthersCanWriteToIsNeitherCreatedNorTrusted() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        DaemonFiles unsafe = new DaemonFiles(open);

        assertThat(unsafe.safe()).isFalse();
        assertThatThrownBy(unsafe::create).hasMessageContaining("can be written by other users");
        assertThatThrownBy(() -> DaemonServer.open(unsafe, identity, Duration.ofMinutes(1)))
                .hasMessageContaining("can be written by other users");
    }

    @Test
    void helpVersionAndTheDaemonCommandItselfAreNeverHandedOver() {
        assertThat(DaemonClient.mayServe("sweep", "--beta", "1")).isTrue();
        assertThat(DaemonClient.mayServe("run", "1", "1", "1", "10", "t.csv")).isTrue();
        assertThat(DaemonClient.mayServe("sweep", "--help")).isFalse();
        assertThat(DaemonClient.mayServe("--version")).isFalse();
        assertThat(DaemonClient.mayServe("help", "sweep")).isFalse();
        assertThat(DaemonClient.mayServe("daemon", "stop")).isFalse();
        assertThat(DaemonClient.mayServe("sweep", "@args.txt")).isFalse();
        assertThat(DaemonClient.mayServe()).isFalse();
        assertThat(DaemonClient.mayServe("--kernel-path", "my.jar", "sweep")).isFalse();
        assertThat(DaemonClient.mayServe("sweep", "--kernel-path=my.jar")).isFalse();
    }

    private static List<String> withoutMs(String table) {
        List<String> rows = new ArrayList<>();
        for (String line : table.lines().toList()) {
            List<String> cells = new ArrayList<>(List.of(line.trim().split("\\s+")));
            cells.remove(cells.size() - 2);
            rows.add(String.join(" ", cells));
        }
        return rows;
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean anyTrace(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("b"));
        }
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }
}
