package mcsweep.executors.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Where worker processes' stderr goes: {@code task-INDEX.stderr} (and {@code worker-PID.stderr}) in the
 * user's log folder ({@link mcsweep.executors.ExecutionOptions#logDir()}), kept, or in a temporary folder of
 * ours, removed at the end (then messages carry the last line instead of a path). Files are created on
 * demand; a task's empty file is removed. Thread-safe.
 */
final class TaskLogs implements AutoCloseable {

    private final Path dir;
    private final boolean own;
    private final boolean existed;

    TaskLogs(Path userDir) {
        try {
            this.own = userDir == null;
            this.dir = own ? Files.createTempDirectory("mcsweep-logs") : userDir;
            this.existed = Files.isDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a log called {@code name} goes; creates the folder. */
    Path file(String name) throws IOException {
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    /** Removes {@code log} if nothing was written to it. */
    static void removeIfEmpty(Path log) {
        try {
            if (Files.exists(log) && Files.size(log) == 0) {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            // an empty file left behind is harmless
        }
    }

    /**
     * The end of an error message about a worker whose stderr is in {@code log} (or {@code null}): where the
     * log is, if it is kept and not empty, and its last line, read now. Never names a file that is empty
     * (it is about to be removed) or ours (removed at the end).
     */
    String hint(Path log) {
        return hint(log, lastLine(log));
    }

    /** As {@link #hint(Path)}, with the last line known already. */
    String hint(Path log, String last) {
        if (!own && log != null && sizeOf(log) > 0) {
            return "; stderr in " + log + (last.isEmpty() ? "" : ": " + last);
        }
        return last.isEmpty() ? "" : "; stderr: " + last;
    }

    private static long sizeOf(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The last non-blank line of a log file, for error messages, or {@code ""}. */
    static String lastLine(Path file) {
        try {
            if (file == null || !Files.isRegularFile(file)) {
                return "";
            }
            long size = Files.size(file);
            byte[] tail;
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(Math.max(0, size - 4096));
                tail = in.readAllBytes();
            }
            return lastLine(new String(tail, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "";
        }
    }

    static String lastLine(String text) {
        String[] lines = text.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith(WorkerMain.END_OF_TASK_MARK.strip())) {
                return Protocol.printable(Protocol.truncate(l, 300));
            }
        }
        return "";
    }

    /** Removes our own folder, or the user's if we created it and it stayed empty. */
    @Override
    public void close() {
        if (own) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // a temp folder; the OS cleans it eventually
                    }
                });
            } catch (IOException e) {
                // same
            }
        } else if (!existed) {
            try {
                Files.deleteIfExists(dir); // only if empty: no task wrote to its stderr
            } catch (IOException notEmpty) {
                // keep the logs
            }
        }
    }
}
