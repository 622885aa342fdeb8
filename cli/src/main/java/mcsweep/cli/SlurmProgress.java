package mcsweep.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Counts the tasks an array's shards have finished, from their job logs ({@code joblog.K-of-M.tsv} in the
 * shared output folder), reading only what was appended since the last look: a poll costs the new lines,
 * not the whole logs. A task counts when its last line says {@code ok}; a torn last line waits for its end.
 */
final class SlurmProgress {

    private final Path out;
    private final int elements;
    private final long[] offsets;
    private final int[] statusColumn;
    private final BitSet ok = new BitSet();

    SlurmProgress(Path out, int elements) {
        this.out = out;
        this.elements = elements;
        this.offsets = new long[elements];
        this.statusColumn = new int[elements];
        Arrays.fill(statusColumn, -1);
    }

    /** The job log of array element {@code index} (shard {@code index + 1} of {@code elements}). */
    static Path jobLog(Path out, int index, int elements) {
        return out.resolve(JobLog.fileName(new Shard(index + SlurmScript.FIRST_SHARD, elements)));
    }

    /** Reads what the logs gained and returns the number of tasks finished ok. */
    int completed() throws IOException {
        for (int e = 0; e < elements; e++) {
            Path log = jobLog(out, e, elements);
            if (!Files.exists(log)) {
                continue;
            }
            try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
                long length = f.length();
                if (length < offsets[e]) {
                    // rewritten from scratch (a fresh run of the shard): read it again
                    offsets[e] = 0;
                    statusColumn[e] = -1;
                }
                if (length == offsets[e]) {
                    continue;
                }
                byte[] bytes = new byte[(int) Math.min(length - offsets[e], 1 << 24)];
                f.seek(offsets[e]);
                f.readFully(bytes);
                int end = lastNewline(bytes);
                if (end < 0) {
                    continue;
                }
                offsets[e] += end + 1;
                read(e, new String(bytes, 0, end, StandardCharsets.UTF_8));
            }
        }
        return ok.cardinality();
    }

    private void read(int element, String lines) {
        for (String line : lines.split("\n")) {
            List<String> f = List.of(line.split("\t", -1));
            if (statusColumn[element] < 0) {
                statusColumn[element] = f.indexOf("status"); // the header
                continue;
            }
            int col = statusColumn[element];
            if (col < 0 || f.size() <= col || !f.get(0).matches("\\d+")) {
                continue;
            }
            ok.set(Integer.parseInt(f.get(0)), JobLog.OK.equals(f.get(col)));
        }
    }

    private static int lastNewline(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
