package mcsweep.cli.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import mcsweep.cli.AotTraining;
import mcsweep.cli.ExitCodes;
import mcsweep.cli.Main;
import mcsweep.cli.Terminal;

/**
 * A JVM that stays up and runs mcsweep commands for clients ({@code mcsweep daemon start}), so that they start
 * with the JIT's code already compiled: a short sweep then costs what the sweep costs, not what warming up a JVM
 * costs. It serves commands of its own {@link DaemonIdentity} only (same folder, environment, JDK and jars), one at
 * a time (a command's stdout and stderr are the JVM's own), and ends after an idle timeout, when its jars change,
 * or on {@code mcsweep daemon stop}.
 *
 * <p>Files: it holds {@code KEY.lock} locked for as long as it lives (so at most one daemon per identity, and a
 * socket left by a killed daemon is known to be stale), listens on {@code KEY.sock}, and logs to stdout.
 */
public final class DaemonServer implements AutoCloseable {

    /** How long a client may take to send its request before the daemon hangs up on it. */
    private static final long REQUEST_TIMEOUT_SECONDS = 10;
    /** How long a finished command's last output may take to reach a client that stopped reading. */
    private static final long FLUSH_TIMEOUT_MILLIS = 30_000;
    private static final long CHECK_PERIOD_MILLIS = 2_000;

    private final DaemonFiles files;
    private final DaemonIdentity identity;
    private final Duration idleTimeout;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Path socket;
    private final PrintStream logOut = System.out;
    private final PrintStream logErr = System.err;
    private final Semaphore commandSlot = new Semaphore(1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().daemon().name("mcsweep-daemon-timer").unstarted(r));
    private final AtomicLong served = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private volatile long lastActiveNanos = System.nanoTime();
    private volatile String state = "warming up";
    private volatile boolean closed;
    private final Object names = new Object();
    private boolean released; // guarded by names: the lock is (about to be) let go

    private DaemonServer(DaemonFiles files, DaemonIdentity identity, Duration idleTimeout, FileChannel lockFile,
                         FileLock lock, ServerSocketChannel server, Path socket) {
        this.files = files;
        this.identity = identity;
        this.idleTimeout = idleTimeout;
        this.lockFile = lockFile;
        this.lock = lock;
        this.server = server;
        this.socket = socket;
    }

    /** Thrown by {@link #open} when a daemon of the same identity is running. */
    public static final class AlreadyRunning extends IOException {
        private static final long serialVersionUID = 1L;

        AlreadyRunning(String message) {
            super(message);
        }
    }

    /**
     * Takes the identity's lock and listens on its socket (replacing a socket left by a daemon that died: whoever
     * holds the lock owns the socket's name). Commands are refused until {@link #ready}.
     */
    public static DaemonServer open(DaemonFiles files, DaemonIdentity identity, Duration idleTimeout)
            throws IOException {
        files.create();
        String key = identity.key();
        FileChannel lockFile = FileChannel.open(files.lock(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
            lock = null; // held by a daemon in this JVM (tests, the start-up cache's training)
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
        if (lock == null) {
            lockFile.close();
            throw new AlreadyRunning("a daemon already serves " + identity.workingDirectory());
        }
        // The lock file itself stays: deleting it would let a daemon lock a file that a later one no longer sees.
        Path socket = files.socket(key);
        ServerSocketChannel server = null;
        try {
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            markFolder(files, key, identity.workingDirectory());
            return new DaemonServer(files, identity, idleTimeout, lockFile, lock, server, socket);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
                Files.deleteIfExists(socket);
            }
            lock.release();
            lockFile.close();
            throw e;
        }
    }

    /**
     * Removes the socket and the note of the folder served while this daemon still holds the lock (after that they
     * may be a newer daemon's): for SIGTERM, whose shutdown does not run {@link #close}, so that commands do not
     * try a socket that no one answers.
     */
    private void removeNames() {
        synchronized (names) {
            if (!released) {
                try {
                    deleteNames();
                } catch (IOException e) {
                    logErr.println("mcsweep daemon: " + e);
                }
            }
        }
    }

    /** Deletes the socket and the note of the folder served: ours while we hold the lock. */
    private void deleteNames() throws IOException {
        Files.deleteIfExists(socket);
        Files.deleteIfExists(files.folderMark(identity.key()));
    }

    /**
     * Writes the note of the folder served ({@link DaemonFiles#folderMark}) whole: to a name of this process's,
     * then renamed over the note a killed daemon of this key may have left (whoever holds the lock owns it).
     */
    private static void markFolder(DaemonFiles files, String key, String workingDirectory) throws IOException {
        Path mark = files.folderMark(key);
        Path tmp = mark.resolveSibling(mark.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(tmp, workingDirectory + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, mark, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Runs the usual commands once in this JVM (output to the log), so that the first client's is compiled. */
    public void warmUp(int rounds, long iterations) throws IOException {
        Path dir = AotTraining.scratchFolder("mcsweep-daemon-warm-up");
        try {
            for (int i = 0; i < rounds && !closed; i++) {
                Path round = Files.createDirectory(dir.resolve("round-" + i));
                for (String problem : AotTraining.train(round, iterations)) {
                    logErr.println("mcsweep daemon: warm-up: " + problem);
                }
                AotTraining.delete(round); // at most one round's traces at a time (in memory, with /dev/shm)
            }
        } finally {
            AotTraining.delete(dir);
        }
    }

    /** From now on, commands are served. */
    public void ready() {
        state = "ready";
        lastActiveNanos = System.nanoTime();
    }

    /**
     * Accepts clients until {@link #close}: each on a thread of its own, so that a status or stop request is
     * answered while a command runs. Also checks, every two seconds, whether it is time to end.
     */
    public void serve() {
        ScheduledFuture<?> checks;
        try {
            checks = timer.scheduleWithFixedDelay(this::check, CHECK_PERIOD_MILLIS, CHECK_PERIOD_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedFirst) {
            return; // close() came first (a SIGTERM during the warm-up): nothing to serve, all released
        }
        try {
            while (!closed) {
                SocketChannel ch;
                try {
                    ch = server.accept();
                } catch (ClosedChannelException stopped) {
                    break;
                } catch (IOException e) {
                    logErr.println("mcsweep daemon: accept: " + e);
                    continue;
                }
                Thread.ofPlatform().name("mcsweep-daemon-client").start(() -> handle(ch));
            }
        } finally {
            checks.cancel(false);
            close();
        }
    }

    /**
     * Ends the daemon when it has been idle too long, when its jars changed, or when its socket or folder is gone;
     * never while a command runs (it would end with the JVM).
     */
    private void check() {
        if (commandSlot.availablePermits() == 0) {
            return;
        }
        String why = null;
        if (!Files.exists(socket)) {
            why = "its socket " + socket + " was removed";
        } else if (!Files.isDirectory(Path.of(identity.workingDirectory()))) {
            why = "its folder " + identity.workingDirectory() + " was removed";
        } else if (System.nanoTime() - lastActiveNanos > idleTimeout.toNanos()) {
            why = "idle for " + idleTimeout.toMinutes() + " min";
        } else if (!DaemonIdentity.current().equals(identity)) {
            why = "its jars changed";
        }
        if (why != null) {
            logOut.println("mcsweep daemon: stopping: " + why);
            close();
        }
    }

    private void handle(SocketChannel ch) {
        try (ch) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(SocketStreams.in(ch)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(SocketStreams.out(ch)));
            // A client that connects and says nothing must not hold a thread for ever.
            ScheduledFuture<?> hangUp = timer.schedule(() -> {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing
                }
            }, REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Wire.Opening opening = Wire.readOpening(in);
            byte type = opening.type();
            String[] args = opening.args();
            if (!hangUp.cancel(false)) {
                return;
            }
            boolean anyIdentity = type == Wire.STATUS_ANY || type == Wire.STOP_ANY;
            if (!anyIdentity && !opening.identity().equals(identity.text())) {
                reply(out, Wire.FALLBACK, "the daemon serves another folder, environment or build");
                return;
            }
            switch (type) {
                case Wire.STATUS, Wire.STATUS_ANY -> reply(out, Wire.INFO, status());
                case Wire.STOP, Wire.STOP_ANY -> {
                    reply(out, Wire.INFO, "stopping (pid " + ProcessHandle.current().pid() + ")");
                    logOut.println("mcsweep daemon: stopping: asked to");
                    close();
                }
                case Wire.REQUEST -> {
                    if (!"ready".equals(state)) {
                        reply(out, Wire.FALLBACK, "the daemon is " + state);
                    } else if (!DaemonClient.mayServe(args)) {
                        reply(out, Wire.FALLBACK, "a command the daemon does not run");
                    } else if (!commandSlot.tryAcquire()) {
                        reply(out, Wire.FALLBACK, "the daemon is running another command");
                    } else {
                        Runnable release = new Release();
                        try {
                            if (!closed) {
                                out.writeByte(Wire.ACCEPTED);
                                out.flush();
                                runCommand(args, Charset.forName(opening.charset()), opening.terminal(), in, out,
                                        release);
                            } else {
                                reply(out, Wire.FALLBACK, "the daemon is stopping");
                            }
                        } finally {
                            release.run();
                        }
                    }
                }
                default -> reply(out, Wire.FALLBACK, "unknown request " + type);
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                logErr.println("mcsweep daemon: client: " + e);
            }
        }
    }

    /** Frees the command slot, once. */
    private final class Release implements Runnable {
        private boolean done;

        @Override
        public void run() {
            if (!done) {
                done = true;
                lastActiveNanos = System.nanoTime();
                commandSlot.release();
            }
        }
    }

    private static void reply(DataOutputStream out, byte type, String text) throws IOException {
        out.writeByte(type);
        Wire.writeString(out, text);
        out.flush();
    }

    /**
     * Runs one command as a fresh JVM would, with its output to the client. A cancel from the client (its
     * SIGINT or SIGTERM), or the client going away, interrupts the command as the signal's shutdown hook would.
     */
    private void runCommand(String[] args, Charset charset, boolean terminal, DataInputStream in,
                            DataOutputStream socketOut, Runnable release) {
        FrameWriter writer = new FrameWriter(socketOut, "mcsweep-daemon-output");
        PrintStream out = new PrintStream(new BufferedOutputStream(writer.stream(Wire.OUT), 8192), true, charset);
        PrintStream err = new PrintStream(new BufferedOutputStream(writer.stream(Wire.ERR), 8192), true, charset);
        Thread command = Thread.currentThread();
        Thread watcher = Thread.ofPlatform().daemon().name("mcsweep-daemon-cancel").start(() -> watch(in, command));
        long t0 = System.nanoTime();
        int code;
        System.setOut(out);
        System.setErr(err);
        Terminal.assume(terminal);
        try {
            code = Main.execute(args);
        } catch (Throwable t) {
            err.println("mcsweep: internal error, please report it: " + t);
            t.printStackTrace(err);
            code = ExitCodes.INTERNAL;
            if (t instanceof Error) {
                logErr.println("mcsweep daemon: stopping after " + t);
                closed = true; // the JVM may be in no state to serve more
            }
        } finally {
            out.flush();
            err.flush();
            System.setOut(logOut);
            System.setErr(logErr);
            Terminal.assume(null);
            // Before the exit code goes out: a client that runs its next command at once must find us free.
            release.run();
        }
        Thread.interrupted(); // a cancel that came as the command ended
        served.incrementAndGet(); // before the client hears the exit code: its next 'daemon status' counts it
        boolean delivered = writer.finish(code, FLUSH_TIMEOUT_MILLIS);
        watcher.interrupt();
        logOut.printf(Locale.ROOT, "mcsweep daemon: %s -> exit code %d in %.3f s%s%n", String.join(" ", args), code,
                (System.nanoTime() - t0) / 1e9, delivered ? "" : " (the client had gone)");
        if (closed) {
            close();
        }
    }

    /** Interrupts {@code command} when the client cancels or goes away. */
    private static void watch(InputStream in, Thread command) {
        try {
            int b = in.read();
            if (b == Wire.CANCEL || b < 0) {
                command.interrupt();
            }
        } catch (IOException closed) {
            // the command ended and its connection was closed, or the client is gone (then nothing is waiting)
        }
    }

    private String status() {
        long up = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
        long idle = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lastActiveNanos);
        return String.format(Locale.ROOT, "pid %d, %s, %s, up %d:%02d:%02d, %d command(s) served, idle %d s of %d min,"
                + " folder %s, log %s", ProcessHandle.current().pid(), state,
                commandSlot.availablePermits() == 0 && "ready".equals(state) ? "running a command" : "waiting",
                up / 3600, up / 60 % 60, up % 60, served.get(), idle, idleTimeout.toMinutes(),
                identity.workingDirectory(), files.log(identity.key()));
    }

    /**
     * Stops accepting and removes the socket; then, once the command that may be running has ended ({@code daemon
     * stop} does not cut a sweep short; SIGTERM to the daemon does, as to any JVM), releases the lock. Idempotent;
     * a second call returns when the first has finished.
     */
    @Override
    public synchronized void close() {
        if (lock == null || !lockFile.isOpen()) {
            return;
        }
        closed = true;
        try {
            server.close();
            deleteNames(); // ours: we hold the lock, and only the lock's holder binds these names
        } catch (IOException e) {
            logErr.println("mcsweep daemon: " + e);
        } finally {
            awaitCommand(); // the lock says "a daemon of this identity lives": true until its command ends
            synchronized (names) {
                released = true; // the names may be another daemon's from now on
            }
            try {
                lock.release();
                lockFile.close();
            } catch (IOException e) {
                logErr.println("mcsweep daemon: " + e);
            }
            timer.shutdown();
        }
    }

    /** Waits until no command runs: one that runs as the daemon is closed finishes first. */
    private void awaitCommand() {
        boolean said = false;
        boolean interrupted = false;
        while (true) {
            try {
                if (commandSlot.tryAcquire(1, TimeUnit.SECONDS)) {
                    commandSlot.release();
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (!said) {
                logOut.println("mcsweep daemon: waiting for the running command to end");
                said = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@link #close} ran. */
    public boolean closed() {
        return closed;
    }

    /**
     * One command handed from a client to a daemon, both in this JVM, in {@code folder} (the start-up cache's
     * training: a client's start then finds its classes loaded and linked).
     *
     * @return what went wrong, or {@code null}
     */
    public static String roundTrip(Path folder) throws IOException {
        DaemonFiles files = new DaemonFiles(folder);
        DaemonIdentity identity = DaemonIdentity.current();
        DaemonServer s = open(files, identity, Duration.ofMinutes(1));
        try {
            s.ready();
            Thread serving = Thread.ofPlatform().daemon().name("mcsweep-daemon-training").start(s::serve);
            PrintStream sink = new PrintStream(java.io.OutputStream.nullOutputStream(), true, Charset.defaultCharset());
            int code = DaemonClient.run(s.socket, files, identity, new String[] {"executors"}, sink, sink);
            String status = DaemonControl.status(files, identity);
            s.close();
            serving.join(10_000);
            return code == ExitCodes.OK && status != null ? null : "daemon round trip: exit code " + code
                    + ", status " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "daemon round trip interrupted";
        } finally {
            s.close();
        }
    }

    /**
     * Usage: {@code java ... mcsweep.cli.daemon.DaemonServer IDLE_MINUTES} from the folder and environment it is
     * to serve (as {@code mcsweep daemon start} does).
     */
    public static void main(String[] args) throws IOException {
        long idleMinutes = args.length > 0 ? Long.parseLong(args[0]) : 180;
        DaemonIdentity identity = DaemonIdentity.current();
        DaemonServer s;
        try {
            s = open(DaemonFiles.forUser(), identity, Duration.ofMinutes(idleMinutes));
        } catch (AlreadyRunning e) {
            System.out.println("mcsweep daemon: " + e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(
                Thread.ofPlatform().name("mcsweep-daemon-names").unstarted(s::removeNames));
        System.out.println("mcsweep daemon: pid " + ProcessHandle.current().pid() + " serves "
                + identity.workingDirectory() + " on " + s.socket);
        // Rounds of the usual commands (tests use 0), with sweeps of this many steps per task.
        s.warmUp(Integer.getInteger("mcsweep.daemon.warm-up", 8), Long.getLong("mcsweep.daemon.warm-up.steps", 2_000));
        s.ready();
        System.out.println("mcsweep daemon: ready");
        s.serve(); // returns once closed, and the command that was running has ended
        System.out.println("mcsweep daemon: stopped after " + s.served.get() + " command(s)");
        System.exit(0);
    }
}
