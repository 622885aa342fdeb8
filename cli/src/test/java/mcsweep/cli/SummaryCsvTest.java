package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.csv is a real CSV (issue 9 #4): quoted where needed, integers as integers, one number spelling. */
class SummaryCsvTest {

    @TempDir
    Path dir;

    private static List<CsvRecord> read(Path f) throws Exception {
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(f)) {
            return r.stream().toList();
        }
    }

    @Test
    void fileNamesWithCommasAndQuotesStayInTheirColumn() throws Exception {
        Path out = dir.resolve("o");
        Cli r = Cli.run("sweep", "--beta", "0.0001,1", "--x0", "1", "--h", "1", "--iterations", "100000", "-q",
                "--template", "b{beta},\"x\".csv", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<CsvRecord> rows = read(out.resolve("summary.csv"));
        assertThat(rows).hasSize(3);
        List<String> header = rows.get(0).getFields();
        for (CsvRecord row : rows) {
            assertThat(row.getFieldCount()).isEqualTo(header.size());
        }
        CsvRecord first = rows.get(1);
        assertThat(first.getField(header.indexOf("file"))).isEqualTo("b0.0001,\"x\".csv");
        assertThat(Files.exists(out.resolve(first.getField(header.indexOf("file"))))).isTrue();
        // numbers spelt as in file names; counts as integers
        assertThat(first.getField(header.indexOf("beta"))).isEqualTo("0.0001");
        assertThat(first.getField(header.indexOf("iterations"))).isEqualTo("100000");
        assertThat(first.getField(header.indexOf("status"))).isEqualTo("ok");
        assertThat(header).doesNotContain("wall_ms"); // timings are in the job log: the summary is reproducible
        // the rest of the row round-trips to doubles
        for (String name : List.of("acceptance", "mean_x", "mean_x2_err", "exact_x2")) {
            assertThat(Double.parseDouble(first.getField(header.indexOf(name)))).isFinite();
        }
    }

    @Test
    void theSummaryIsTheSameBytesWhateverTheExecutor() throws Exception {
        String[] grid = {"sweep", "--beta", "0.5,1,2", "--x0", "0.5,1", "--h", "1", "--iterations", "3000", "-q",
            "--format", "none"};
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(Cli.run(concat(grid, "--out", a.toString(), "-e", "sequential")).exitCode()).isZero();
        assertThat(Cli.run(concat(grid, "--out", b.toString(), "-e", "threads", "-j", "2")).exitCode()).isZero();
        assertThat(Files.mismatch(a.resolve("summary.csv"), b.resolve("summary.csv"))).isEqualTo(-1);
    }

    private static String[] concat(String[] a, String... b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }
}
