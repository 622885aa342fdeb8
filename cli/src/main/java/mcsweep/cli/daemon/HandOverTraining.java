package mcsweep.cli.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import mcsweep.cli.ExitCodes;
import mcsweep.cli.Terminal;

/**
 * The training run of the launcher's hand-over cache: what the JVM of a command that a daemon serves executes, and
 * nothing else. That JVM only hands the command over and relays its output, so an AOT cache of the classes of that
 * path alone (about half of the sweeps' cache) lets it start sooner. The daemon's side is played here by a stand-in
 * that speaks the protocol but runs no command: a real one would load the whole CLI into the cache.
 */
public final class HandOverTraining {

    private static final long JOIN_MILLIS = 10_000;

    private HandOverTraining() {
    }

    /**
     * Hands {@code executors} over to a stand-in daemon listening in {@code folder} (created, and left for the caller
     * to delete), as {@code Entry} would to a real one.
     *
     * @return {@code null}, or what went wrong
     */
    public static String roundTrip(Path folder) throws IOException {
        String[] args = {"executors"};
        if (!DaemonClient.mayServe(args)) {
            return "hand-over training: 'executors' is not handed over";
        }
        DaemonFiles.forUser(); // what Entry's path reads, without its folder
        DaemonFiles files = new DaemonFiles(folder);
        files.create();
        DaemonIdentity identity = DaemonIdentity.current();
        Path socket = files.socket(identity.key());
        AtomicReference<String> problem = new AtomicReference<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread standIn = Thread.ofPlatform().daemon().name("mcsweep-hand-over-training")
                    .start(() -> serveOnce(server, problem));
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, Charset.defaultCharset());
            int code = DaemonClient.run(socket, files, identity, args, sink, sink);
            standIn.join(JOIN_MILLIS);
            if (code != ExitCodes.OK) {
                problem.compareAndSet(null, "hand-over training: exit code " + code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem.compareAndSet(null, "hand-over training interrupted");
        }
        Terminal.stderrIsTerminal();
        return problem.get();
    }

    /** Reads one request as the daemon does, and answers it with a line on each stream and exit code 0. */
    private static void serveOnce(ServerSocketChannel server, AtomicReference<String> problem) {
        try (SocketChannel ch = server.accept()) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(SocketStreams.in(ch)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(SocketStreams.out(ch)));
            byte type = Wire.readOpening(in).type();
            if (type != Wire.REQUEST) {
                problem.set("hand-over training: request type " + type);
                return;
            }
            out.writeByte(Wire.ACCEPTED);
            out.flush();
            FrameWriter frames = new FrameWriter(out, "mcsweep-hand-over-training-output");
            byte[] line = "training\n".getBytes(StandardCharsets.UTF_8);
            frames.stream(Wire.OUT).write(line, 0, line.length);
            frames.stream(Wire.ERR).write(line, 0, line.length);
            if (!frames.finish(ExitCodes.OK, JOIN_MILLIS)) {
                problem.set("hand-over training: the output was not delivered");
            }
        } catch (IOException | RuntimeException e) {
            problem.set("hand-over training: " + e);
        }
    }
}
