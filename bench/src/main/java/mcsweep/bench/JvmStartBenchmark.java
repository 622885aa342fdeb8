package mcsweep.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Milliseconds from starting a process to its exit, for the process a one-JVM-per-task executor starts:
 * {@code java -cp <this class path> mcsweep.bench.StartupProbe}, which runs one zero-step task.
 * Variants: {@code java} (the JDK's default CDS archive only); {@code java-appcds} (plus an AppCDS
 * archive of the classes the probe loads, {@code -XX:+AutoCreateSharedArchive}, JDK 19+);
 * {@code java-appcds-c1-serialgc} (plus {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, flags that
 * favour a short-lived JVM); and {@code python-numpy}, {@code python -c 'import numpy'}, the per-process
 * start-up of the Python program mcsweep replaces, run with the real interpreter behind {@code python3}
 * (see {@link Python}); {@link BenchMain} drops that variant when there is no Python with numpy.
 *
 * <p>{@link Mode#SingleShotTime}: a process start has no steady state to wait for; each measured
 * iteration is one start. Archives are written once per trial with absolute paths (a relative class path
 * silently disables them when the working directory changes) and checked with {@code -Xshare:on}, which
 * refuses to start if the archive does not map.
 *
 * <p>Not fooled by dead-code elimination: the work happens in another process, and its exit code is
 * checked and returned.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Fork(1)
public class JvmStartBenchmark {

    /** The variants, in the order they are reported. */
    static final List<String> VARIANTS = List.of("java", "java-appcds", "java-appcds-c1-serialgc", "python-numpy");

    @Param({"java", "java-appcds", "java-appcds-c1-serialgc", "python-numpy"})
    String variant;

    private Path tempDir;
    private ProcessBuilder builder;

    @Setup
    public void setup() throws IOException, InterruptedException {
        tempDir = Files.createTempDirectory("mcsweep-jvmstart");
        List<String> command = switch (variant) {
            case "java" -> javaCommand(List.of());
            case "java-appcds" -> javaCommand(appCds(tempDir.resolve("probe.jsa")));
            case "java-appcds-c1-serialgc" -> javaCommand(concat(appCds(tempDir.resolve("probe-c1.jsa")),
                    List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")));
            case "python-numpy" -> List.of(Python.withNumpy()
                    .orElseThrow(() -> new IllegalStateException("no python3 with numpy on the PATH"))
                    .toString(), "-c", "import numpy");
            default -> throw new IllegalArgumentException("unknown variant " + variant + "; one of " + VARIANTS);
        };
        builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (variant.contains("appcds")) {
            runOnce(); // the first run records the archive as the JVM exits
            List<String> check = new ArrayList<>(command);
            check.removeIf(a -> a.equals("-XX:+AutoCreateSharedArchive"));
            check.add(1, "-Xshare:on");
            int rc = new ProcessBuilder(check).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            if (rc != 0) {
                throw new IllegalStateException("the AppCDS archive does not load (-Xshare:on exit " + rc + "): "
                        + String.join(" ", check));
            }
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(tempDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public int start() throws IOException, InterruptedException {
        return runOnce();
    }

    private int runOnce() throws IOException, InterruptedException {
        int rc = builder.start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("exit " + rc + ": " + String.join(" ", builder.command()));
        }
        return rc;
    }

    private static List<String> appCds(Path archive) {
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive.toAbsolutePath());
    }

    private static List<String> javaCommand(List<String> flags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(absoluteClassPath());
        cmd.add(StartupProbe.class.getName());
        return cmd;
    }

    /** This JVM's class path with every entry made absolute, as an archive's class path must be. */
    static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
