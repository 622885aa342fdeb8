package mcsweep.cli.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the daemon of an identity, or every daemon of the user, for its status or to stop ({@code mcsweep daemon
 * status|stop [--all]}).
 */
public final class DaemonControl {

    /** A daemon answers at once, even while it runs a command; one that does not is not waited for longer. */
    private static final long ANSWER_TIMEOUT_SECONDS = 10;
    private static final long STOP_TIMEOUT_SECONDS = 40;

    private DaemonControl() {
    }

    /** The daemon's status line, or {@code null} when none serves {@code identity}. */
    public static String status(DaemonFiles files, DaemonIdentity identity) {
        return ask(files, identity.key(), identity, Wire.STATUS);
    }

    /** The status line of every daemon of this user, in the order of their keys; empty when none runs. */
    public static List<String> statusAll(DaemonFiles files) throws IOException {
        List<String> lines = new ArrayList<>();
        DaemonIdentity me = DaemonIdentity.current(); // sent, not compared: any identity may ask
        for (String key : files.socketKeys()) {
            String status = ask(files, key, me, Wire.STATUS_ANY);
            if (status != null) {
                lines.add(status);
            }
        }
        return lines;
    }

    /**
     * Asks every daemon of this user to stop, and waits (bounded) until each has, as {@link #stop} does.
     *
     * @return what each answered; empty when none runs
     */
    public static List<String> stopAll(DaemonFiles files) throws IOException, InterruptedException {
        List<String> answers = new ArrayList<>();
        DaemonIdentity me = DaemonIdentity.current(); // sent, not compared: any identity may ask
        for (String key : files.socketKeys()) {
            String answer = ask(files, key, me, Wire.STOP_ANY);
            if (answer != null) {
                answers.add(awaitEnd(files, key, answer));
            }
        }
        return answers;
    }

    /**
     * Asks the daemon to stop and waits (bounded) until it has: it finishes the command it runs first.
     *
     * @return what it answered, or {@code null} when none serves {@code identity}
     */
    public static String stop(DaemonFiles files, DaemonIdentity identity) throws IOException, InterruptedException {
        String answer = ask(files, identity.key(), identity, Wire.STOP);
        return answer == null ? null : awaitEnd(files, identity.key(), answer);
    }

    /** Waits (bounded) until the daemon of {@code key}, which answered {@code answer} to a stop, has let its lock go. */
    private static String awaitEnd(DaemonFiles files, String key, String answer)
            throws IOException, InterruptedException {
        Path lockPath = files.lock(key);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS);
        try (FileChannel ch = FileChannel.open(lockPath, StandardOpenOption.WRITE)) {
            while (System.nanoTime() < deadline) {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException heldInThisJvm) {
                    lock = null; // a daemon in this JVM (tests) still holds it
                }
                if (lock != null) {
                    lock.release();
                    return answer.replace("stopping", "stopped");
                }
                Thread.sleep(50);
            }
        }
        return answer + "; it has not ended yet (it ends once its command has)";
    }

    private static String ask(DaemonFiles files, String key, DaemonIdentity identity, byte type) {
        SocketChannel ch = files.connect(files.socket(key));
        if (ch == null) {
            return null;
        }
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> exchange(ch, identity, type),
                r -> Thread.ofPlatform().daemon().start(r));
        try (ch) {
            return answer.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String exchange(SocketChannel ch, DaemonIdentity identity, byte type) {
        try {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(SocketStreams.out(ch)));
            Wire.writeHeader(out, type, identity);
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(SocketStreams.in(ch)));
            byte reply = in.readByte();
            String text = Wire.readString(in);
            return reply == Wire.INFO ? text : null;
        } catch (IOException e) {
            return null;
        }
    }
}
