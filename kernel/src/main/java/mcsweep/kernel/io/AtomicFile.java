package mcsweep.kernel.io;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The one way mcsweep writes a file the user sees: into a hidden temporary file beside the target, then
 * renamed over it. Readers see the old file, or the whole new one, never a half-written one; a task that
 * fails or is interrupted leaves no trace behind.
 *
 * <p><b>Temporary names</b> are unique per writer: {@code .NAME.PID-N.tmp}, where PID is the writing JVM's
 * process id and N a counter of that JVM, so two writers of one target (two sweeps into one folder, a retried
 * task and its lost first attempt) never share a temporary file. {@link #isTemporary} recognises them, for
 * clean-up after a crash ({@link #TEMP_PATTERN}; as a glob: {@value #TEMP_GLOB}).
 *
 * <p><b>Never replace what is not ours.</b> What is at the target decides how it is written:
 * <ul>
 * <li>nothing, or a regular file: temporary file and rename, as above;</li>
 * <li>a symbolic link: the link stays; the file it points to is written by these same rules (a link to a
 *     missing file is refused: we would have to guess where to create it);</li>
 * <li>a directory: refused with an {@link IOException} naming it;</li>
 * <li>anything else (a FIFO, a character or block device, a socket): written through, in place, without a
 *     temporary file or rename, as a shell's {@code >} does; such a target cannot be written atomically, and a
 *     failed write may leave part of the bytes in it. It is never deleted or replaced.</li>
 * </ul>
 *
 * <p>Writing in two steps ({@link #stage}, then {@link Staged#commit()} or {@link Staged#discard()}) lets the
 * code that decides whether a result counts (a sweep that enforces a timeout, say) be the code that renames
 * the file into place; a worker process can write the staged path that its parent chose.
 */
public final class AtomicFile {

    /** Writes a file's content to the stream it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    /** Prefix and suffix of temporary files: hidden, and recognisable for clean-up. */
    public static final String TEMP_PREFIX = ".";
    public static final String TEMP_SUFFIX = ".tmp";
    /** Names of temporary files: {@code .NAME.PID-N.tmp}. */
    public static final Pattern TEMP_PATTERN = Pattern.compile("\\..+\\.[0-9]+-[0-9]+\\.tmp");
    /** A glob ({@link java.nio.file.FileSystem#getPathMatcher}) matching at least every temporary name. */
    public static final String TEMP_GLOB = ".*.*-*.tmp";

    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFile() {
    }

    /**
     * Where bytes for one target go, and how they reach it.
     *
     * @param target where the file must end up (a symbolic link resolved to the file it points to)
     * @param path   what to write: a fresh temporary beside {@code target}, or {@code target} itself when it
     *               is written through (a FIFO or device)
     */
    public record Staged(Path target, Path path) {

        /** Whether {@link #path()} is a temporary file (renamed by {@link #commit()}). */
        public boolean isTemporary() {
            return !path.equals(target);
        }

        /**
         * Moves the written file into place (nothing to do for a write-through target). Refuses, removing the
         * temporary file, if something other than a regular file appeared at the target meanwhile.
         */
        public void commit() throws IOException {
            if (!isTemporary()) {
                return;
            }
            try {
                refuseSpecial(target);
                try {
                    Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException | RuntimeException e) {
                discard();
                throw e;
            }
        }

        /** Removes the temporary file, if any; a write-through target is left alone. Never throws. */
        public void discard() {
            if (isTemporary()) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left for clean-up, which knows the temporary names (isTemporary)
                }
            }
        }

        private static void refuseSpecial(Path target) throws IOException {
            BasicFileAttributes a = attributes(target);
            if (a != null && !a.isRegularFile()) {
                throw new IOException(target + " is no longer a regular file; refusing to replace it");
            }
        }
    }

    /**
     * Whether {@code file}'s name is one of our temporary names ({@code .NAME.PID-N.tmp}): a leftover of a
     * writer that was killed, safe to delete once no sweep is writing into its folder.
     */
    public static boolean isTemporary(Path file) {
        Path name = file.getFileName();
        return name != null && TEMP_PATTERN.matcher(name.toString()).matches();
    }

    /**
     * The name of the file that {@code file} stands for: for one of our temporary names
     * ({@code .NAME.PID-N.tmp}) the {@code NAME} it will be renamed to, otherwise {@code file}'s own name.
     * Lets a writer that is handed a temporary path choose the format its target's name asks for.
     */
    public static String targetName(Path file) {
        String name = file.getFileName().toString();
        if (!isTemporary(file)) {
            return name;
        }
        String inner = name.substring(TEMP_PREFIX.length(), name.length() - TEMP_SUFFIX.length());
        return inner.substring(0, inner.lastIndexOf('.'));
    }

    /** A new temporary name beside {@code target}, unique to this JVM and call. */
    public static Path tempFor(Path target) {
        return target.resolveSibling(TEMP_PREFIX + target.getFileName() + "." + PID + "-"
                + COUNTER.incrementAndGet() + TEMP_SUFFIX);
    }

    /**
     * Decides where the bytes for {@code target} go (see the class comment); creates nothing.
     *
     * @throws IOException if the target is a directory or a link to a missing file
     */
    public static Staged stage(Path target) throws IOException {
        BasicFileAttributes a = attributes(target);
        if (a == null || a.isRegularFile()) {
            return new Staged(target, tempFor(target));
        }
        if (a.isSymbolicLink()) {
            Path real;
            try {
                real = target.toRealPath();
            } catch (NoSuchFileException e) {
                throw new IOException(target + " is a symbolic link to a missing file; refusing to write through it");
            }
            return stage(real);
        }
        if (a.isDirectory()) {
            throw new IOException(target + " is a directory");
        }
        return new Staged(target, target); // a FIFO or device: write through
    }

    /**
     * Writes {@code target} atomically (see the class comment for targets that are not regular files).
     *
     * @param durable also force the bytes to the disk before the rename (for files whose loss after a
     *                power cut matters, such as summaries and logs; traces can be recomputed)
     */
    public static void write(Path target, boolean durable, Writer writer) throws IOException, InterruptedException {
        Staged staged = stage(target);
        writeStaged(staged.path(), durable, writer);
        staged.commit();
    }

    /**
     * Writes the whole content to {@code path} (a {@link Staged#path()}), without renaming it. If the writer
     * fails, a temporary {@code path} is removed (a write-through one is left alone) and the exception
     * propagates.
     */
    public static void writeStaged(Path path, boolean durable, Writer writer) throws IOException, InterruptedException {
        writeStaged(path, durable, true, writer);
    }

    /**
     * {@link #writeStaged(Path, boolean, Writer)} for a writer that buffers by itself and hands over large
     * chunks (the trace writers): its stream is the file's own, without a second buffer that would copy
     * every byte once more. Not durable (traces can be recomputed).
     */
    public static void writeStagedInChunks(Path path, Writer writer) throws IOException, InterruptedException {
        writeStaged(path, false, false, writer);
    }

    private static void writeStaged(Path path, boolean durable, boolean buffered, Writer writer)
            throws IOException, InterruptedException {
        boolean done = false;
        // A plain FileOutputStream, not an NIO channel: an interrupt must not close the file mid-write
        // (ClosedByInterruptException). Kernels see interrupts at block boundaries and stop cleanly.
        try (FileOutputStream file = new FileOutputStream(path.toFile())) {
            OutputStream out = buffered ? new BufferedOutputStream(file, 1 << 16) : file;
            writer.write(out);
            out.flush();
            if (durable && isTemporary(path)) {
                file.getFD().sync();
            }
            done = true;
        } finally {
            if (!done && isTemporary(path)) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * The target's own attributes (a link is not followed), or {@code null} if nothing is there: one
     * {@code lstat}. A missing target, the usual case, costs a {@link NoSuchFileException} (about a third of
     * this method's time in the lesson's scan, the rest being the system call): NIO has no exception-free
     * {@code lstat}, as JDK 25's {@code FileSystemProvider.readAttributesIfExists} skips the exception only
     * when it follows links (with {@code NOFOLLOW_LINKS} it falls back to catching it).
     */
    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
