package mcsweep.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where the daemons of one user live: a folder only that user can enter ({@code $XDG_RUNTIME_DIR/mcsweep}, else
 * {@code mcsweep-USER} in the temporary folder), holding per identity key a socket, a lock held by the running
 * daemon, and its log. The folder is used only when it is a real folder (not a link) that this user owns and no
 * one else can write to, so no other user can put a socket there that a command would talk to.
 */
public record DaemonFiles(Path folder) {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

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
        return folder.resolve(key.concat(".sock"));
    }

    public Path lock(String key) {
        return folder.resolve(key.concat(".lock"));
    }

    public Path log(String key) {
        return folder.resolve(key.concat(".log"));
    }

    /** Creates the folder, readable by its owner only, unless it exists; then checks it as {@link #safe} does. */
    public void create() throws IOException {
        try {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
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

    /** Why the folder cannot be trusted, or {@code null} when it can. */
    String problem() {
        try {
            PosixFileAttributes a = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isDirectory()) {
                return folder + " is not a folder";
            }
            if (!a.owner().getName().equals(System.getProperty("user.name"))) {
                return folder + " belongs to " + a.owner().getName();
            }
            Set<PosixFilePermission> p = a.permissions();
            if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                return folder + " can be written by other users (" + PosixFilePermissions.toString(p) + ")";
            }
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return folder + ": " + e.getMessage();
        }
    }
}
