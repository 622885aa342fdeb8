package mcsweep.cli.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mcsweep.cli.ExitCodes;
import mcsweep.cli.Terminal;

/**
 * Hands a command to the daemon of this folder and environment, when one runs ({@code mcsweep daemon start}),
 * and relays its output and exit code; otherwise the caller runs the command itself. Help, version and
 * {@code daemon} itself are never handed over. With {@code MCSWEEP_DAEMON=off} no command is.
 */
public final class DaemonClient {

    /** What {@link #run} returns when no daemon took the command: the caller runs it. */
    public static final int NOT_SERVED = -1;

    /** How long a cancelled command may take to stop (a fresh JVM's shutdown hook waits as long). */
    private static final long CANCEL_GRACE_SECONDS = 35;

    private static final Set<String> SERVED = Set.of("sweep", "run", "estimate", "merge", "executors", "kernels",
            "slurm-script");

    private DaemonClient() {
    }

    /**
     * Whether a daemon may run {@code args}: a subcommand that does work, asked for neither help nor version, and
     * without {@code --kernel-path} (whose jars a fresh JVM loads as they are now).
     */
    public static boolean mayServe(String... args) {
        String command = null;
        for (String a : args) {
            switch (a) {
                case "-h", "--help", "-V", "--version" -> {
                    return false;
                }
                default -> {
                    if (a.startsWith("@")) {
                        return false; // an argument file may ask for help
                    }
                    if (a.startsWith("--kernel-path")) {
                        return false; // a plugin's class loader would stay open in the daemon for good
                    }
                    if (command == null && !a.startsWith("-")) {
                        command = a;
                    }
                }
            }
        }
        return command != null && SERVED.contains(command) && !"off".equals(System.getenv("MCSWEEP_DAEMON"));
    }

    /**
     * Runs {@code args} on the daemon for this JVM's identity, with its output on {@link System#out} and
     * {@link System#err}; on SIGINT or SIGTERM the daemon is told to cancel, and this JVM waits for the command
     * to stop as it would for its own.
     *
     * @return the command's exit code, or {@link #NOT_SERVED} when no daemon runs it (none runs, it is busy, or it
     *         is for another identity), and nothing of it ran
     */
    public static int run(String... args) {
        DaemonFiles files = DaemonFiles.forUser();
        if (!Files.isDirectory(files.folder())) {
            return NOT_SERVED; // no daemon ever started here: the cost to every command is this one stat
        }
        DaemonIdentity identity = DaemonIdentity.current();
        return run(files.socket(identity.key()), files, identity, args, System.out, System.err);
    }

    static int run(Path socket, DaemonFiles files, DaemonIdentity identity, String[] args, PrintStream out,
                   PrintStream err) {
        SocketChannel ch = files.connect(socket);
        if (ch == null) {
            return NOT_SERVED;
        }
        try (ch) {
            DataOutputStream request = new DataOutputStream(new BufferedOutputStream(SocketStreams.out(ch)));
            DataInputStream in = new DataInputStream(new BufferedInputStream(SocketStreams.in(ch), 1 << 16));
            Wire.writeHeader(request, Wire.REQUEST, identity);
            Wire.writeArgs(request, args);
            Wire.writeString(request, out.charset().name());
            request.writeBoolean(Terminal.stderrIsTerminal());
            request.flush();
            byte answer;
            try {
                answer = in.readByte();
            } catch (IOException gone) {
                return NOT_SERVED; // it closed before accepting: nothing ran
            }
            if (answer != Wire.ACCEPTED) {
                return NOT_SERVED; // FALLBACK: busy, warming up, stopping, or another identity
            }
            return relay(in, request, out, err, files.log(identity.key()));
        } catch (IOException e) {
            err.println("mcsweep: could not hand the command to the daemon: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }

    private static int relay(DataInputStream in, DataOutputStream toDaemon, PrintStream out, PrintStream err,
                             Path log) {
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new CancelOnSignal(toDaemon, ended);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (true) {
                byte type = in.readByte();
                switch (type) {
                    case Wire.OUT -> {
                        byte[] b = Wire.readBytes(in);
                        out.write(b, 0, b.length);
                        out.flush();
                    }
                    case Wire.ERR -> {
                        byte[] b = Wire.readBytes(in);
                        err.write(b, 0, b.length);
                        err.flush();
                    }
                    case Wire.EXIT -> {
                        return in.readInt();
                    }
                    default -> throw new IOException("unexpected frame " + type);
                }
            }
        } catch (EOFException e) {
            err.println("mcsweep: the daemon ended before the command did (its log: " + log + "); run the command"
                    + " again, with --resume for a sweep to keep what finished");
            return ExitCodes.INTERNAL;
        } catch (IOException e) {
            err.println("mcsweep: lost the daemon running the command (" + e.getMessage() + "; its log: " + log + ")");
            return ExitCodes.INTERNAL;
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that 'ended' is counted down
            }
        }
    }

    /** On SIGINT or SIGTERM: asks the daemon to cancel, then waits (bounded) until the command has stopped. */
    private static final class CancelOnSignal extends Thread {
        private final DataOutputStream toDaemon;
        private final CountDownLatch ended;

        CancelOnSignal(DataOutputStream toDaemon, CountDownLatch ended) {
            super("mcsweep-daemon-cancel");
            this.toDaemon = toDaemon;
            this.ended = ended;
        }

        @Override
        public void run() {
            if (ended.getCount() == 0) {
                return;
            }
            try {
                toDaemon.writeByte(Wire.CANCEL);
                toDaemon.flush();
                ended.await(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // the daemon is gone, or the JVM is being torn down: nothing more to wait for
            }
        }
    }
}
