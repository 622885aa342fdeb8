package mcsweep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds the Python interpreter for the {@code import numpy} reference line. */
final class Python {

    private Python() {
    }

    /**
     * The real interpreter behind {@code python3} on the PATH, if it can import numpy. {@code python3} may
     * be a shim (pyenv's adds about 100 ms to every start), so the reference line runs
     * {@code sys.executable} directly, the interpreter the shim would end up starting.
     */
    static Optional<Path> withNumpy() {
        return find("numpy");
    }

    /** The same, if it can import numpy and pathos: the lesson's Pathos program can run. */
    static Optional<Path> withPathos() {
        return find("numpy, pathos");
    }

    private static Optional<Path> find(String modules) {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys, " + modules + "; print(sys.executable)")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            if (p.exitValue() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            Path exe = Path.of(out);
            return Files.isExecutable(exe) ? Optional.of(exe) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no python3 on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
