package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import mcsweep.executors.Xxh64;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.Test;

/** Our XXH64 against the specification's known values and lz4-java's, for every length and split. */
class Xxh64Test {

    private static long reference(byte[] b) {
        return XXHashFactory.safeInstance().hash64().hash(b, 0, b.length, 0);
    }

    @Test
    void knownValues() {
        assertThat(Checksums.of(new byte[0])).isEqualTo("ef46db3751d8e999"); // xxhsum -H1 /dev/null
        assertThat(Checksums.of(new byte[0])).hasSize(16);
    }

    @Test
    void equalsLz4JavaForEveryLengthUpTo300InOnePiece() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n = 0; n <= 300; n++) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            Xxh64 h = new Xxh64();
            h.update(b, 0, n);
            assertThat(h.value()).as("length %d", n).isEqualTo(reference(b));
        }
    }

    @Test
    void equalsLz4JavaWhateverPiecesTheBytesComeIn() {
        SplittableRandom r = new SplittableRandom(2);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] b = new byte[r.nextInt(trial < 1000 ? 200 : 100_000)];
            r.nextBytes(b);
            Xxh64 h = new Xxh64();
            for (int off = 0; off < b.length; ) {
                int len = Math.min(b.length - off, r.nextInt(1, 70));
                h.update(b, off, len);
                off += len;
            }
            assertThat(h.value()).as("trial %d, length %d", trial, b.length).isEqualTo(reference(b));
        }
    }

    @Test
    void checksumsSpellLeadingZeros() {
        // Some input whose hash starts with a zero nibble: found by search, so that padding is exercised.
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            byte[] b = new byte[8];
            r.nextBytes(b);
            long ref = reference(b);
            if ((ref >>> 60) == 0) {
                assertThat(Checksums.of(b)).hasSize(16).isEqualTo(String.format("%016x", ref)).startsWith("0");
                return;
            }
        }
        throw new AssertionError("no hash with a leading zero nibble in 1000 tries");
    }
}
