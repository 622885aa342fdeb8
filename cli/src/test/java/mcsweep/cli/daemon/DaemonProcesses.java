package mcsweep.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mcsweep.cli.Entry;

/**
 * The CLI as separate processes in one folder, as users run them: each JVM gets the test's class path, the
 * folder's own daemons' folder ({@code daemons/}) and no warm-up; output goes to {@code NAME.out} and
 * {@code NAME.err} there.
 */
final class DaemonProcesses {

    /** A finished process's exit code and output. */
    record Result(int code, String out, String err) {
    }

    private final Path dir;

    DaemonProcesses(Path dir) {
        this.dir = dir;
    }

    Path daemons() {
        return dir.resolve("daemons");
    }

    /** The JVM command line that runs the CLI with {@code args}. */
    List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dmcsweep.daemon.dir=" + daemons(), "-Dmcsweep.daemon.warm-up=0",
                "-cp", System.getProperty("java.class.path"), Entry.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    Process start(String name, List<String> cmd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return pb.directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    Process start(String name, Map<String, String> env, String... args) throws IOException {
        return start(name, java(args), env);
    }

    Result run(String name, List<String> cmd, Map<String, String> env) throws Exception {
        Process p = start(name, cmd, env);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(name + " ended").isTrue();
        return result(name, p);
    }

    Result run(String name, Map<String, String> env, String... args) throws Exception {
        return run(name, java(args), env);
    }

    Result run(String name, String... args) throws Exception {
        return run(name, Map.of(), args);
    }

    /** The output of the ended process {@code p} started as {@code name}. */
    Result result(String name, Process p) throws IOException {
        return new Result(p.exitValue(), Files.readString(dir.resolve(name + ".out")),
                Files.readString(dir.resolve(name + ".err")));
    }

    /** The daemons' notes of the folder they serve. */
    List<Path> marks() throws IOException {
        try (Stream<Path> s = Files.list(daemons())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".cwd")).toList();
        }
    }

    /** Whether {@code out} holds a trace ({@code b...} files) yet. */
    static boolean anyTrace(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("b"));
        }
    }

    /** The names of the files in {@code folder}. */
    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
