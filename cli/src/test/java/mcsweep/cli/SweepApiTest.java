package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import mcsweep.executors.sweep.Sweep;
import mcsweep.executors.sweep.SweepResult;
import mcsweep.executors.sweep.TaskSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line is a layer over the Java sweep API: the same sweep gives the same tasks, files and values. */
class SweepApiTest {

    @TempDir
    Path dir;

    @Test
    void theApisSummariesAreTheCommandLinesSummaryCsvAndItsTracesTheSameBytes() throws Exception {
        Path cliOut = dir.resolve("cli");
        Path apiOut = dir.resolve("api");
        Cli r = Cli.run("sweep", "--zip", "--beta", "0.5,1,2", "--x0", "0.5,1,1", "--h", "1", "--replicas", "2",
                "--iterations", "3000", "--seed", "7", "-e", "forkjoin", "-j", "2", "-q", "--out", cliOut.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        SweepResult api = Sweep.builder("metropolis").values("beta", 0.5, 1, 2).values("x0", 0.5, 1, 1)
                .values("h", 1).zip().replicas(2).iterations(3000).seed(7).out(apiOut)
                .executor("sequential").build().run();

        List<CsvRecord> rows;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(cliOut.resolve("summary.csv"))) {
            rows = reader.stream().toList();
        }
        List<String> header = rows.get(0).getFields();
        List<String> summaryNames = header.subList(header.indexOf("status") + 1, header.indexOf("error"));
        assertThat(summaryNames).contains("mean_x2", "acceptance");
        assertThat(api.tasks()).hasSize(rows.size() - 1).hasSize(6);
        for (TaskSummary t : api.tasks()) {
            CsvRecord row = rows.get(t.index() + 1);
            assertThat(row.getField(header.indexOf("index"))).isEqualTo(Integer.toString(t.index()));
            for (String p : List.of("x0", "h", "beta")) {
                assertThat(Double.parseDouble(row.getField(header.indexOf(p)))).isEqualTo(t.parameters().get(p));
            }
            assertThat(row.getField(header.indexOf("replica"))).isEqualTo(Integer.toString(t.replica()));
            assertThat(row.getField(header.indexOf("seed"))).isEqualTo(Long.toString(t.seed()));
            assertThat(row.getField(header.indexOf("file"))).isEqualTo(t.file().getFileName().toString());
            assertThat(row.getField(header.indexOf("status"))).isEqualTo("ok");
            for (String name : summaryNames) {
                assertThat(Double.parseDouble(row.getField(header.indexOf(name)))).as(name).isEqualTo(t.get(name));
            }
            assertThat(Files.mismatch(t.file(), cliOut.resolve(t.file().getFileName()))).isEqualTo(-1L);
        }
    }

    @Test
    void badInputFromTheApiIsTheCommandLinesOneLineErrorWithExitCode2() {
        Cli r = Cli.run("sweep", "--beta", "1", "--x0", "1", "--h", "1", "--iterations", "0",
                "--out", dir.resolve("bad").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("mcsweep: --iterations: 0 is out of range; iterations must be an integer >= 1"
                + System.lineSeparator());
        assertThat(dir.resolve("bad")).doesNotExist();
    }
}
