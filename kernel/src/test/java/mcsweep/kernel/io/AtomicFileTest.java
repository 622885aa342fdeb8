package mcsweep.kernel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    /** The trace writers' way: the file's own stream (no second buffer), same whole-or-nothing rules. */
    @Test
    void writingInChunksHandsOverTheFileStreamAndIsStillWholeOrNothing() throws Exception {
        Path f = dir.resolve("t.csv");
        AtomicFile.Staged staged = AtomicFile.stage(f);
        AtomicFile.writeStagedInChunks(staged.path(), out -> {
            assertThat(out).isInstanceOf(java.io.FileOutputStream.class);
            out.write("x,accept\n".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(f).doesNotExist();
        staged.commit();
        assertThat(f).hasContent("x,accept");

        AtomicFile.Staged failed = AtomicFile.stage(f);
        assertThatThrownBy(() -> AtomicFile.writeStagedInChunks(failed.path(), out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk on fire");
        })).hasMessage("disk on fire");
        assertThat(f).hasContent("x,accept");
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactly(f);
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

    @Test
    void twoConcurrentWritersOfOneTargetNeverProduceAMixedFile() throws Exception {
        Path f = dir.resolve("d.csv");
        byte[] a = "a".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        byte[] b = "b".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 5; round++) {
            // Both writers are half-way through their files at once: a shared temporary name would mix them.
            CyclicBarrier halfway = new CyclicBarrier(2);
            java.util.concurrent.Executor threads = r -> Thread.ofPlatform().start(r);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> write(f, a, halfway), threads);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> write(f, b, halfway), threads);
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
            assertThat(Files.readAllBytes(f)).satisfiesAnyOf(c -> assertThat(c).isEqualTo(a),
                    c -> assertThat(c).isEqualTo(b));
            try (var s = Files.list(dir)) {
                assertThat(s).containsExactly(f);
            }
        }
    }

    private static void write(Path f, byte[] content, CyclicBarrier halfway) {
        try {
            AtomicFile.write(f, false, out -> {
                out.write(content, 0, content.length / 2);
                out.flush();
                try {
                    halfway.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IOException(e);
                }
                out.write(content, content.length / 2, content.length - content.length / 2);
            });
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void temporaryNamesAreUniqueAndRecognisable() {
        Path t1 = AtomicFile.tempFor(dir.resolve("e.csv"));
        Path t2 = AtomicFile.tempFor(dir.resolve("e.csv"));
        assertThat(t1).isNotEqualTo(t2);
        assertThat(t1.getParent()).isEqualTo(dir);
        assertThat(t1.getFileName().toString()).startsWith(".e.csv." + ProcessHandle.current().pid() + "-")
                .endsWith(".tmp");
        assertThat(AtomicFile.isTemporary(t1)).isTrue();
        assertThat(dir.getFileSystem().getPathMatcher("glob:" + AtomicFile.TEMP_GLOB).matches(t1.getFileName()))
                .isTrue();
        assertThat(AtomicFile.isTemporary(dir.resolve("e.csv"))).isFalse();
        assertThat(AtomicFile.isTemporary(dir.resolve(".e.csv.tmp"))).isFalse();
        assertThat(AtomicFile.isTemporary(dir.resolve("e.csv.12-3.tmp"))).as("not hidden").isFalse();
    }

    @Test
    void writesThroughASymbolicLinkAndKeepsTheLink() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
        AtomicFile.write(link, false, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactlyInAnyOrder(real, link);
        }
    }

    @Test
    void refusesADanglingLinkAndADirectoryAndLeavesThemAlone() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("nowhere.csv"));
        assertThatThrownBy(() -> AtomicFile.write(link, false, out -> out.write(1)))
                .isInstanceOf(IOException.class).hasMessageContaining("symbolic link to a missing file");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> AtomicFile.write(sub, false, out -> out.write(1)))
                .isInstanceOf(IOException.class).hasMessageContaining("is a directory");
        assertThat(sub).isDirectory();
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactlyInAnyOrder(link, sub);
        }
    }

    @Test
    @Timeout(30)
    void writesThroughAFifoInsteadOfReplacingIt() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, r -> Thread.ofPlatform().start(r));
        AtomicFile.write(fifo, true, out -> out.write("through the pipe\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(new String(read.get(20, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("through the pipe\n");
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as("still a FIFO").isFalse();
        assertThat(Files.exists(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactly(fifo);
        }
    }

    @Test
    void aStagedFileAppearsOnlyWhenCommitted() throws Exception {
        Path f = dir.resolve("g.csv");
        AtomicFile.Staged s = AtomicFile.stage(f);
        AtomicFile.writeStaged(s.path(), false, out -> out.write("x".getBytes(StandardCharsets.UTF_8)));
        assertThat(f).doesNotExist();
        s.discard();
        try (var l = Files.list(dir)) {
            assertThat(l).isEmpty();
        }
        AtomicFile.Staged t = AtomicFile.stage(f);
        AtomicFile.writeStaged(t.path(), false, out -> out.write("y".getBytes(StandardCharsets.UTF_8)));
        t.commit();
        assertThat(f).hasContent("y");
    }
}
