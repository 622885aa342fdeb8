package mcsweep.cli.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks the daemon of an identity for its status, or to stop ({@code mcsweep daemon status|stop}). */
public final class DaemonControl {

    /** A daemon answers at once, even while it runs a command; one that does not is not waited for longer. */
    private static final long ANSWER_TIMEOUT_SECONDS = 10;
    private static final long STOP_TIMEOUT_SECONDS = 40;

    private DaemonControl() {
    }

    /** The daemon's status line, or {@code null} when none serves {@code identity}. */
    public static String status(DaemonFiles files, DaemonIdentity identity) {
        return ask(files, identity, Wire.STATUS);
    }

    /**
     * Asks the daemon to stop and waits (bounded) until it has: it finishes the command it runs first.
     *
     * @return what it answered, or {@code null} when none serves {@code identity}
     */
    public static String stop(DaemonFiles files, DaemonIdentity identity) throws IOException, InterruptedException {
        String answer = ask(files, identity, Wire.STOP);
        if (answer == null) {
            return null;
        }
        Path lockPath = files.lock(identity.key());
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

    private static String ask(DaemonFiles files, DaemonIdentity identity, byte type) {
        SocketChannel ch = files.connect(files.socket(identity.key()));
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
