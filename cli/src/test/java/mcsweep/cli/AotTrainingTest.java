package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import mcsweep.cli.daemon.HandOverTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotTrainingTest {

    @Test
    void everyTrainingCommandEndsWithTheExitCodeItShould(@TempDir Path dir) throws IOException {
        // If an option is renamed, the training run would quietly train less (the launcher discards its output).
        assertThat(AotTraining.train(dir, 5)).isEmpty();

        assertThat(dir.resolve("forkjoin").resolve("summary.csv")).isRegularFile();
        try (var traces = Files.list(dir.resolve("threads"))) {
            assertThat(traces.filter(p -> p.toString().endsWith(".csv"))).hasSize(324 + 1); // and summary.csv
        }
        assertThat(dir.resolve("run.csv")).isRegularFile();
    }

    @Test
    void theHandOverTrainingCompletesARoundTrip(@TempDir Path dir) throws IOException {
        // The launcher's cache for commands a daemon serves is recorded from this alone (AotTraining hand-over).
        assertThat(HandOverTraining.roundTrip(dir.resolve("daemon"))).isNull();
    }

    @Test
    void theHelpAndVersionTrainingEndsAsItShould() {
        // The launcher's cache for help and version is recorded from these commands alone (AotTraining info).
        assertThat(AotTraining.trainInfo()).isEmpty();
    }
}
