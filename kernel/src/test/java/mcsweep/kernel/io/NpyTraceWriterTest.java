package mcsweep.kernel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcsweep.kernel.Block;
import mcsweep.kernel.Column;
import mcsweep.kernel.MetropolisKernel;
import mcsweep.kernel.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTraceWriterTest {

    private static final List<Column> COLUMNS = List.of(Column.f64("x"), Column.i8("accept"));

    @TempDir
    Path dir;

    /** A minimal reader of what NpyTraceWriter writes: version 1.0, 1-d structured arrays. */
    record Npy(String descr, long rows, List<double[]> f64, byte[] i8, int headerBytes) {

        static Npy read(byte[] b) {
            assertThat(b[0] & 0xFF).isEqualTo(0x93);
            assertThat(new String(b, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
            assertThat(b[6]).as("major version").isEqualTo((byte) 1);
            assertThat(b[7]).as("minor version").isEqualTo((byte) 0);
            int headerLen = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
            int dataStart = 10 + headerLen;
            assertThat(dataStart % 64).as("data aligned to 64 bytes").isZero();
            String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
            assertThat(header).endsWith("\n");
            Matcher m = Pattern.compile("\\{'descr': (\\[.*]), 'fortran_order': False, 'shape': \\((\\d+),\\), } *\\n")
                    .matcher(header);
            assertThat(m.matches()).as(header).isTrue();
            long rows = Long.parseLong(m.group(2));
            // the built-in layout: x <f8, accept |u1, packed
            ByteBuffer data = ByteBuffer.wrap(b, dataStart, b.length - dataStart).slice().order(ByteOrder.LITTLE_ENDIAN);
            assertThat((long) data.remaining()).isEqualTo(rows * 9);
            double[] x = new double[(int) rows];
            byte[] a = new byte[(int) rows];
            for (int i = 0; i < rows; i++) {
                x[i] = data.getDouble(i * 9);
                a[i] = data.get(i * 9 + 8);
            }
            return new Npy(m.group(1), rows, List.of(x), a, dataStart);
        }
    }

    @Test
    void theHeaderIsFormat10WithTheKernelsColumnsAndTheRecordsArePackedLittleEndian() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NpyTraceWriter w = new NpyTraceWriter(bytes, 3);
        w.begin(COLUMNS);
        Block block = new Block(COLUMNS, 2);
        block.f64(0)[0] = -0.0;
        block.f64(0)[1] = Double.MIN_VALUE;
        block.i8(1)[0] = 1;
        block.i8(1)[1] = 0;
        block.length(2);
        w.write(block);
        block.f64(0)[0] = 1.0 / 3;
        block.i8(1)[0] = 1;
        block.length(1);
        w.write(block);
        w.finish();

        Npy npy = Npy.read(bytes.toByteArray());
        assertThat(npy.descr()).isEqualTo("[('x', '<f8'), ('accept', '|u1')]");
        assertThat(npy.rows()).isEqualTo(3);
        assertThat(npy.headerBytes()).isEqualTo(64 + 64); // 10 + dict + padding, rounded up to 64
        assertThat(Double.doubleToRawLongBits(npy.f64().get(0)[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(npy.f64().get(0)[1]).isEqualTo(Double.MIN_VALUE);
        assertThat(npy.f64().get(0)[2]).isEqualTo(1.0 / 3);
        assertThat(npy.i8()).containsExactly(1, 0, 1);
    }

    /** Trace files are written without a stream buffer: the header must not cost a write of its own. */
    @Test
    void theHeaderReachesTheStreamWithTheRowsInOneWrite() throws Exception {
        List<Integer> writes = new java.util.ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                writes.add(len);
                super.write(b, off, len);
            }

            @Override
            public synchronized void write(int b) {
                writes.add(1);
                super.write(b);
            }
        };
        NpyTraceWriter w = new NpyTraceWriter(bytes, 2);
        w.begin(COLUMNS);
        Block block = new Block(COLUMNS, 2);
        block.length(2);
        w.write(block);
        w.finish();
        assertThat(writes).containsExactly(128 + 2 * 9);
        assertThat(Npy.read(bytes.toByteArray()).rows()).isEqualTo(2);
    }

    @Test
    void aKernelWritingOtherThanTheAnnouncedRowsFailsInsteadOfLeavingAnUnloadableFile() throws Exception {
        NpyTraceWriter fewer = new NpyTraceWriter(new ByteArrayOutputStream(), 5);
        fewer.begin(COLUMNS);
        Block block = new Block(COLUMNS, 4);
        block.length(4);
        fewer.write(block);
        assertThatThrownBy(fewer::finish).isInstanceOf(IOException.class).hasMessageContaining("wrote 4 rows")
                .hasMessageContaining("announced 5");

        NpyTraceWriter more = new NpyTraceWriter(new ByteArrayOutputStream(), 3);
        more.begin(COLUMNS);
        assertThatThrownBy(() -> more.write(block)).isInstanceOf(IOException.class).hasMessageContaining("more than the 3");
    }

    @Test
    void theNpyValuesEqualTheCsvValuesBitForBit() throws Exception {
        long n = 30_000; // several blocks and several of the writer's buffers
        Path csv = dir.resolve("t.csv");
        Path npyFile = dir.resolve("t.npy");
        writeTrace(csv, n, false);
        writeTrace(npyFile, n, true);

        Npy npy = Npy.read(Files.readAllBytes(npyFile));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize((int) n + 1);
        assertThat(npy.rows()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(Double.doubleToRawLongBits(npy.f64().get(0)[i]))
                    .as("row %d", i).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(cells[0])));
            assertThat(npy.i8()[i]).as("row %d", i).isEqualTo(Byte.parseByte(cells[1]));
        }
    }

    @Test
    void numpyLoadReadsItWithNoArgumentsAndGetsTheCsvValues() throws Exception {
        String python = pythonWithNumpy();
        assumeThat(python).as("python3 with numpy is not installed; the test's own reader covers the format").isNotNull();
        long n = 20_000;
        Path csv = dir.resolve("t.csv");
        Path npyFile = dir.resolve("t.npy");
        writeTrace(csv, n, false);
        writeTrace(npyFile, n, true);
        String script = String.join("\n",
                "import sys, numpy as np",
                "a = np.load(sys.argv[1])",
                "c = np.loadtxt(sys.argv[2], delimiter=',', skiprows=1)",
                "assert a.dtype.names == ('x', 'accept'), a.dtype",
                "assert a.dtype['x'] == np.dtype('<f8') and a.dtype['accept'] == np.dtype('u1'), a.dtype",
                "assert a.shape == (c.shape[0],), a.shape",
                "assert (a['x'].view(np.int64) == c[:, 0].view(np.int64)).all()",
                "assert (a['accept'] == c[:, 1]).all()",
                "print('ok', a.shape[0])");
        Process p = new ProcessBuilder(python, "-c", script, npyFile.toString(), csv.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.strip()).isEqualTo("ok " + n);
    }

    private static void writeTrace(Path file, long n, boolean npy) throws Exception {
        MetropolisKernel k = new MetropolisKernel();
        var rng = Seeds.generator(Seeds.DEFAULT_ALGORITHM, 1234);
        AtomicFile.write(file, false, out -> {
            if (npy) {
                NpyTraceWriter w = new NpyTraceWriter(out, n);
                k.run(new double[] {1.0, 1.0, 0.7}, n, rng, w);
                w.finish();
            } else {
                CsvTraceWriter w = new CsvTraceWriter(out);
                k.run(new double[] {1.0, 1.0, 0.7}, n, rng, w);
                w.flush();
            }
        });
    }

    /** The real interpreter (python3 on the PATH may be a slow shim) if it has numpy, else null. */
    static String pythonWithNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys, numpy; print(sys.executable)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out.isEmpty() ? "python3" : out.lines().reduce((a, b) -> b).orElse("python3");
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
