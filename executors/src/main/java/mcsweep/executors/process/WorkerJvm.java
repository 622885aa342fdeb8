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
import java.util.Locale;
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
 * {@code process}) or {@code mcsweep-worker-pool-KEY}. {@code -Dmcsweep.archive=aot|appcds|none} chooses the
 * kind ({@code aot} needs JDK 25; on an older JDK it means {@code appcds}); {@code -Dmcsweep.cds=false} is
 * the same as {@code none}. It lives next to the application jar when that folder
 * is writable, otherwise in {@code java.io.tmpdir/mcsweep-cds-USER}; {@code -Dmcsweep.cds.dir=DIR} chooses
 * another place. An interrupt while it is built (Ctrl-C on the first sweep) kills the recording JVMs and
 * removes their files: no partial archive or {@code .config} file stays, and workers start without one. The key hashes the JDK, the flags and the
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

    /** The kinds of start-up archive, chosen with {@code -Dmcsweep.archive}. */
    enum Kind {
        /** JDK 25's AOT cache (JEP 514/515): classes loaded and linked, lambdas resolved. */
        AOT(".aot"),
        /** A dynamic AppCDS archive ({@code -XX:ArchiveClassesAtExit}), for JDK 21 to 24. */
        APPCDS(".jsa"),
        /** No archive: the JDK's default CDS only. */
        NONE("");

        final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        /** The kind the system properties ask for, on this JDK. */
        static Kind configured() {
            if (!Boolean.parseBoolean(System.getProperty("mcsweep.cds", "true"))) {
                return NONE;
            }
            boolean aotJdk = Runtime.version().feature() >= 25;
            String v = System.getProperty("mcsweep.archive", "").trim().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "" -> aotJdk ? AOT : APPCDS;
                case "aot" -> aotJdk ? AOT : APPCDS;
                case "appcds", "cds" -> APPCDS;
                case "none" -> NONE;
                default -> throw new IllegalArgumentException(
                        "-Dmcsweep.archive must be aot, appcds or none, not '" + v + "'");
            };
        }
    }

    private final String java;
    private final String classPath;
    private final boolean oneTask;

    private final Kind kind;

    private WorkerJvm(String java, String classPath, boolean oneTask, Kind kind) {
        this.java = java;
        this.classPath = classPath;
        this.oneTask = oneTask;
        this.kind = kind;
    }

    /**
     * Workers for one task each ({@code process}) or for many ({@code pool}), with this JVM's class path
     * ({@code -Dmcsweep.worker.class.path} gives another: tests use it to start workers from jars, which is
     * what an archive can hold; class folders cannot be archived).
     */
    static WorkerJvm forThisJvm(boolean oneTask) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> entries = new ArrayList<>();
        String cp = System.getProperty("mcsweep.worker.class.path", System.getProperty("java.class.path"));
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        // Kernels loaded with --kernel-path: plain class path entries in the worker, where ServiceLoader finds them.
        Kernels.path().forEach(p -> entries.add(p.toString()));
        return new WorkerJvm(java, String.join(File.pathSeparator, entries), oneTask, Kind.configured());
    }

    /** The same workers with another class path (a test's jar) and archive kind. */
    WorkerJvm with(String classPath, Kind kind) {
        return new WorkerJvm(java, classPath, oneTask, kind);
    }

    /** The kind of archive these workers start with, when it can be built. */
    Kind kind() {
        return kind;
    }

    /** The command that starts a worker: {@code java FLAGS -cp CP WorkerMain MODE ARGS}. */
    List<String> command(boolean useArchive, List<String> mainArgs) {
        Optional<Path> archive = useArchive ? archive() : Optional.empty();
        List<String> c = archive.isPresent() ? withArchive(archive.get(), false) : flags();
        // Who the worker's parent must be: one that dies before the worker looks would otherwise be replaced
        // by init (or a subreaper), which the worker would then watch for ever.
        c.add("-D" + WorkerMain.PARENT_PID + "=" + ProcessHandle.current().pid());
        c.add("-cp");
        c.add(classPath);
        c.add(WorkerMain.class.getName());
        c.addAll(mainArgs);
        return c;
    }

    // JDK 25 records an AOT cache in one run (-XX:AOTCacheOutput, JEP 514): classes loaded and linked,
    // lambdas and string concatenation resolved; measured here it starts a worker about a third faster than
    // a dynamic AppCDS archive, which older JDKs get instead.

    /** The flags plus the archive; {@code strict} makes the JVM refuse to start if it cannot use it. */
    private List<String> withArchive(Path archive, boolean strict) {
        List<String> c = flags();
        if (kind == Kind.AOT) {
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
        if (kind == Kind.NONE) {
            return Optional.empty();
        }
        boolean[] interrupted = {false};
        Path dir;
        try {
            dir = cacheDir();
        } catch (IOException e) {
            return Optional.empty();
        }
        String key = key();
        Optional<Path> a = ARCHIVES.computeIfAbsent(dir + File.separator + key, k -> {
            try {
                return build(dir, key);
            } catch (IOException | RuntimeException e) {
                System.getLogger(WorkerJvm.class.getName()).log(System.Logger.Level.DEBUG,
                        "no CDS archive for workers", e);
                return Optional.empty();
            } catch (InterruptedException e) {
                interrupted[0] = true;
                return null; // not remembered: the next sweep tries again
            }
        });
        if (interrupted[0]) {
            Thread.currentThread().interrupt();
        }
        return a == null ? Optional.empty() : a;
    }

    private String key() {
        StringBuilder s = new StringBuilder(java).append('\n').append(Runtime.version()).append('\n')
                .append(kind).append(flags()).append('\n');
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

    @SuppressWarnings("try") // the file lock is held for the try block, by design; the body need not touch it
    private Optional<Path> build(Path dir, String key) throws IOException, InterruptedException {
        String flavour = "mcsweep-worker-" + (oneTask ? "task" : "pool") + "-";
        String base = flavour + key;
        Path archive = dir.resolve(base + kind.suffix);
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
                if (kind == Kind.AOT) {
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
                removeStartingWith(dir, temp.getFileName().toString()); // the temp, and the AOT run's .config
            }
        }
    }

    private static void removeStartingWith(Path dir, String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith(prefix)) {
                    Files.deleteIfExists(f);
                }
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

    /** How long recording an archive may take: assembling an AOT cache took 40 s on a loaded 2-core machine. */
    private static final long BUILD_SECONDS = 300;

    /** A recording that ran out of time: not a property of the class path, so no {@code .failed} marker. */
    private static final class TooSlow extends IOException {
        private static final long serialVersionUID = 1L;

        TooSlow(List<String> command) {
            super("no archive within " + BUILD_SECONDS + " s: " + String.join(" ", command), null);
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
            if (!p.waitFor(BUILD_SECONDS, TimeUnit.SECONDS)) {
                throw new TooSlow(command);
            }
            return p.exitValue() == 0;
        } finally {
            // The AOT recording JVM forks the JVM that assembles the cache: both go, and both have exited
            // before the caller removes their files.
            List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
            all.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.onExit().join();
            for (ProcessHandle h : all) {
                h.onExit().join();
            }
        }
    }
}
