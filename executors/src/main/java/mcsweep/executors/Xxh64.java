package mcsweep.executors;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * XXH64 with seed 0, fed in pieces ({@link #update}): the checksum of a task's trace file in the job log
 * ({@code xxhsum -H1 FILE} prints the same 16 hex digits), computed by {@link TaskRunner} from the bytes as
 * they are written, so that nobody reads the file back. Written from the algorithm's specification
 * (github.com/Cyan4973/xxHash, doc/xxhash_spec.md): lz4-java has the same hash, but its safe instance reads
 * every 64-bit lane byte by byte (about 2.5x the CPU of this class on the lesson scan's 69 MB), and its fast
 * instance uses {@code sun.misc.Unsafe}, which JDK 24+ warns about on stderr. Here the lanes are read with a
 * byte-array view {@link VarHandle}, which the JIT turns into plain 8-byte loads. The CLI's
 * {@code Xxh64Test} checks it against lz4-java on every length and split.
 */
public final class Xxh64 {

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private long v1 = P1 + P2;
    private long v2 = P2;
    private long v3 = 0;
    private long v4 = -P1;
    private long total;
    /** Input not yet consumed: less than one 32-byte stripe. */
    private final byte[] pending = new byte[32];
    private int pendingSize;

    /** Adds {@code len} bytes of {@code b} from {@code off}. */
    public void update(byte[] b, int off, int len) {
        total += len;
        if (pendingSize + len < 32) {
            System.arraycopy(b, off, pending, pendingSize, len);
            pendingSize += len;
            return;
        }
        int end = off + len;
        if (pendingSize > 0) {
            int fill = 32 - pendingSize;
            System.arraycopy(b, off, pending, pendingSize, fill);
            v1 = round(v1, (long) LONG.get(pending, 0));
            v2 = round(v2, (long) LONG.get(pending, 8));
            v3 = round(v3, (long) LONG.get(pending, 16));
            v4 = round(v4, (long) LONG.get(pending, 24));
            off += fill;
            pendingSize = 0;
        }
        // Locals, not fields, in the loop: four independent chains the CPU can overlap.
        long a = v1;
        long c = v2;
        long d = v3;
        long e = v4;
        for (int limit = end - 32; off <= limit; off += 32) {
            a = round(a, (long) LONG.get(b, off));
            c = round(c, (long) LONG.get(b, off + 8));
            d = round(d, (long) LONG.get(b, off + 16));
            e = round(e, (long) LONG.get(b, off + 24));
        }
        v1 = a;
        v2 = c;
        v3 = d;
        v4 = e;
        if (off < end) {
            pendingSize = end - off;
            System.arraycopy(b, off, pending, 0, pendingSize);
        }
    }

    /** The hash of everything added so far (more may be added afterwards). */
    public long value() {
        long h;
        if (total >= 32) {
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = v3 + P5;
        }
        h += total;
        int p = 0;
        for (; p + 8 <= pendingSize; p += 8) {
            h ^= round(0, (long) LONG.get(pending, p));
            h = Long.rotateLeft(h, 27) * P1 + P4;
        }
        if (p + 4 <= pendingSize) {
            h ^= ((int) INT.get(pending, p) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            p += 4;
        }
        for (; p < pendingSize; p++) {
            h ^= (pending[p] & 0xFF) * P5;
            h = Long.rotateLeft(h, 11) * P1;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    /** {@code v} as the job log spells a checksum: 16 lower-case hex digits, leading zeros included. */
    public static String hex(long v) {
        String s = Long.toHexString(v);
        return "0".repeat(16 - s.length()) + s;
    }

    /** An output stream that hashes what passes through it on its way to {@code out}. */
    static final class HashingStream extends java.io.FilterOutputStream {
        final Xxh64 hash = new Xxh64();

        HashingStream(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws java.io.IOException {
            hash.update(new byte[] {(byte) b}, 0, 1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            hash.update(b, off, len);
            out.write(b, off, len);
        }
    }

    private static long round(long acc, long lane) {
        return Long.rotateLeft(acc + lane * P2, 31) * P1;
    }

    private static long merge(long acc, long v) {
        return (acc ^ round(0, v)) * P1 + P4;
    }
}
