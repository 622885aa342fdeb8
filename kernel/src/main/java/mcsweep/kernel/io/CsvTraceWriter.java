package mcsweep.kernel.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import mcsweep.kernel.Block;
import mcsweep.kernel.Column;
import mcsweep.kernel.TraceSink;

/**
 * Writes a trace as CSV: a header row of column names, then one row per step. Doubles are spelled by
 * {@link Double#toString(double)}, the shortest text that parses back to the identical value (JDK 19+),
 * so a trace read back by Java, Python, numpy or pandas gives the exact doubles the kernel produced.
 *
 * <p>Encodes into its own byte buffer and writes to the stream in large chunks; the caller owns (and
 * closes) the stream, and must call {@link #flush()} at the end.
 */
public final class CsvTraceWriter implements TraceSink {

    private static final int BUFFER = 1 << 16;
    private static final int MAX_DOUBLE_CHARS = 32; // "-1.2345678901234567E-308" is 24

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private List<Column> columns;

    // A rejected Metropolis step repeats the previous state: reuse its spelling instead of formatting
    // it again (Double.toString is most of this writer's cost).
    private final byte[] lastSpelling = new byte[MAX_DOUBLE_CHARS];
    private int lastSpellingLength = -1;
    private long lastBits;

    public CsvTraceWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void begin(List<Column> columns) throws IOException {
        this.columns = List.copyOf(columns);
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
        for (int row = 0; row < n; row++) {
            ensure(cols * (MAX_DOUBLE_CHARS + 1));
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    buf[pos++] = ',';
                }
                if (columns.get(c).type() == Column.Type.F64) {
                    putDouble(block.f64(c)[row]);
                } else {
                    putInt(block.i8(c)[row]);
                }
            }
            buf[pos++] = '\n';
        }
    }

    /** Writes out everything buffered. */
    public void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        out.flush();
    }

    private void putDouble(double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (lastSpellingLength < 0 || bits != lastBits) {
            String s = Double.toString(v);
            int len = s.length();
            for (int i = 0; i < len; i++) {
                lastSpelling[i] = (byte) s.charAt(i); // ASCII only: digits, '.', '-', 'E'
            }
            lastSpellingLength = len;
            lastBits = bits;
        }
        System.arraycopy(lastSpelling, 0, buf, pos, lastSpellingLength);
        pos += lastSpellingLength;
    }

    private void putInt(int v) {
        if (v >= 0 && v < 10) {
            buf[pos++] = (byte) ('0' + v);
        } else {
            String s = Integer.toString(v);
            for (int i = 0; i < s.length(); i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
        }
    }

    private void ensure(int room) throws IOException {
        if (pos + room > buf.length) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
