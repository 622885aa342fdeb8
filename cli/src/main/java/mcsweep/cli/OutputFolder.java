package mcsweep.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An output folder: checks, without writing anything, that it can be used; creates it; and locks it for
 * one sweep at a time ({@link #lock}).
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /** @throws UserError if {@code dir} is not, and cannot become, a writable folder */
    static void check(String option, Path dir) {
        if (dir.toString().isBlank()) {
            throw new UserError(option + ": empty folder name; give a folder, e.g. " + option + " mc_data (or . for"
                    + " the current folder)");
        }
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new UserError(option + ": " + dir + " exists and is not a folder");
            }
            if (!Files.isWritable(abs)) {
                throw new UserError(option + ": folder " + dir + " is not writable");
            }
            return;
        }
        Path existing = abs.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UserError(option + ": cannot create folder " + dir + ": " + existing + " is not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new UserError(option + ": cannot create folder " + dir + ": " + existing + " is not writable");
        }
    }

    static void create(String option, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(option + ": cannot create folder " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Takes the folder for one sweep: an OS file lock on {@link SweepFiles#LOCK} inside it, held until
     * {@link Lock#close()}. The lock dies with the process, even by {@code kill -9}, so a crashed sweep never
     * leaves the folder locked; the (empty but for a pid) file itself stays, hidden, and is reused. It is
     * never deleted: deleting it would let a sweep that opened the old file and one that made a new file
     * both believe they hold the lock. Works across processes and within one JVM. Resume and merge take
     * the same lock before they touch a folder.
     *
     * @throws UserError if another sweep (in this process or another) holds it; nothing was written then
     */
    static Lock lock(String option, Path dir) {
        return lock(option, dir, null);
    }

    /**
     * Like {@link #lock(String, Path)}, for shard {@code shard} of a sweep ({@code null}: the whole sweep).
     * The shards of one sweep run into one folder at once (a Slurm array), each writing only its own job log
     * and summary: a shard shares the folder lock with the other shards and holds its own
     * {@code .mcsweep.K-of-N.lock} alone, so a whole sweep and a shard, or the same shard twice, exclude
     * each other, and different shards do not.
     */
    static Lock lock(String option, Path dir, Shard shard) {
        if (shard == null) {
            return take(option, dir, dir.resolve(SweepFiles.LOCK), false, null);
        }
        Lock folder = take(option, dir, dir.resolve(SweepFiles.LOCK), true, null);
        return take(option, dir, dir.resolve(".mcsweep." + shard.suffix() + ".lock"), false, folder);
    }

    private static Lock take(String option, Path dir, Path file, boolean shared, Lock outer) {
        FileChannel channel;
        try {
            // A shared lock needs a channel open for reading; an exclusive one, for writing.
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
        } catch (IOException e) {
            closeQuietly(outer);
            throw new UserError(option + ": cannot lock folder " + dir + ": " + e.getMessage());
        }
        FileLock lock;
        try {
            lock = channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException held) { // by this JVM
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            closeQuietly(outer);
            throw new UserError(option + ": cannot lock folder " + dir + ": " + e.getMessage());
        }
        if (lock == null) {
            closeQuietly(channel);
            closeQuietly(outer);
            String holder = holder(file);
            throw new UserError(option + ": folder " + dir + " is in use by another sweep" + holder
                    + "; wait for it to end, or choose another " + option);
        }
        if (!shared) {
            try { // who holds it, for the message another sweep gives
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                // the lock is what matters; the pid is only a courtesy
            }
        }
        return new Lock(channel, lock, outer);
    }

    private static void closeQuietly(Lock lock) {
        if (lock != null) {
            lock.close();
        }
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.matches("[0-9]{1,10}") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    /** A held output-folder lock; {@link #close()} releases it. */
    static final class Lock implements AutoCloseable {

        private final FileChannel channel;
        private final FileLock lock;
        private final Lock outer; // a shard's share of the folder lock, released after its own

        private Lock(FileChannel channel, FileLock lock, Lock outer) {
            this.channel = channel;
            this.lock = lock;
            this.outer = outer;
        }

        /** Whether this lock is still held. */
        boolean isHeld() {
            return lock.isValid();
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
            closeQuietly(channel);
            closeQuietly(outer);
        }
    }
}
