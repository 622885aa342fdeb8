package mcsweep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import net.jpountz.xxhash.StreamingXXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * The job log's file checksum: XXH64 (seed 0) of the whole file, written as 16 lower-case hex digits.
 *
 * <p>Why XXH64: it detects any change a 64-bit hash can (a damaged byte, a truncated file) at several GB/s
 * in pure Java, and {@code xxhsum -H1 FILE} prints the same digits, so users can check a file by hand.
 * CRC-32 is too short for millions of files; cryptographic hashes are 5-10x slower and defend against an
 * adversary we do not have. lz4-java's <em>safe</em> instance is used: no JNI library to unpack, no
 * {@code sun.misc.Unsafe} (which JDK 24+ warns about on stderr).
 */
final class Checksums {

    /** The algorithm's name, as the job log's header spells it. */
    static final String ALGORITHM = "xxh64";

    private Checksums() {
    }

    /** XXH64 of {@code file}'s bytes as 16 hex digits. */
    static String of(Path file) throws IOException {
        try (StreamingXXHash64 h = XXHashFactory.safeInstance().newStreamingHash64(0);
             InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                h.update(buf, 0, n);
            }
            return String.format("%016x", h.getValue());
        }
    }

    /** XXH64 of {@code bytes}, as {@link #of(Path)} spells it. */
    static String of(byte[] bytes) {
        return String.format("%016x", XXHashFactory.safeInstance().hash64().hash(bytes, 0, bytes.length, 0));
    }
}
