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
 * Writes a trace as a NumPy {@code .npy} file, format version 1.0, that {@code numpy.load(path)} reads with
 * no arguments: a one-dimensional structured array with one field per column, {@code <f8} for
 * {@link Column.Type#F64} and {@code |u1} for {@link Column.Type#I8} (the built-in kernel's trace is
 * {@code [('x', '<f8'), ('accept', '|u1')]}), records packed and little-endian, so values are the
 * kernel's doubles bit for bit.
 *
 * <p>The format (numpy.lib.format, version 1.0): the magic {@code \x93NUMPY}, the bytes {@code 1, 0}, a
 * little-endian {@code uint16} header length, then an ASCII Python dict literal with {@code descr},
 * {@code fortran_order} and {@code shape}, padded with spaces and ended by {@code \n} so that the data
 * starts at a multiple of 64 bytes; then the records.
 *
 * <p>The row count is written up front (the stream is not seekable); it must equal the number of rows
 * the kernel writes, which {@link #finish()} checks: a mismatch fails the task instead of leaving a file
 * that numpy would reject. Encodes into its own buffer; the caller owns (and closes) the stream.
 */
public final class NpyTraceWriter implements TraceSink {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGN = 64;
    private static final int BUFFER = 1 << 16;
    private static final VarHandle LE_DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private final OutputStream out;
    private final long rows;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private long written;
    private List<Column> columns;
    private int recordSize;

    /**
     * @param out  where the file's bytes go
     * @param rows the number of rows the kernel will write (one per iteration for the built-in kernel)
     */
    public NpyTraceWriter(OutputStream out, long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0: " + rows);
        }
        this.out = out;
        this.rows = rows;
    }

    /** The header dict for {@code columns} and {@code rows}, unpadded. */
    static String headerDict(List<Column> columns, long rows) {
        StringBuilder d = new StringBuilder("{'descr': [");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            d.append(i == 0 ? "" : ", ").append("('").append(c.name().replace("\\", "\\\\").replace("'", "\\'"))
                    .append("', '").append(c.type() == Column.Type.F64 ? "<f8" : "|u1").append("')");
        }
        return d.append("], 'fortran_order': False, 'shape': (").append(rows).append(",), }").toString();
    }

    @Override
    public void begin(List<Column> columns) throws IOException {
        if (columns.isEmpty()) {
            throw new IOException("an npy trace needs at least one column");
        }
        this.columns = List.copyOf(columns);
        for (Column c : columns) {
            recordSize += c.type() == Column.Type.F64 ? 8 : 1;
            if (!c.name().chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
                throw new IOException("npy column names must be printable ASCII: " + c.name());
            }
        }
        String dict = headerDict(columns, rows);
        int unpadded = MAGIC.length + 2 + dict.length() + 1; // + '\n'
        int total = (unpadded + ALIGN - 1) / ALIGN * ALIGN;
        int headerLen = total - MAGIC.length - 2;
        if (headerLen > 0xFFFF) {
            throw new IOException("npy header too long for format 1.0 (" + headerLen + " bytes)");
        }
        byte[] header = new byte[total];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[MAGIC.length] = (byte) headerLen;
        header[MAGIC.length + 1] = (byte) (headerLen >>> 8);
        byte[] d = dict.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(d, 0, header, MAGIC.length + 2, d.length);
        for (int i = MAGIC.length + 2 + d.length; i < total - 1; i++) {
            header[i] = ' ';
        }
        header[total - 1] = '\n';
        if (total <= buf.length - pos) { // with the first rows: one write, the stream may be unbuffered
            System.arraycopy(header, 0, buf, pos, total);
            pos += total;
        } else {
            drain();
            out.write(header);
        }
    }

    @Override
    public void write(Block block) throws IOException {
        if (columns == null) {
            throw new IllegalStateException("begin() was not called");
        }
        final int n = block.length();
        if (written + n > rows) {
            throw new IOException("the kernel wrote more than the " + rows + " rows the npy header announced");
        }
        final int cols = columns.size();
        final int perFlush = BUFFER / recordSize;
        for (int start = 0; start < n; start += perFlush) {
            int end = Math.min(n, start + perFlush);
            if (pos + (end - start) * recordSize > buf.length) {
                drain();
            }
            // Column by column over a run of rows: each inner loop is a plain strided store.
            int offset = 0;
            for (int c = 0; c < cols; c++) {
                int p = pos + offset;
                if (columns.get(c).type() == Column.Type.F64) {
                    double[] v = block.f64(c);
                    for (int r = start; r < end; r++, p += recordSize) {
                        LE_DOUBLE.set(buf, p, v[r]);
                    }
                    offset += 8;
                } else {
                    byte[] v = block.i8(c);
                    for (int r = start; r < end; r++, p += recordSize) {
                        buf[p] = v[r];
                    }
                    offset += 1;
                }
            }
            pos += (end - start) * recordSize;
        }
        written += n;
    }

    /**
     * Writes out everything buffered and checks that the kernel wrote the announced number of rows.
     *
     * @throws IOException if it did not (the file would not load)
     */
    public void finish() throws IOException {
        drain();
        out.flush();
        if (written != rows) {
            throw new IOException("the kernel wrote " + written + " rows, the npy header announced " + rows);
        }
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }
}
