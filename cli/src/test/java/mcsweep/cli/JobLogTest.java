package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import mcsweep.kernel.Kernels;
import mcsweep.kernel.MetropolisKernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobLogTest {

    @TempDir
    Path dir;

    private final mcsweep.kernel.Kernel kernel = Kernels.byName(MetropolisKernel.NAME);

    private JobLog.Entry ok(int index, String file) {
        double[] summary = new double[kernel.summaryNames().size()];
        for (int i = 0; i < summary.length; i++) {
            summary[i] = index + i / 3.0 + 1e-5;
        }
        return new JobLog.Entry(index, List.of("1.0", "0.5", "1e-05"), 0, -42L * index, "host", "forkjoin",
                "ForkJoinPool-1-worker-1", "2026-11-26T12:00:00Z", "0.125", JobLog.OK, 1, file,
                "0123456789abcdef", summary, "");
    }

    private JobLog.Entry failed(int index, String error) {
        return new JobLog.Entry(index, List.of("1.0", "0.5", "2.0"), 1, 7, "host", "pool", "", "2026-11-26T12:00:00Z",
                "", JobLog.FAILED, 3, "f.csv", "", null, error);
    }

    @Test
    void entriesRoundTripExactlyIncludingAwkwardTextAndEveryDouble() throws Exception {
        Path file = dir.resolve(JobLog.FILE);
        try (JobLog log = JobLog.open(file, kernel, true)) {
            log.append(ok(0, "b0.5\tx.csv"));
            log.append(failed(1, "IOException: disk full\nsecond line \\ with backslash"));
        }
        List<JobLog.Entry> read = JobLog.read(file, kernel);
        assertThat(read).hasSize(2);
        assertThat(read.get(0).file()).isEqualTo("b0.5\tx.csv");
        assertThat(read.get(0).summary()).containsExactly(ok(0, "").summary());
        assertThat(read.get(0).seed()).isZero();
        assertThat(read.get(1).error()).isEqualTo("IOException: disk full\nsecond line \\ with backslash");
        assertThat(read.get(1).summary()).isNull();
        assertThat(read.get(1).attempts()).isEqualTo(3);
        // one line per entry plus the header, whatever the fields held
        assertThat(Files.readAllLines(file)).hasSize(3);
        assertThat(Files.readAllLines(file).get(0)).startsWith("index\tx0\th\tbeta\treplica\tseed\thost\texecutor\t")
                .contains("\tfile\txxh64\titerations\t").endsWith("\terror");
    }

    @Test
    void aTornLastLineIsIgnoredOnReadAndCutOffBeforeAppending() throws Exception {
        Path file = dir.resolve(JobLog.FILE);
        try (JobLog log = JobLog.open(file, kernel, true)) {
            log.append(ok(0, "a.csv"));
            log.append(ok(1, "b.csv"));
        }
        String whole = Files.readString(file);
        // a crash in the middle of the third line's write
        String third = JobLog.format(ok(2, "c.csv"), kernel.summaryNames().size());
        Files.writeString(file, third.substring(0, third.length() / 2), StandardOpenOption.APPEND);

        assertThat(JobLog.read(file, kernel)).extracting(JobLog.Entry::index).containsExactly(0, 1);

        try (JobLog log = JobLog.open(file, kernel, false)) {
            log.append(ok(3, "d.csv"));
        }
        assertThat(Files.readString(file)).startsWith(whole);
        assertThat(JobLog.read(file, kernel)).extracting(JobLog.Entry::index).containsExactly(0, 1, 3);
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsIsSkippedAndTheLastEntryOfATaskWins() throws Exception {
        Path file = dir.resolve(JobLog.FILE);
        try (JobLog log = JobLog.open(file, kernel, true)) {
            log.append(failed(4, "boom"));
        }
        Files.writeString(file, "garbage\tline\n", StandardOpenOption.APPEND);
        try (JobLog log = JobLog.open(file, kernel, false)) {
            log.append(ok(4, "e.csv"));
        }
        List<JobLog.Entry> read = JobLog.read(file, kernel);
        assertThat(read).hasSize(2);
        assertThat(JobLog.latest(read).get(4).ok()).isTrue();
    }

    @Test
    void aFreshLogReplacesAnOldOneAndAnotherKernelsLogIsRefused() throws Exception {
        Path file = dir.resolve(JobLog.FILE);
        try (JobLog log = JobLog.open(file, kernel, true)) {
            log.append(ok(0, "a.csv"));
        }
        JobLog.open(file, kernel, true).close();
        assertThat(JobLog.read(file, kernel)).isEmpty();

        Files.writeString(file, "index\tother\theader\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JobLog.read(file, kernel)).isInstanceOf(IOException.class)
                .hasMessageContaining("header differs");
    }

    @Test
    void theChecksumIsXxh64AsXxhsumPrintsIt() throws Exception {
        // reference values of XXH64 with seed 0 (xxhsum -H1)
        assertThat(Checksums.of(new byte[0])).isEqualTo("ef46db3751d8e999");
        assertThat(Checksums.of("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo("44bc2cf5ad770999");
        Path f = dir.resolve("f");
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + 7);
        }
        Files.write(f, big);
        assertThat(Checksums.of(f)).isEqualTo(Checksums.of(big)); // streaming over 64 KiB reads = one shot
        big[123_456] ^= 1;
        assertThat(Checksums.of(big)).isNotEqualTo(Checksums.of(f));
    }
}
