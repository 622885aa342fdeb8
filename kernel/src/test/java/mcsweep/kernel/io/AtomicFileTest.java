package mcsweep.kernel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesTheWholeFileAndLeavesNoTemporary() throws Exception {
        Path f = dir.resolve("a.csv");
        AtomicFile.write(f, true, out -> out.write("hello\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(f).hasContent("hello");
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactly(f);
        }
    }

    @Test
    void aFailingWriterLeavesNeitherTheFileNorATemporary() throws Exception {
        Path f = dir.resolve("b.csv");
        assertThatThrownBy(() -> AtomicFile.write(f, false, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk on fire");
        })).hasMessage("disk on fire");
        assertThatThrownBy(() -> AtomicFile.write(f, false, out -> {
            throw new InterruptedException();
        })).isInstanceOf(InterruptedException.class);
        try (var s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void replacesAnOldFileOnlyWhenTheNewOneIsComplete() throws Exception {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "old");
        assertThatThrownBy(() -> AtomicFile.write(f, false, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("stop");
        }));
        assertThat(f).hasContent("old");
        AtomicFile.write(f, false, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(f).hasContent("new");
    }
}
