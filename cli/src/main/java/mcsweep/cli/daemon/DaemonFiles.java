package mcsweep.cli.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the daemons of one user live: a folder only that user can enter ({@code $XDG_RUNTIME_DIR/mcsweep}, else
 * {@code mcsweep-USER} in the temporary folder), holding per identity key a socket, a lock held by the running
 * daemon, its log, and while it listens a note of the folder it serves. The folder is used only when it is a real
 * folder (not a link) that this user owns and no one else can write to, so no other user can put a socket there
 * that a command would talk to.
 */
public record DaemonFiles(Path folder) {

    private static final String SOCKET = ".sock";
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IWGRP = 0020;
    private static final int S_IWOTH = 0002;

    /** This user's folder (which may not exist yet). */
    public static DaemonFiles forUser() {
        String configured = System.getProperty("mcsweep.daemon.dir");
        if (configured != null && !configured.isBlank()) {
            return new DaemonFiles(Path.of(configured));
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return new DaemonFiles(Path.of(runtime, "mcsweep"));
        }
        // String.concat, not +: every command pays for this class, and + bootstraps invokedynamic on first use.
        return new DaemonFiles(Path.of(System.getProperty("java.io.tmpdir"),
                "mcsweep-".concat(System.getProperty("user.name"))));
    }

    public Path socket(String key) {
        return folder.resolve(key.concat(SOCKET));
    }

    /** The keys of the sockets in the folder, sorted; none when it is missing or cannot be trusted. */
    public List<String> socketKeys() throws IOException {
        if (!Files.isDirectory(folder) || !safe()) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SOCKET))
                    .map(n -> n.substring(0, n.length() - SOCKET.length())).sorted().toList();
        }
    }

    public Path lock(String key) {
        return folder.resolve(key.concat(".lock"));
    }

    /**
     * The working directory the daemon of {@code key} serves, one line, present while it listens: the launcher
     * reads it (it cannot compute the key) to start a JVM that will only hand its command over with the small
     * cache of that path.
     */
    public Path folderMark(String key) {
        return folder.resolve(key.concat(".cwd"));
    }

    public Path log(String key) {
        return folder.resolve(key.concat(".log"));
    }

    /**
     * A connection to the daemon listening on {@code socket}, or {@code null} when there is none: no socket, a
     * folder that cannot be trusted, or a socket left by a daemon that was killed (the connection is refused).
     */
    SocketChannel connect(Path socket) {
        if (!Files.exists(socket) || !safe()) {
            return null;
        }
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
            return ch;
        } catch (IOException | RuntimeException stale) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing was sent
                }
            }
            return null;
        }
    }

    /** Creates the folder, readable by its owner only, unless it exists; then checks it as {@link #safe} does. */
    public void create() throws IOException {
        try {
            Files.createDirectories(folder.getParent());
            // Not a constant: EnumSet reflects on the enum, which every command would pay for at start-up.
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(EnumSet.of(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE)));
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            // checked below, whoever made it
        }
        String problem = problem();
        if (problem != null) {
            throw new IOException(problem);
        }
    }

    /** Whether the folder exists and is this user's alone. */
    public boolean safe() {
        return problem() == null;
    }

    /** This process's user id: the owner of {@code /proc/self}, else of a file it creates (no /proc: macOS). */
    private static int ownUid() throws IOException {
        Path self = Path.of("/proc/self");
        if (Files.exists(self)) {
            return (Integer) Files.getAttribute(self, "unix:uid");
        }
        Path probe = Files.createTempFile("mcsweep-uid", "");
        try {
            return (Integer) Files.getAttribute(probe, "unix:uid");
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Why the folder cannot be trusted, or {@code null} when it can. */
    String problem() {
        try {
            // By uid and mode bits: the owner's name would cost a user-database lookup at every command's start.
            Map<String, Object> a = Files.readAttributes(folder, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            if ((mode & S_IFMT) != S_IFDIR) {
                return folder + " is not a folder";
            }
            int uid = (Integer) a.get("uid");
            if (uid != ownUid()) {
                return folder + " belongs to another user (uid " + uid + ")";
            }
            if ((mode & (S_IWGRP | S_IWOTH)) != 0) {
                return folder + " can be written by other users (mode " + Integer.toOctalString(mode & 0777) + ")";
            }
            return null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return folder + ": " + e.getMessage();
        }
    }
}
