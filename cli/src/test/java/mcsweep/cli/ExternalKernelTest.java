package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import mcsweep.kernel.Kernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example plugin kernel of {@code examples/kernel-example}, compiled and jarred by this test (it is not
 * on the test class path), loaded with {@code --kernel-path} and swept under in-JVM executors and in worker
 * JVMs, which must find it too: byte-identical traces and the same summaries everywhere.
 */
@Timeout(300)
class ExternalKernelTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "kernel-example", "src", "main");

    @TempDir
    static Path build;
    private static Path jar;

    @BeforeAll
    static void buildTheExampleJar() throws IOException {
        Path classes = Files.createDirectories(build.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "21", "-Xlint:all", "-Werror",
                "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> sources = Files.walk(EXAMPLE.resolve("java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac " + args).isZero();
        jar = build.resolve("kernel-example.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path root : List.of(classes, EXAMPLE.resolve("resources"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
            }
        }
    }

    @AfterAll
    static void forgetTheKernelPath() {
        Kernels.setPath(List.of()); // the registry is per JVM; other test classes run in this one
    }

    private static Cli sweep(Path out, String executor) {
        return Cli.run("sweep", "--kernel-path", jar.toString(), "--kernel", "ou", "-P", "x0=0,2", "-P", "theta=1",
                "-P", "sigma=0.5,2", "--iterations", "20000", "--out", out.toString(), "-e", executor, "-j", "2");
    }

    @Test
    void isNotOnTheClassPathWithoutKernelPath() {
        Kernels.setPath(List.of());
        Cli r = Cli.run("sweep", "--kernel", "ou", "-P", "x0=0", "--iterations", "10", "--out", build.resolve("no").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mcsweep: --kernel: unknown kernel 'ou'; available: metropolis, pi");
    }

    @Test
    void isListedWithItsParameters() {
        Cli r = Cli.run("kernels", "--kernel-path", jar.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ou  Ornstein-Uhlenbeck process (example plugin)").contains("theta")
                .contains("metropolis").contains("pi");
    }

    @Test
    void aMissingJarIsBadInput() {
        Cli r = Cli.run("kernels", "--kernel-path", build.resolve("nope.jar").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mcsweep: --kernel-path: no such file: ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"threads", "forkjoin", "virtual", "pool", "process"})
    void givesTheSameBytesUnderEveryExecutorAsSequentialWithFilesNamedByItsOwnParameters(String executor,
                                                                                         @TempDir Path dir)
            throws IOException {
        Cli reference = sweep(dir.resolve("sequential"), "sequential");
        Cli other = sweep(dir.resolve(executor), executor);

        assertThat(reference.exitCode()).as(reference.err()).isZero();
        assertThat(other.exitCode()).as(other.err()).isZero();
        Map<String, byte[]> expected = traces(dir.resolve("sequential"));
        assertThat(expected.keySet()).containsExactly("x0=0.0_theta=1.0_sigma=0.5.csv", "x0=0.0_theta=1.0_sigma=2.0.csv",
                "x0=2.0_theta=1.0_sigma=0.5.csv", "x0=2.0_theta=1.0_sigma=2.0.csv");
        Map<String, byte[]> actual = traces(dir.resolve(executor));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        actual.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(expected.get(name)));
        assertThat(summaryWithoutTimes(dir.resolve(executor))).isEqualTo(summaryWithoutTimes(dir.resolve("sequential")));
        assertThat(reference.out()).contains("mean_x2 ± err").contains("exact_x2");
    }

    private static Map<String, byte[]> traces(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            // Traces only: not the summary, nor the sweep's own bookkeeping (job log, definition, lock).
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".csv")
                    && !f.getFileName().toString().equals("summary.csv") && Files.isRegularFile(f)).toList()) {
                m.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return m;
    }

    /** summary.csv without its wall-time column, the one thing that may differ. */
    private static List<String> summaryWithoutTimes(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("summary.csv"));
        assertThat(lines.get(0)).doesNotContain("wall_ms"); // timings live in the job log: the summary is exact
        return lines;
    }
}
