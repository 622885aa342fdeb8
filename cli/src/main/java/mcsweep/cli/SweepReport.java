package mcsweep.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import mcsweep.executors.SweepListener;
import mcsweep.executors.Task;
import mcsweep.executors.TaskFailure;
import mcsweep.executors.TaskResult;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Numbers;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.io.AtomicFile;

/**
 * Collects a sweep's outcomes as they arrive (on the consumer thread): appends each to the job log,
 * updates the progress display, keeps {@code summary.csv} current (rewritten atomically at most every
 * {@value #SUMMARY_SECONDS} seconds), and at the end writes the summary and prints the table.
 *
 * <p>{@code summary.csv} is derived from job-log entries only (this run's and, on resume, the earlier
 * runs' ones), so it is the same bytes whatever the executor, the finishing order or the number of
 * interruptions: one row per task in task order with {@code index}, the parameters, {@code replica},
 * {@code seed}, {@code rng}, {@code file}, {@code status} ({@code ok}, {@code failed}, {@code cancelled},
 * {@code not run}), the kernel's summary values and {@code error}. Timings live in the job log. Numbers are
 * spelt by {@link Numbers#format} (as in file names), counts as integers; fields are quoted as RFC 4180
 * says (by FastCSV).
 */
final class SweepReport implements SweepListener {

    static final String SUMMARY_FILE = SweepFiles.SUMMARY;
    static final int SUMMARY_SECONDS = 5;
    /** Summary values that are counts, written as integers. */
    private static final List<String> COUNTS = List.of("iterations");

    private final Kernel kernel;
    private final List<Task> tasks;
    private final int[] position; // task index -> position in tasks, or -1
    private final JobLog.Entry[] entries;
    private final List<String>[] rows;        // spelt summary rows, valid while rowEntries[k] == entries[k]
    private final JobLog.Entry[] rowEntries;
    private final JobLog log;         // null: no job log (summaries to stdout only)
    private final Path summaryFile;   // null: no summary.csv
    private final Progress progress;
    private final String host;
    private final String executor;
    private IOException ioError;
    private long nextSummaryNanos = System.nanoTime() + SUMMARY_SECONDS * 1_000_000_000L;
    private int done;
    private int failed;

    /**
     * @param tasks   every task this run covers (a shard's tasks, or the whole sweep), in index order
     * @param earlier entries kept from earlier runs (resume), by task index
     */
    SweepReport(Kernel kernel, List<Task> tasks, Map<Integer, JobLog.Entry> earlier, JobLog log, Path summaryFile,
                Progress progress, String executor) {
        this.kernel = kernel;
        this.tasks = List.copyOf(tasks);
        int max = -1; // a loop, not a stream: nothing before a sweep's first task starts the stream framework
        for (Task t : tasks) {
            max = Math.max(max, t.index());
        }
        this.position = new int[max + 1];
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < tasks.size(); i++) {
            position[tasks.get(i).index()] = i;
        }
        this.entries = new JobLog.Entry[tasks.size()];
        @SuppressWarnings({"unchecked", "rawtypes"}) // arrays of a generic type cannot be created otherwise
        List<String>[] r = new List[tasks.size()];
        this.rows = r;
        this.rowEntries = new JobLog.Entry[tasks.size()];
        earlier.forEach((index, e) -> {
            if (index < position.length && position[index] >= 0) {
                entries[position[index]] = e;
            }
        });
        this.log = log;
        this.summaryFile = summaryFile;
        this.progress = progress;
        this.host = Hosts.name();
        this.executor = executor;
    }

    @Override
    public void onResult(TaskResult r) {
        if (done == 0) {
            Sweeps.debugTime("first result");
        }
        Task t = r.task();
        String file = "";
        String checksum = "";
        if (t.output() != null) {
            file = t.output().getFileName().toString();
            if (r.checksum() != null) {
                checksum = r.checksum(); // hashed by the worker as it wrote the file
            } else {
                try {
                    checksum = Checksums.of(t.output());
                } catch (IOException e) {
                    ioFailed(e);
                }
            }
        }
        record(new JobLog.Entry(t.index(), spell(t.params()), t.replica(), t.seed(), host, executor, r.worker(),
                startOf(r.wallNanos()), seconds(r.wallNanos()), JobLog.OK, 1,
                file, checksum, r.summary().values(), ""));
        done++;
        progress.taskEnded(true);
    }

    @Override
    public void onFailure(TaskFailure f) {
        Task t = f.task();
        boolean cancelled = f.cancelled();
        record(new JobLog.Entry(t.index(), spell(t.params()), t.replica(), t.seed(), host, executor, "",
                Instant.now().toString(), "", cancelled ? JobLog.CANCELLED : JobLog.FAILED, f.attempts(),
                t.output() == null ? "" : t.output().getFileName().toString(), "", null, f.error()));
        if (!cancelled) {
            failed++;
            progress.println("mcsweep: task " + t.index() + " (" + describeParams(t) + ") failed: " + f.error());
        }
        progress.taskEnded(cancelled);
    }

    private void record(JobLog.Entry e) {
        entries[position[e.index()]] = e;
        if (log != null) {
            try {
                log.append(e);
            } catch (IOException x) {
                ioFailed(x);
            }
        }
        if (summaryFile != null && System.nanoTime() - nextSummaryNanos > 0) {
            long start = System.nanoTime();
            try {
                writeSummary(summaryFile, false);
                // every few seconds, but never more than 5% of the consumer's time for a huge summary
                long took = System.nanoTime() - start;
                nextSummaryNanos = System.nanoTime() + Math.max(SUMMARY_SECONDS * 1_000_000_000L, 20 * took);
            } catch (IOException x) {
                ioFailed(x);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt(); // the sweep is being cancelled; the final write follows
            }
        }
    }

    private void ioFailed(IOException e) {
        if (ioError == null) {
            ioError = e;
            progress.println("mcsweep: cannot write " + e.getMessage());
        }
    }

    /** The first I/O error met while recording outcomes, or {@code null}. */
    IOException ioError() {
        return ioError;
    }

    /** {@code 0.062345}: seconds to the microsecond, without String.format's cost on the consumer thread. */
    static String seconds(long nanos) {
        long us = Math.max(0, nanos) / 1000;
        String frac = Long.toString(1_000_000 + us % 1_000_000).substring(1);
        return us / 1_000_000 + "." + frac;
    }

    private static String startOf(long wallNanos) {
        // the start to the millisecond: now, less the run time rounded down to whole nanoseconds' millis
        return IsoInstant.ofEpochMilli(Math.floorDiv(WallClock.nanos() - wallNanos, 1_000_000L));
    }

    private static List<String> spell(double[] values) {
        List<String> s = new ArrayList<>(values.length);
        for (double v : values) {
            s.add(Numbers.format(v));
        }
        return s;
    }

    /** Tasks this report covers (kept from an earlier run or run now). */
    int size() {
        return entries.length;
    }

    /** Tasks finished in this run. */
    int completed() {
        return done;
    }

    /** Tasks that failed in this run (cancelled ones not counted). */
    int failed() {
        return failed;
    }

    /** Tasks covered by this report whose last outcome is a failure, this run's or an earlier one's. */
    int failedOverall() {
        int n = 0;
        for (JobLog.Entry e : entries) {
            n += e != null && JobLog.FAILED.equals(e.status()) ? 1 : 0;
        }
        return n;
    }

    /** Tasks covered by this report that have a successful outcome, this run's or an earlier one's. */
    int okOverall() {
        int n = 0;
        for (JobLog.Entry e : entries) {
            n += e != null && e.ok() ? 1 : 0;
        }
        return n;
    }

    String describeParams(Task t) {
        StringBuilder s = new StringBuilder();
        double[] values = t.params();
        List<Parameter> params = kernel.parameters();
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : " ").append(params.get(i).name()).append('=').append(Numbers.format(values[i]));
        }
        if (t.replica() != 0) {
            s.append(" replica=").append(t.replica());
        }
        return s.toString();
    }

    /** Writes the summary of every task this report covers to {@code file}, atomically. */
    void writeSummary(Path file, boolean durable) throws IOException, InterruptedException {
        AtomicFile.write(file, durable, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv = csv(w);
            csv.writeRecord(summaryHeader(kernel));
            for (int k = 0; k < tasks.size(); k++) {
                // rows are spelt once per outcome: a rewrite of 20,000 rows then costs a copy, not 260,000
                // number spellings
                if (rows[k] == null || rowEntries[k] != entries[k]) {
                    rows[k] = summaryRow(kernel.summaryNames(), tasks.get(k), entries[k]);
                    rowEntries[k] = entries[k];
                }
                csv.writeRecord(rows[k]);
            }
            csv.flush();
        });
    }

    /** The summary's header. */
    static List<String> summaryHeader(Kernel kernel) {
        List<String> header = new ArrayList<>(List.of("index"));
        kernel.parameters().forEach(p -> header.add(p.name()));
        header.addAll(List.of("replica", "seed", "rng", "file", "status"));
        header.addAll(kernel.summaryNames());
        header.add("error");
        return header;
    }

    // FastCSV quotes a field only when it holds the separator, a quote or a line break (RFC 4180).
    private static CsvWriter csv(Writer w) {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
    }

    /**
     * Writes the summary CSV of {@code tasks} (in order) with their entries ({@code null}: not run) to
     * {@code w}; for {@code mcsweep merge}.
     */
    static void writeSummary(Writer w, Kernel kernel, List<Task> tasks, JobLog.Entry[] entries) throws IOException {
        CsvWriter csv = csv(w);
        csv.writeRecord(summaryHeader(kernel));
        for (int k = 0; k < tasks.size(); k++) {
            csv.writeRecord(summaryRow(kernel.summaryNames(), tasks.get(k), entries[k]));
        }
        csv.flush();
    }

    private static List<String> summaryRow(List<String> summaryNames, Task t, JobLog.Entry e) {
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(t.index()));
        row.addAll(spell(t.params()));
        row.add(Integer.toString(t.replica()));
        row.add(Long.toString(t.seed()));
        row.add(t.rng());
        row.add(t.output() == null ? "" : t.output().getFileName().toString());
        row.add(e == null ? "not run" : e.status());
        for (int i = 0; i < summaryNames.size(); i++) {
            row.add(e == null || e.summary() == null ? "" : value(summaryNames.get(i), e.summary()[i]));
        }
        row.add(e == null ? "" : e.error());
        return row;
    }

    private static String value(String name, double v) {
        if (COUNTS.contains(name) && v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            return Long.toString((long) v);
        }
        return Numbers.format(v);
    }

    /**
     * Prints the table of tasks: parameters, then each summary value with its error where the kernel
     * reports one ({@code name} and {@code name_err}).
     */
    void printTable(PrintStream out) {
        List<String> names = kernel.summaryNames();
        List<String> header = new ArrayList<>(List.of("task"));
        kernel.parameters().forEach(p -> header.add(p.name()));
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (!n.endsWith("_err")) {
                shown.add(i);
                header.add(names.contains(n + "_err") ? n + " ± err" : n);
            }
        }
        header.add("ms");
        header.add("file");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (int k = 0; k < tasks.size(); k++) {
            Task t = tasks.get(k);
            JobLog.Entry e = entries[k];
            double[] s = e == null ? null : e.summary();
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(t.index()));
            for (double v : t.params()) {
                row.add(Numbers.format(v));
            }
            for (int i : shown) {
                if (s == null) {
                    row.add(i == shown.get(0) ? (e == null ? "not run" : e.status().toUpperCase(Locale.ROOT)) : "");
                    continue;
                }
                double v = s[i];
                int err = names.indexOf(names.get(i) + "_err");
                row.add(err < 0 ? num(v) : withError(v, s[err]));
            }
            row.add(e == null || e.runtime().isEmpty() ? "" : ms(e.runtime()));
            row.add(t.output() == null ? "" : t.output().getFileName().toString());
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                boolean last = c == row.size() - 1;
                line.append(last ? cell : String.format("%-" + width[c] + "s  ", cell));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String ms(String seconds) {
        try {
            return String.format(Locale.ROOT, "%.1f", Double.parseDouble(seconds) * 1e3);
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** A value and its error the way physicists write them: the error to two significant digits, the
     *  value to the same decimal place ({@code 0.985 ± 0.014}). */
    static String withError(double v, double err) {
        if (!(err > 0) || !Double.isFinite(err) || !Double.isFinite(v)) {
            return num(v) + " ± " + num(err);
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(err)));
        if (decimals > 15) {
            return num(v) + " ± " + num(err);
        }
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f, v) + " ± " + String.format(Locale.ROOT, f, err);
    }
}
