package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import mcsweep.executors.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFolderTest {

    @TempDir
    Path dir;

    @Test
    void recognisesBothTemporaryNameForms() {
        assertThat(SweepFolder.isTempOf(".b1.0_m1.0.csv.tmp", "b1.0_m1.0.csv")).isTrue();
        assertThat(SweepFolder.isTempOf(".b1.0_m1.0.csv.3f9a.tmp", "b1.0_m1.0.csv")).isTrue();
        assertThat(SweepFolder.isTempOf("b1.0_m1.0.csv.tmp", "b1.0_m1.0.csv")).isFalse();
        assertThat(SweepFolder.isTempOf(".b1.0_m1.0.csv", "b1.0_m1.0.csv")).isFalse();
        assertThat(SweepFolder.isTempOf(".other.csv.tmp", "b1.0_m1.0.csv")).isFalse();
    }

    @Test
    void cleansOnlyTheTemporaryFilesOfThisSweepsFiles() throws Exception {
        Task t = new Task(0, "metropolis", new double[] {1, 1, 1}, 10, 0, 1, "L64X128MixRandom", dir.resolve("b1.0.csv"));
        for (String f : List.of(".b1.0.csv.tmp", ".b1.0.csv.worker-7.tmp", ".summary.csv.tmp", ".joblog.tsv.tmp",
                ".notours.csv.tmp", "b1.0.csv", "notes.txt", ".hidden")) {
            Files.writeString(dir.resolve(f), f);
        }
        List<String> deleted = SweepFolder.cleanLeftovers(dir, List.of(t), List.of("summary.csv", "joblog.tsv"));
        assertThat(deleted).containsExactlyInAnyOrder(".b1.0.csv.tmp", ".b1.0.csv.worker-7.tmp", ".summary.csv.tmp",
                ".joblog.tsv.tmp");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".notours.csv.tmp", "b1.0.csv",
                    "notes.txt", ".hidden");
        }
    }
}
