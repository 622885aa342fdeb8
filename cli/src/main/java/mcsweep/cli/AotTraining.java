package mcsweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The training run from which {@code ./mcsweep} records the JVM's AOT cache (JDK 25+, JEP 483/514/515): it
 * runs, in one JVM, what users start most, so that the cache holds their classes already loaded and linked,
 * and the profiles of their hot methods, with which the JIT compiles the kernel's loop without first
 * profiling it again. Output goes to the caller (the launcher discards it); traces go to a folder it deletes.
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=FILE -cp mcsweep.jar mcsweep.cli.AotTraining}.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("mcsweep-aot-training");
        try {
            run("--version");
            run("--help");
            run("sweep", "--help");
            run("run", "--help");
            run("executors");
            run("kernels");
            run("sweep", "--iterations", "0"); // the bad-input path: one line, exit code 2
            // The lesson's scan, shorter: its 324 tasks' classes and the profile of the kernel's loop, under the
            // executors people use most.
            String[] scan = {"--beta", "0.1,0.2,0.3,0.5,1,2,3,5,10", "--x0", "0.1,0.2,0.3,0.5,1,2,3,5,10",
                "--h", "0.25,0.5,1,2.5", "--iterations", "2000", "-q"};
            run(concat(new String[] {"sweep", "--out", dir.resolve("sequential").toString()}, scan));
            run(concat(new String[] {"sweep", "--out", dir.resolve("forkjoin").toString(), "-e", "forkjoin"}, scan));
            run(concat(new String[] {"sweep", "--out", dir.resolve("threads").toString(), "-e", "threads"}, scan));
            run(concat(new String[] {"sweep", "--out", dir.resolve("none").toString(), "-e", "forkjoin",
                "--format", "none"}, scan));
            run("sweep", "--zip", "--beta", "0.5,1", "--x0", "0.5,1", "--h", "1", "--iterations", "20000",
                    "--out", dir.resolve("table").toString());
            run("run", "1", "1", "1", "20000", dir.resolve("run.csv").toString());
        } finally {
            delete(dir);
        }
    }

    private static void run(String... args) {
        int code = Main.execute(args);
        System.out.println("mcsweep " + String.join(" ", args) + " -> " + code);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
