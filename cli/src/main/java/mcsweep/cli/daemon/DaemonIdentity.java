package mcsweep.cli.daemon;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a command's behaviour depends on besides its arguments: the working directory, the environment, the JDK
 * and the jars (with their size and modification time). A daemon serves only commands whose identity equals its
 * own, so a command gives the same output, files and exit code whether a daemon runs it or a fresh JVM does:
 * relative paths, {@code $PATH} for {@code --command}, {@code JDK_JAVA_OPTIONS} and the code itself are the same.
 *
 * <p>The launcher's C client ({@code src/main/c/mcsweep-client.c}) computes the same text without a JVM: a change
 * here must be made there too, or that client is never served ({@code NativeClientTest} fails).
 *
 * @param text the identity as text, compared whole (the key only names the socket)
 */
public record DaemonIdentity(String text) {

    // Change with every shell, a login, a cd or (hyperfine's) a timed run, and no command of ours reads them.
    private static final Set<String> IGNORED = Set.of("_", "OLDPWD", "SHLVL",
            "HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET");

    /** This JVM's identity. */
    public static DaemonIdentity current() {
        StringBuilder b = new StringBuilder(4096);
        b.append("mcsweep-daemon 1\n");
        b.append("cwd=").append(System.getProperty("user.dir")).append('\n');
        b.append("java.home=").append(System.getProperty("java.home")).append('\n');
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            b.append("classpath=").append(entry);
            try {
                BasicFileAttributes a = Files.readAttributes(Path.of(entry), BasicFileAttributes.class);
                b.append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis());
            } catch (Exception unreadable) {
                b.append(" ?");
            }
            b.append('\n');
        }
        for (Map.Entry<String, String> e : new TreeMap<>(System.getenv()).entrySet()) {
            if (!IGNORED.contains(e.getKey())) {
                b.append("env ").append(e.getKey()).append('=').append(e.getValue()).append('\0');
            }
        }
        return new DaemonIdentity(b.toString());
    }

    /** 16 hex digits naming this identity's socket (FNV-1a, 64 bits; equality is checked on {@link #text}). */
    public String key() {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        String hex = Long.toHexString(h); // not String.format: Formatter costs milliseconds at start-up
        return "0".repeat(16 - hex.length()).concat(hex);
    }

    /** The working directory this identity was taken in. */
    public String workingDirectory() {
        int from = text.indexOf("cwd=") + 4;
        return text.substring(from, text.indexOf('\n', from));
    }
}
