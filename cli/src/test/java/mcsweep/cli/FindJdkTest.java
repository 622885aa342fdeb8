package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/find-jdk}, which every {@code ./mcsweep} start sources: the java on {@code PATH} counts among the
 * candidates, found without a subshell and resolved only when it is not one of the usual install locations'.
 */
class FindJdkTest {

    private static final Path SCRIPT = Path.of("..", "bin", "find-jdk").toAbsolutePath().normalize();

    @Test
    void aNewerJdkOnlyOnThePathIsChosen(@TempDir Path dir) throws Exception {
        Path home = fakeJdk(dir.resolve("jdk-99"), "99");
        assertThat(run(Map.of("PATH", home.resolve("bin") + ":/usr/bin:/bin"))).isEqualTo(home.toString());
    }

    @Test
    void theJavaOnThePathIsFollowedThroughSymbolicLinks(@TempDir Path dir) throws Exception {
        // The usual /usr/bin/java -> /etc/alternatives/java -> .../bin/java: the JDK is where the link leads.
        Path home = fakeJdk(dir.resolve("jdks").resolve("jdk-98"), "98");
        Path links = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(links.resolve("java"), home.resolve("bin").resolve("java"));
        assertThat(run(Map.of("PATH", links + ":/usr/bin:/bin"))).isEqualTo(home.toString());
    }

    @Test
    void aJavaHomeThatFitsWins(@TempDir Path dir) throws Exception {
        Path home = fakeJdk(dir.resolve("jdk-21"), "21");
        Path newer = fakeJdk(dir.resolve("jdk-99"), "99");
        assertThat(run(Map.of("JAVA_HOME", home.toString(), "PATH", newer.resolve("bin") + ":/usr/bin:/bin")))
                .isEqualTo(home.toString());
    }

    /** A folder that looks like a JDK of that major version to find-jdk: bin/java and a release file. */
    private static Path fakeJdk(Path home, String major) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + major + ".0.1\"\n");
        return home;
    }

    /** find-jdk's output with only {@code env} (and HOME) in its environment. */
    private static String run(Map<String, String> env) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", SCRIPT.toString()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("HOME", "/nonexistent");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
