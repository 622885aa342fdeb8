package mcsweep.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import mcsweep.kernel.Block;
import mcsweep.kernel.Column;
import mcsweep.kernel.TraceSink;

/**
 * The CSV trace writer as it was before {@code ShortestDouble}: each double spelled by
 * {@link Double#toString(double)} (a {@code String} per value), then copied into a byte buffer; a repeated
 * value reuses the previous spelling. Kept as {@link KernelStepBenchmark}'s naive baseline; it writes the
 * same bytes as {@link mcsweep.kernel.io.CsvTraceWriter}.
 */
final class ToStringCsvWriter implements TraceSink {

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private final byte[] lastSpelling = new byte[32];
    private int pos;
    private List<Column> columns;
    private int lastSpellingLength = -1;
    private long lastBits;

    ToStringCsvWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void begin(List<Column> columns) throws IOException {
        this.columns = List.copyOf(columns);
        StringBuilder header = new StringBuilder();
        for (Column c : columns) {
            header.append(header.isEmpty() ? "" : ",").append(c.name());
        }
        byte[] bytes = header.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    @Override
    public void write(Block block) throws IOException {
        int cols = columns.size();
        for (int row = 0; row < block.length(); row++) {
            ensure(cols * 33);
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    buf[pos++] = ',';
                }
                if (columns.get(c).type() == Column.Type.F64) {
                    putDouble(block.f64(c)[row]);
                } else {
                    String s = Integer.toString(block.i8(c)[row]);
                    for (int i = 0; i < s.length(); i++) {
                        buf[pos++] = (byte) s.charAt(i);
                    }
                }
            }
            buf[pos++] = '\n';
        }
    }

    void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        out.flush();
    }

    private void putDouble(double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (lastSpellingLength < 0 || bits != lastBits) {
            String s = Double.toString(v);
            for (int i = 0; i < s.length(); i++) {
                lastSpelling[i] = (byte) s.charAt(i);
            }
            lastSpellingLength = s.length();
            lastBits = bits;
        }
        System.arraycopy(lastSpelling, 0, buf, pos, lastSpellingLength);
        pos += lastSpellingLength;
    }

    private void ensure(int room) throws IOException {
        if (pos + room > buf.length) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
