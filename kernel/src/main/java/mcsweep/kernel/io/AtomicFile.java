package mcsweep.kernel.io;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one way mcsweep writes a file the user sees: into a hidden temporary file beside the target, then
 * renamed over it. Readers see the old file, or the whole new one, never a half-written one; a task that
 * fails or is interrupted leaves no trace behind.
 */
public final class AtomicFile {

    /** Writes a file's content to the stream it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    /** Prefix and suffix of temporary files: hidden, and recognisable for clean-up on resume. */
    public static final String TEMP_PREFIX = ".";
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFile() {
    }

    /** The temporary name {@link #write} uses for {@code target}. */
    public static Path tempFor(Path target) {
        return target.resolveSibling(TEMP_PREFIX + target.getFileName() + TEMP_SUFFIX);
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param durable also force the bytes to the disk before the rename (for files whose loss after a
     *                power cut matters, such as summaries and logs; traces can be recomputed)
     */
    public static void write(Path target, boolean durable, Writer writer) throws IOException, InterruptedException {
        Path temp = tempFor(target);
        boolean done = false;
        // A plain FileOutputStream, not an NIO channel: an interrupt must not close the file mid-write
        // (ClosedByInterruptException). Kernels see interrupts at block boundaries and stop cleanly.
        try (FileOutputStream file = new FileOutputStream(temp.toFile())) {
            OutputStream out = new BufferedOutputStream(file, 1 << 16);
            writer.write(out);
            out.flush();
            if (durable) {
                file.getFD().sync();
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
