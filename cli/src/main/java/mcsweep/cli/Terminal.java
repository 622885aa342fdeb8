package mcsweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the command's stderr is a terminal (progress is then a bar redrawn in place, else a line now and then).
 * A daemon that runs a command for a client knows this only from the client: it sets {@link #assume} for the
 * command it serves (one at a time).
 */
public final class Terminal {

    private static volatile Boolean assumed;

    private Terminal() {
    }

    /** Whether stderr is a terminal: the value {@link #assume}d, else this process's own stderr's. */
    public static boolean stderrIsTerminal() {
        Boolean a = assumed;
        return a != null ? a : ownStderrIsTerminal();
    }

    /** Makes {@link #stderrIsTerminal} answer {@code value} until it is called with {@code null}. */
    public static void assume(Boolean value) {
        assumed = value;
    }

    /**
     * Whether this process's stderr is a terminal. Java tells only whether stdin and stdout both are
     * ({@link System#console()}); on Linux, {@code /proc/self/fd/2} names the device stderr writes to.
     */
    static boolean ownStderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
            String t = target.toString();
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty") || t.equals("/dev/console");
        } catch (Exception | LinkageError noProcfs) {
            return System.console() != null;
        }
    }
}
