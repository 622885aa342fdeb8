package mcsweep.cli.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends a served command's output to its client from a thread of its own. The command's threads only queue
 * frames: a thread that writes to a socket channel while interrupted closes the channel, and a cancelled command
 * is interrupted, yet must still say what it left behind. A full queue holds the command up as a full pipe holds
 * up a process; a client that is gone makes every frame a no-op.
 */
final class FrameWriter {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(256);
    private final OutputStream socket;
    private final Thread thread;
    private volatile boolean broken;

    FrameWriter(OutputStream socket, String name) {
        this.socket = socket;
        this.thread = Thread.ofPlatform().daemon().name(name).start(this::drain);
    }

    /** Queues one frame: {@code type}, then {@code len} as an int, then the bytes. */
    void send(byte type, byte[] b, int off, int len) {
        byte[] f = frame(type, len, len);
        System.arraycopy(b, off, f, 5, len);
        put(f);
    }

    /** {@code type}, then {@code value} as {@code DataInput.readInt} reads it, and room for {@code more} bytes. */
    private static byte[] frame(byte type, int value, int more) {
        byte[] f = new byte[5 + more];
        f[0] = type;
        f[1] = (byte) (value >>> 24);
        f[2] = (byte) (value >>> 16);
        f[3] = (byte) (value >>> 8);
        f[4] = (byte) value;
        return f;
    }

    /** A stream whose writes become frames of {@code type}. */
    OutputStream stream(byte type) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                send(type, new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (len > 0) {
                    send(type, b, off, len);
                }
            }
        };
    }

    /** Queues the exit code, then waits (at most {@code millis}) until everything queued is sent. */
    boolean finish(int exitCode, long millis) {
        put(frame(Wire.EXIT, exitCode, 0));
        put(END);
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            while (thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true; // a late cancel: the command has ended anyway
                }
            }
            return !broken;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the client can no longer be written to. */
    boolean broken() {
        return broken;
    }

    // Not interruptible: see the class comment. Bounded by the writer, which drains until END even when broken.
    private void put(byte[] frame) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    queue.put(frame);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void drain() {
        try {
            while (true) {
                byte[] f = queue.take();
                if (f == END) {
                    if (!broken) {
                        try {
                            socket.flush();
                        } catch (IOException gone) {
                            broken = true;
                        }
                    }
                    return;
                }
                if (!broken) {
                    try {
                        socket.write(f);
                        if (queue.isEmpty()) {
                            socket.flush(); // what is queued meanwhile goes out in the same write
                        }
                    } catch (IOException gone) {
                        broken = true;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
