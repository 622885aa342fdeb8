package mcsweep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import mcsweep.executors.Xxh64;

/**
 * The job log's file checksum: XXH64 (seed 0) of the whole file, written as 16 lower-case hex digits.
 *
 * <p>Why XXH64: it detects any change a 64-bit hash can (a damaged byte, a truncated file) at several GB/s
 * in pure Java, and {@code xxhsum -H1 FILE} prints the same digits, so users can check a file by hand.
 * CRC-32 is too short for millions of files; cryptographic hashes are 5-10x slower and defend against an
 * adversary we do not have. Computed by {@link Xxh64} (pure Java, no JNI library, no {@code sun.misc.Unsafe});
 * tasks run in this JVM hand it over with their result ({@link mcsweep.executors.TaskResult#checksum()}), so
 * only files written elsewhere (worker processes, external programs) are read back here.
 */
final class Checksums {

    /** The algorithm's name, as the job log's header spells it. */
    static final String ALGORITHM = "xxh64";

    private Checksums() {
    }

    /** XXH64 of {@code file}'s bytes as 16 hex digits. */
    static String of(Path file) throws IOException {
        Xxh64 h = new Xxh64();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                h.update(buf, 0, n);
            }
        }
        return Xxh64.hex(h.value());
    }

    /** XXH64 of {@code bytes}, as {@link #of(Path)} spells it. */
    static String of(byte[] bytes) {
        Xxh64 h = new Xxh64();
        h.update(bytes, 0, bytes.length);
        return Xxh64.hex(h.value());
    }
}
