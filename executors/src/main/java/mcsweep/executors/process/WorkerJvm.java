package mcsweep.executors.process;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import mcsweep.kernel.Kernels;

/**
 * How to start a worker JVM cheaply: this JVM's {@code java} and class path, start-up flags, and an AppCDS
 * archive of the worker's classes that is built once, on first use, and cached.
 *
 * <p>The archive is a JDK 25 AOT cache ({@code .aot}, recorded in one run with {@code -XX:AOTCacheOutput}) or,
 * on JDK 21 to 24, a dynamic AppCDS archive ({@code .jsa}), named {@code mcsweep-worker-task-KEY} (for
 * {@code process}) or {@code mcsweep-worker-pool-KEY}. It lives next to the application jar when that folder
 * is writable, otherwise in {@code java.io.tmpdir/mcsweep-cds-USER}; {@code -Dmcsweep.cds.dir=DIR} chooses
 * another place and {@code -Dmcsweep.cds=false} turns it off. The key hashes the JDK, the flags and the
 * class path with each entry's size and time, so a rebuilt jar or another JDK gets a new archive instead of
 * a stale one (and the older one of the same kind is removed). It is recorded with absolute paths (a
 * relative class path silently stops matching elsewhere), under a file lock, to a temporary name renamed
 * into place, then checked in strict mode ({@code -XX:AOTMode=on} or {@code -Xshare:on}). When any of that
 * fails, a {@code .failed} file records the command and workers start without an archive; the JVM's own
 * default mode also runs without one it cannot use.
 */
final class WorkerJvm {

    /** Flags for every worker: small and quick to start. Warnings go to stderr: stdout is the protocol's. */
    private static final List<String> COMMON = List.of(
            "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-Xss512k",
            "-Xlog:disable", "-Xlog:all=warning:stderr");

    /** A one-task JVM never lives long enough for C2 to pay off on the lesson's task sizes. */
    private static final List<String> ONE_TASK = List.of("-XX:TieredStopAtLevel=1");

    private static final Map<String, Optional<Path>> ARCHIVES = new ConcurrentHashMap<>();

    private final String java;
    private final String classPath;
    private final boolean oneTask;

    private WorkerJvm(String java, String classPath, boolean oneTask) {
        this.java = java;
        this.classPath = classPath;
        this.oneTask = oneTask;
    }

    /** Workers for one task each ({@code process}) or for many ({@code pool}). */
    static WorkerJvm forThisJvm(boolean oneTask) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        // Kernels loaded with --kernel-path: plain class path entries in the worker, where ServiceLoader finds them.
        Kernels.path().forEach(p -> entries.add(p.toString()));
        return new WorkerJvm(java, String.join(File.pathSeparator, entries), oneTask);
    }

    /** The command that starts a worker: {@code java FLAGS -cp CP WorkerMain MODE ARGS}. */
    List<String> command(boolean useArchive, List<String> mainArgs) {
        Optional<Path> archive = useArchive ? archive() : Optional.empty();
        List<String> c = archive.isPresent() ? withArchive(archive.get(), false) : flags();
        c.add("-cp");
        c.add(classPath);
        c.add(WorkerMain.class.getName());
        c.addAll(mainArgs);
        return c;
    }

    /**
     * JDK 25 can record an AOT cache in one run ({@code -XX:AOTCacheOutput}, JEP 514): classes loaded and
     * linked, lambdas and string concatenation resolved; measured here it starts a worker about a third
     * faster than a dynamic AppCDS archive, which older JDKs get instead.
     */
    private static boolean aotCache() {
        return Runtime.version().feature() >= 25;
    }

    /** The flags plus the archive; {@code strict} makes the JVM refuse to start if it cannot use it. */
    private List<String> withArchive(Path archive, boolean strict) {
        List<String> c = flags();
        if (aotCache()) {
            c.remove("-Xshare:auto"); // the AOT cache does not mix with -Xshare flags
            c.add("-XX:AOTCache=" + archive);
            if (strict) {
                c.add("-XX:AOTMode=on");
            }
        } else {
            c.add("-XX:SharedArchiveFile=" + archive);
            if (strict) {
                c.replaceAll(f -> f.equals("-Xshare:auto") ? "-Xshare:on" : f);
            }
        }
        return c;
    }

    private List<String> flags() {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(COMMON);
        if (oneTask) {
            c.addAll(ONE_TASK);
        }
        return c;
    }

    /** The archive to start workers with, built on first use; empty when there is none to be had. */
    Optional<Path> archive() {
        if (!Boolean.parseBoolean(System.getProperty("mcsweep.cds", "true"))) {
            return Optional.empty();
        }
        return ARCHIVES.computeIfAbsent(key(), k -> {
            try {
                return build(k);
            } catch (IOException | RuntimeException e) {
                System.getLogger(WorkerJvm.class.getName()).log(System.Logger.Level.DEBUG,
                        "no CDS archive for workers", e);
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        });
    }

    private String key() {
        StringBuilder s = new StringBuilder(java).append('\n').append(Runtime.version()).append('\n')
                .append(flags()).append('\n');
        for (String e : classPath.split(File.pathSeparator)) {
            File f = new File(e);
            s.append(e).append(' ').append(f.length()).append(' ').append(f.lastModified()).append('\n');
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path cacheDir() throws IOException {
        String configured = System.getProperty("mcsweep.cds.dir");
        if (configured != null) {
            return Files.createDirectories(Path.of(configured));
        }
        String first = classPath.split(File.pathSeparator)[0];
        Path jarDir = Path.of(first).getParent();
        if (first.endsWith(".jar") && jarDir != null && Files.isWritable(jarDir)) {
            return jarDir;
        }
        return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                "mcsweep-cds-" + System.getProperty("user.name")));
    }

    private Optional<Path> build(String key) throws IOException, InterruptedException {
        Path dir = cacheDir();
        String flavour = "mcsweep-worker-" + (oneTask ? "task" : "pool") + "-";
        String base = flavour + key;
        Path archive = dir.resolve(base + (aotCache() ? ".aot" : ".jsa"));
        if (Files.isRegularFile(archive)) {
            return Optional.of(archive);
        }
        // Another JVM (a second sweep, a test fork) may be building the same archive right now.
        try (FileChannel lockFile = FileChannel.open(dir.resolve(base + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (Files.isRegularFile(archive)) {
                return Optional.of(archive);
            }
            // A class path the JDK cannot archive (class folders, say) fails the same way every time.
            Path failed = dir.resolve(base + ".failed");
            if (Files.exists(failed)) {
                return Optional.empty();
            }
            Path temp = dir.resolve("." + base + "-" + ProcessHandle.current().pid() + ".tmp");
            try {
                List<String> dump = flags();
                if (aotCache()) {
                    dump.remove("-Xshare:auto");
                    dump.add("-XX:AOTCacheOutput=" + temp);
                } else {
                    dump.add("-XX:ArchiveClassesAtExit=" + temp);
                }
                dump.addAll(List.of("-cp", classPath, WorkerMain.class.getName(), "--warmup"));
                if (!runQuietly(dump) || !Files.isRegularFile(temp) || Files.size(temp) == 0) {
                    Files.writeString(failed, String.join(" ", dump) + "\n");
                    return Optional.empty();
                }
                try {
                    Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, archive);
                }
                // Proof that it maps where it lies: in strict mode a JVM refuses to start on an archive it
                // cannot use, where -Xshare:auto would quietly run without it.
                List<String> check = withArchive(archive, true);
                check.addAll(List.of("-cp", classPath, WorkerMain.class.getName(), "--warmup"));
                if (!runQuietly(check)) {
                    Files.deleteIfExists(archive);
                    Files.writeString(failed, String.join(" ", check) + "\n");
                    return Optional.empty();
                }
                removeOlder(dir, flavour, base);
                return Optional.of(archive);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Archives of an older jar or JDK are dead weight (an AOT cache is about 13 MB): every rebuilt jar gets a
     * new key. A JVM still running from one keeps its mapping when the file goes.
     */
    private static void removeOlder(Path dir, String flavour, String current) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (n.startsWith(flavour) && !n.startsWith(current) && !n.endsWith(".lock")) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // only tidying
        }
    }

    private static boolean runQuietly(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            p.getOutputStream().close();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } finally {
            p.destroyForcibly();
            p.onExit().join();
        }
    }
}
