package mcsweep.kernel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import mcsweep.kernel.Block;
import mcsweep.kernel.Column;
import org.junit.jupiter.api.Test;

class CsvTraceWriterTest {

    private static final List<Column> COLUMNS = List.of(Column.f64("x"), Column.i8("accept"));

    @Test
    void everyDoubleParsesBackToTheIdenticalValue() throws Exception {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            1e-5, 1e-4, 0.1, 1.0 / 3, 1e16, 123456789.123456789, Math.nextUp(1.0), Math.nextDown(1.0)};
        SplittableRandom r = new SplittableRandom(1);
        int n = 50_000;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i < special.length ? special[i]
                    : i % 3 == 0 ? Double.longBitsToDouble(r.nextLong()) // any bit pattern
                    : r.nextGaussian() * Math.pow(10, r.nextInt(-20, 20));
            if (!Double.isFinite(values[i])) {
                values[i] = i;
            }
        }
        Block block = new Block(COLUMNS, 4096);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvTraceWriter w = new CsvTraceWriter(bytes);
        w.begin(COLUMNS);
        for (int start = 0; start < n; start += block.capacity()) {
            int len = Math.min(block.capacity(), n - start);
            for (int i = 0; i < len; i++) {
                block.f64(0)[i] = values[start + i];
                block.i8(1)[i] = (byte) ((start + i) % 2);
            }
            block.length(len);
            w.write(block);
        }
        w.flush();

        String[] lines = bytes.toString(StandardCharsets.US_ASCII).split("\n", -1);
        assertThat(lines[0]).isEqualTo("x,accept");
        assertThat(lines).hasSize(n + 2); // header, n rows, empty string after the last newline
        assertThat(lines[n + 1]).isEmpty();
        for (int i = 0; i < n; i++) {
            String[] cells = lines[i + 1].split(",");
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(cells[0])))
                    .as("row %d", i).isEqualTo(Double.doubleToRawLongBits(values[i]));
            assertThat(cells[1]).isEqualTo(i % 2 == 0 ? "0" : "1");
        }
    }

    @Test
    void aRepeatedValueIsSpelledTheSameAsItsFirstOccurrence() throws Exception {
        Block block = new Block(COLUMNS, 8);
        double[] xs = {0.1, 0.1, 0.30000000000000004, 0.30000000000000004, -0.0, 0.0};
        for (int i = 0; i < xs.length; i++) {
            block.f64(0)[i] = xs[i];
            block.i8(1)[i] = 1;
        }
        block.length(xs.length);
        assertThat(csvOf(block)).isEqualTo(
                "x,accept\n0.1,1\n0.1,1\n0.30000000000000004,1\n0.30000000000000004,1\n-0.0,1\n0.0,1\n");
    }

    /** The CSV of one block of x,accept rows. */
    private static String csvOf(Block block) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvTraceWriter w = new CsvTraceWriter(bytes);
        w.begin(COLUMNS);
        w.write(block);
        w.flush();
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** The spelling of every value is Double.toString's, byte for byte, also across buffer flushes. */
    @Test
    void rowsAreByteIdenticalToDoubleToStringSpelling() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        int n = 200_000; // several 64 KiB buffers
        double[] values = new double[n];
        StringBuilder expected = new StringBuilder("x,accept\n");
        for (int i = 0; i < n; i++) {
            // Long runs of repeats, as rejected steps make, some of them across a buffer boundary.
            values[i] = i > 0 && r.nextInt(3) > 0 ? values[i - 1]
                    : i % 5 == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian();
            if (!Double.isFinite(values[i])) {
                values[i] = -i;
            }
            expected.append(values[i]).append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
        }
        Block block = new Block(COLUMNS, 8192);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvTraceWriter w = new CsvTraceWriter(bytes);
        w.begin(COLUMNS);
        for (int start = 0; start < n; start += block.capacity()) {
            int len = Math.min(block.capacity(), n - start);
            for (int i = 0; i < len; i++) {
                block.f64(0)[i] = values[start + i];
                block.i8(1)[i] = (byte) ((start + i) % 3 == 0 ? 1 : 0);
            }
            block.length(len);
            w.write(block);
        }
        w.flush();
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }
    /**
     * The x,accept rows string ShortestDouble's pieces together themselves: every kind of double goes through
     * them, also where the previous row's spelling would be copied.
     */
    @Test
    void specialValuesInValueAndFlagRowsAreSpelledLikeToString() throws Exception {
        double[] values = {Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
            -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 4.9e-322, Double.MIN_NORMAL, -Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, 1e-3, 9.999999999999999e-4, 1e7,
            9999999.999999998, 1.0, 2.0, 0x1p-11, 0x1p50, Math.nextDown(0x1p50), 0x1p-12, 1e23, 5e-324};
        StringBuilder expected = new StringBuilder("x,accept\n");
        Block block = new Block(COLUMNS, values.length);
        for (int i = 0; i < values.length; i++) {
            block.f64(0)[i] = values[i];
            block.i8(1)[i] = (byte) (i % 2);
            expected.append(values[i]).append(',').append(i % 2).append('\n');
        }
        block.length(values.length);
        assertThat(csvOf(block)).isEqualTo(expected.toString());
    }

    /** Any other column layout (here byte, double, double, byte with negative and 3-digit bytes). */
    @Test
    void otherColumnLayoutsAndEveryByteValueAreSpelledLikeToString() throws Exception {
        List<Column> columns = List.of(Column.i8("a"), Column.f64("x"), Column.f64("y"), Column.i8("b"));
        SplittableRandom r = new SplittableRandom(9);
        int n = 30_000;
        Block block = new Block(columns, 1000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvTraceWriter w = new CsvTraceWriter(bytes);
        w.begin(columns);
        StringBuilder expected = new StringBuilder("a,x,y,b\n");
        double x = 0;
        for (int start = 0; start < n; start += block.capacity()) {
            for (int i = 0; i < block.capacity(); i++) {
                byte a = (byte) (start + i); // every byte value, -128 to 127
                x = r.nextBoolean() ? x : r.nextGaussian() * Math.pow(10, r.nextInt(-9, 12));
                double y = r.nextInt(4) == 0 ? x : Double.longBitsToDouble(r.nextLong());
                byte b = (byte) r.nextInt(-128, 128);
                block.i8(0)[i] = a;
                block.f64(1)[i] = x;
                block.f64(2)[i] = y;
                block.i8(3)[i] = b;
                expected.append(a).append(',').append(x).append(',').append(y).append(',').append(b).append('\n');
            }
            block.length(block.capacity());
            w.write(block);
        }
        w.flush();
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    /** The x,accept layout's own loop, with flags other than 0 and 1. */
    @Test
    void aValueAndFlagRowWithAnyByteIsSpelledLikeToString() throws Exception {
        Block block = new Block(COLUMNS, 300);
        StringBuilder expected = new StringBuilder("x,accept\n");
        for (int i = 0; i < 256; i++) {
            double x = i % 3 == 0 ? 1.5 : -i * 1e-4;
            block.f64(0)[i] = x;
            block.i8(1)[i] = (byte) (i - 128);
            expected.append(x).append(',').append(i - 128).append('\n');
        }
        block.length(256);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvTraceWriter w = new CsvTraceWriter(bytes);
        w.begin(COLUMNS);
        w.write(block);
        w.flush();
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }
}
