package mcsweep.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import mcsweep.kernel.Block;
import mcsweep.kernel.Column;
import mcsweep.kernel.TraceSink;

/**
 * The CSV trace writer as it was before the SWAR rewrite (commit bd46c5b), with its formatter
 * {@link LegacyShortestDouble}: the "before" line of {@link KernelStepBenchmark#stepCsvBefore} and
 * {@link KernelBaselineBenchmark#csvRowBefore}. Writes the same bytes as {@link mcsweep.kernel.io.CsvTraceWriter}.
 */
final class LegacyCsvTraceWriter implements TraceSink {

    private static final int BUFFER = 1 << 16;
    private static final int MAX_DOUBLE_CHARS = LegacyShortestDouble.MAX_LENGTH;

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

    LegacyCsvTraceWriter(OutputStream out) {
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
        final int rowMax = cols * (MAX_DOUBLE_CHARS + 1);
        for (int row = 0; row < n; row++) {
            ensure(rowMax);
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

    /** Writes out everything buffered. */
    void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        lastStart = -1;
        out.flush();
    }

    private void putDouble(double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (lastStart >= 0 && bits == lastBits) {
            System.arraycopy(buf, lastStart, buf, pos, lastLength);
        } else {
            lastLength = LegacyShortestDouble.write(v, buf, pos) - pos;
            lastBits = bits;
        }
        lastStart = pos;
        pos += lastLength;
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
            lastStart = -1; // its bytes are gone
        }
    }
}
