package mcsweep.kernel.io;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import mcsweep.kernel.Block;
import mcsweep.kernel.Column;
import mcsweep.kernel.TraceSink;

/**
 * Writes a trace as CSV: a header row of column names, then one row per step. Doubles are spelled as
 * {@link Double#toString(double)} spells them on JDK 19+, the shortest text that parses back to the
 * identical value, so a trace read back by Java, Python, numpy or pandas gives the exact doubles the kernel
 * produced; {@link ShortestDouble} writes those bytes straight into the buffer, with no {@code String} per
 * value.
 *
 * <p>Encodes into its own byte buffer and writes to the stream in large chunks; the caller owns (and
 * closes) the stream, and must call {@link #flush()} at the end.
 */
public final class CsvTraceWriter implements TraceSink {

    private static final int BUFFER = 1 << 16;
    private static final int MAX_DOUBLE_CHARS = ShortestDouble.MAX_LENGTH;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int ROW_END = ',' | '0' << 8 | '\n' << 16; // ",0\n" stored little-endian

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private List<Column> columns;
    private double[][] doubles; // per column of the block being written: its array, or null
    private byte[][] bytes;

    // A rejected Metropolis step repeats the previous state: copy its spelling instead of formatting it
    // again (formatting is most of this writer's cost).
    private int lastStart = -1;
    private int lastLength;
    private long lastBits;

    public CsvTraceWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void begin(List<Column> columns) throws IOException {
        this.columns = List.copyOf(columns);
        this.doubles = new double[columns.size()][];
        this.bytes = new byte[columns.size()][];
        StringBuilder header = new StringBuilder();
        for (Column c : columns) {
            header.append(header.isEmpty() ? "" : ",").append(c.name());
        }
        header.append('\n');
        byte[] bytes = header.toString().getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length);
        if (bytes.length > buf.length) {
            out.write(bytes);
        } else {
            System.arraycopy(bytes, 0, buf, pos, bytes.length);
            pos += bytes.length;
        }
    }

    @Override
    public void write(Block block) throws IOException {
        if (columns == null) {
            throw new IllegalStateException("begin() was not called");
        }
        final int n = block.length();
        final int cols = columns.size();
        for (int c = 0; c < cols; c++) {
            boolean f64 = columns.get(c).type() == Column.Type.F64;
            doubles[c] = f64 ? block.f64(c) : null;
            bytes[c] = f64 ? null : block.i8(c);
        }
        if (cols == 2 && doubles[0] != null && bytes[1] != null) {
            writeValueAndFlag(doubles[0], bytes[1], n);
            return;
        }
        final int rowMax = cols * (MAX_DOUBLE_CHARS + 1);
        int row = 0;
        while (row < n) {
            int end = fit(row, n, rowMax);
            for (; row < end; row++) {
                for (int c = 0; c < cols; c++) {
                    if (c > 0) {
                        buf[pos++] = ',';
                    }
                    double[] d = doubles[c];
                    if (d != null) {
                        putDouble(d[row]);
                    } else {
                        putInt(bytes[c][row]);
                    }
                }
                buf[pos++] = '\n';
            }
        }
    }

    /**
     * The Metropolis kernel's rows, {@code x,accept}: the same bytes as the general loop, with the writer's
     * state in locals (the formatter's call would otherwise force every field back to memory per row).
     */
    private void writeValueAndFlag(double[] xs, byte[] flags, int n) throws IOException {
        final byte[] b = buf;
        int row = 0;
        while (row < n) {
            int end = fit(row, n, 2 * (MAX_DOUBLE_CHARS + 1));
            int p = pos;
            int lastAt = lastStart;
            int lastLen = lastLength;
            long last = lastBits;
            for (; row < end; row++) {
                double x = xs[row];
                long bits = Double.doubleToRawLongBits(x);
                if (lastAt >= 0 && bits == last) {
                    copySpelling(b, lastAt, p);
                } else {
                    // ShortestDouble.write's pieces, for C2 to inline each one here (see ShortestDouble.write)
                    int e;
                    if (ShortestDouble.isNormal(bits)) {
                        b[p] = '-';
                        e = ShortestDouble.layoutPadded(ShortestDouble.digits(bits), ShortestDouble.exponent(bits), b,
                                p + (int) (bits >>> 63));
                    } else {
                        e = ShortestDouble.writeSpecial(x, bits, b, p);
                    }
                    lastLen = e - p;
                    last = bits;
                }
                lastAt = p;
                p += lastLen;
                int f = flags[row];
                if (f >= 0 && f < 10) { // ",f\n" in one store; the fourth byte is scratch, within the row's room
                    INTS.set(b, p, ROW_END | f << 8);
                    p += 3;
                } else {
                    pos = p;
                    buf[pos++] = ',';
                    putInt(f);
                    buf[pos++] = '\n';
                    p = pos;
                }
            }
            pos = p;
            lastStart = lastAt;
            lastLength = lastLen;
            lastBits = last;
        }
    }

    /**
     * Makes room for at least one row and returns the end of the rows from {@code row} that fit without
     * another check, each taking at most {@code rowMax} bytes.
     */
    private int fit(int row, int n, int rowMax) throws IOException {
        ensure(rowMax);
        return (int) Math.min(n, row + (long) (buf.length - pos) / rowMax);
    }

    /** Writes out everything buffered. */
    public void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        lastStart = -1;
        out.flush();
    }

    private void putDouble(double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (lastStart >= 0 && bits == lastBits) {
            copySpelling(buf, lastStart, pos);
        } else {
            lastLength = ShortestDouble.write(v, buf, pos) - pos;
            lastBits = bits;
        }
        lastStart = pos;
        pos += lastLength;
    }

    /**
     * Copies a spelling (at most {@code MAX_LENGTH} = 24 bytes) from {@code from < to} as three 8-byte
     * words, all read before any is written, since the areas may overlap; the bytes after the spelling,
     * up to {@code to + 24}, get scratch, which the row's room allows for. Cheaper than arraycopy's call.
     */
    private static void copySpelling(byte[] b, int from, int to) {
        long w0 = (long) LONGS.get(b, from);
        long w1 = (long) LONGS.get(b, from + 8);
        long w2 = (long) LONGS.get(b, from + 16);
        LONGS.set(b, to, w0);
        LONGS.set(b, to + 8, w1);
        LONGS.set(b, to + 16, w2);
    }

    /** A byte column's value, {@code -128..127}. */
    private void putInt(int v) {
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        if (v >= 100) {
            buf[pos++] = '1';
            v -= 100;
            buf[pos++] = (byte) ('0' + v / 10);
        } else if (v >= 10) {
            buf[pos++] = (byte) ('0' + v / 10);
        }
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private void ensure(int room) throws IOException {
        if (pos + room > buf.length) {
            out.write(buf, 0, pos);
            pos = 0;
            lastStart = -1; // its bytes are gone
        }
    }
}
