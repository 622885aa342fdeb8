package mcsweep.cli;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcsweep.kernel.Kernel;
import mcsweep.kernel.Numbers;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.io.AtomicFile;

/**
 * {@code joblog.tsv}: the durable record of a sweep, one tab-separated line per task outcome, appended and
 * written out (one {@code write} call per line) as each task ends, so that a crash at any instant leaves
 * whole lines behind plus at most one torn last line, which {@link #read} ignores and {@link #open} cuts
 * off before appending.
 *
 * <p>Columns: {@code index}, the kernel's parameters, {@code replica}, {@code seed}, {@code host},
 * {@code executor}, {@code worker}, {@code start} (UTC, ISO-8601), {@code runtime_s}, {@code status}
 * ({@code ok}, {@code failed} or {@code cancelled}), {@code attempts}, {@code file} (name inside the
 * output folder), the checksum of that file (the column is named after the algorithm, {@code xxh64}, see
 * {@link Checksums}), the kernel's summary values, and {@code error}. Numbers are spelt by
 * {@link mcsweep.kernel.Numbers#format}, which parses back to the identical double. Tabs, newlines and
 * backslashes inside a field are written as {@code \t}, {@code \n}, {@code \r}, {@code \\}.
 *
 * <p>A task may appear more than once (a resumed sweep reruns it): the last line wins.
 */
final class JobLog implements Closeable {

    static final String FILE = SweepFiles.JOB_LOG;
    static final String OK = "ok";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";

    /**
     * One line of the log.
     *
     * @param params  parameter values as spelt in the log, in the kernel's order
     * @param summary the kernel's summary values, or {@code null} for a task that did not finish
     */
    record Entry(int index, List<String> params, int replica, long seed, String host, String executor,
                 String worker, String start, String runtime, String status, int attempts, String file,
                 String checksum, double[] summary, String error) {

        boolean ok() {
            return OK.equals(status);
        }
    }

    private final FileOutputStream out;
    private final int summaries;

    private JobLog(FileOutputStream out, int summaries) {
        this.out = out;
        this.summaries = summaries;
    }

    /** The job log's file name: {@code joblog.tsv}, or {@code joblog.K-of-N.tsv} for a shard. */
    static String fileName(Shard shard) {
        return shard == null ? FILE : "joblog." + shard.suffix() + ".tsv";
    }

    /** The header line (without its newline) for {@code kernel}'s sweeps. */
    static String header(Kernel kernel) {
        List<String> h = new ArrayList<>(List.of("index"));
        kernel.parameters().forEach(p -> h.add(p.name()));
        h.addAll(List.of("replica", "seed", "host", "executor", "worker", "start", "runtime_s", "status",
                "attempts", "file", Checksums.ALGORITHM));
        h.addAll(kernel.summaryNames());
        h.add("error");
        return String.join("\t", h);
    }

    /**
     * Opens {@code file} for appending: a new log (header only) when {@code fresh} or when there is none
     * yet, otherwise the existing one with any torn last line cut off.
     */
    static JobLog open(Path file, Kernel kernel, boolean fresh) throws IOException {
        if (fresh || !Files.exists(file) || Files.size(file) == 0) {
            // Whole or not at all, like every file of ours: a reader (resume, a test, a user's tail) never
            // sees a log without its header.
            byte[] head = (header(kernel) + "\n").getBytes(StandardCharsets.UTF_8);
            try {
                AtomicFile.write(file, true, out -> out.write(head));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while creating " + file);
            }
        } else {
            cutTornLine(file);
        }
        return new JobLog(new FileOutputStream(file.toFile(), true), kernel.summaryNames().size());
    }

    private static void cutTornLine(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long end = f.length();
            long keep = end;
            while (keep > 0) {
                f.seek(keep - 1);
                if (f.read() == '\n') {
                    break;
                }
                keep--;
            }
            if (keep != end) {
                f.setLength(keep);
            }
        }
    }

    /** Appends one line and hands it to the operating system (a killed JVM loses nothing written). */
    void append(Entry e) throws IOException {
        out.write(format(e, summaries).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Closes the log. It is not forced to the disk: a killed process loses nothing written, and after a
     * power cut a lost tail only makes {@code --resume} run those tasks again, while a trace the cut
     * damaged is caught by its checksum. An {@code fsync} here cost seconds on a busy disk (on ext4 it
     * waits for every dirty trace of the sweep).
     */
    @Override
    public void close() throws IOException {
        out.close();
    }

    /** One line, with its newline. */
    static String format(Entry e, int summaries) {
        StringBuilder s = new StringBuilder();
        s.append(e.index());
        e.params().forEach(p -> s.append('\t').append(escape(p)));
        s.append('\t').append(e.replica()).append('\t').append(e.seed());
        for (String f : new String[] {e.host(), e.executor(), e.worker(), e.start(), e.runtime(), e.status()}) {
            s.append('\t').append(escape(f));
        }
        s.append('\t').append(e.attempts()).append('\t').append(escape(e.file())).append('\t')
                .append(escape(e.checksum()));
        for (int i = 0; i < summaries; i++) {
            s.append('\t');
            if (e.summary() != null) {
                s.append(Numbers.format(e.summary()[i]));
            }
        }
        s.append('\t').append(escape(e.error())).append('\n');
        return s.toString();
    }

    /**
     * Reads a job log, skipping its header, a torn last line and any line that does not have the header's
     * number of fields.
     *
     * @throws IOException if the file cannot be read or its header is not {@code kernel}'s
     */
    static List<Entry> read(Path file, Kernel kernel) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n') + 1; // a line without its newline was torn by a crash
        String[] lines = text.substring(0, end).split("\n", -1);
        String expected = header(kernel);
        if (lines.length == 0 || lines[0].isEmpty()) {
            return List.of();
        }
        if (!lines[0].equals(expected)) {
            throw new IOException(file + " is not a job log of kernel " + kernel.name() + " (header differs)");
        }
        int params = kernel.parameters().size();
        int summaries = kernel.summaryNames().size();
        int fields = expected.split("\t", -1).length;
        List<Entry> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length != fields) {
                continue;
            }
            try {
                out.add(parse(f, params, summaries));
            } catch (RuntimeException malformed) {
                // a line we cannot parse is treated like a missing one: its task runs again on resume
            }
        }
        return out;
    }

    private static Entry parse(String[] f, int params, int summaries) {
        int c = 0;
        int index = Integer.parseInt(f[c++]);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < params; i++) {
            values.add(unescape(f[c++]));
        }
        int replica = Integer.parseInt(f[c++]);
        long seed = Long.parseLong(f[c++]);
        String host = unescape(f[c++]);
        String executor = unescape(f[c++]);
        String worker = unescape(f[c++]);
        String start = unescape(f[c++]);
        String runtime = unescape(f[c++]);
        String status = unescape(f[c++]);
        int attempts = Integer.parseInt(f[c++]);
        String file = unescape(f[c++]);
        String checksum = unescape(f[c++]);
        double[] summary = null;
        if (OK.equals(status)) {
            summary = new double[summaries];
            for (int i = 0; i < summaries; i++) {
                summary[i] = Double.parseDouble(f[c + i]);
            }
        }
        c += summaries;
        String error = unescape(f[c]);
        return new Entry(index, values, replica, seed, host, executor, worker, start, runtime, status, attempts,
                file, checksum, summary, error);
    }

    /** The last entry of each task index in {@code entries}, by index. */
    static Map<Integer, Entry> latest(List<Entry> entries) {
        Map<Integer, Entry> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.put(e.index(), e);
        }
        return m;
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String r = switch (ch) {
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\\' -> "\\\\";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.substring(0, i));
            }
            if (b != null) {
                b.append(r != null ? r : String.valueOf(ch));
            }
        }
        return b == null ? s : b.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** The parameter names of {@code kernel}, for callers that build entries. */
    static List<String> paramNames(Kernel kernel) {
        return kernel.parameters().stream().map(Parameter::name).toList();
    }
}
