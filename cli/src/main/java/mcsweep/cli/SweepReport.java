package mcsweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mcsweep.executors.SweepListener;
import mcsweep.executors.Task;
import mcsweep.executors.TaskFailure;
import mcsweep.executors.TaskResult;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Numbers;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.io.AtomicFile;

/**
 * Collects a sweep's outcomes as they arrive, shows progress, and writes the summary: {@code summary.csv}
 * (one row per task, in task order whatever the finishing order) and a table on stdout.
 */
final class SweepReport implements SweepListener {

    static final String SUMMARY_FILE = "summary.csv";

    private final Kernel kernel;
    private final List<Task> tasks;
    private final TaskResult[] results;
    private final TaskFailure[] failures;
    private final PrintStream progress; // null: no progress display
    private int done;
    private int failed;

    SweepReport(Kernel kernel, List<Task> tasks, PrintStream progress) {
        this.kernel = kernel;
        this.tasks = List.copyOf(tasks);
        this.results = new TaskResult[tasks.size()];
        this.failures = new TaskFailure[tasks.size()];
        this.progress = progress;
    }

    @Override
    public void onResult(TaskResult result) {
        results[result.task().index()] = result;
        done++;
        showProgress();
    }

    @Override
    public void onFailure(TaskFailure failure) {
        failures[failure.task().index()] = failure;
        failed++;
        System.err.println("mcsweep: task " + failure.task().index() + " (" + describeParams(failure.task())
                + ") failed: " + failure.error());
        showProgress();
    }

    int completed() {
        return done;
    }

    int failed() {
        return failed;
    }

    private void showProgress() {
        if (progress != null) {
            progress.printf("\r%d/%d done, %d failed", done + failed, tasks.size(), failed);
            if (done + failed == tasks.size()) {
                progress.println();
            }
            progress.flush();
        }
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

    /** Writes {@code summary.csv} into {@code dir}, atomically. */
    void writeCsv(Path dir) throws IOException, InterruptedException {
        List<String> header = new ArrayList<>(List.of("index"));
        kernel.parameters().forEach(p -> header.add(p.name()));
        header.addAll(List.of("replica", "seed", "rng", "file", "status"));
        List<String> summaryNames = kernel.summaryNames();
        header.addAll(summaryNames);
        header.addAll(List.of("wall_ms", "error"));
        AtomicFile.write(dir.resolve(SUMMARY_FILE), true, out -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.print(String.join(",", header));
            w.print('\n');
            for (Task t : tasks) {
                TaskResult r = results[t.index()];
                TaskFailure f = failures[t.index()];
                List<String> row = new ArrayList<>();
                row.add(Integer.toString(t.index()));
                for (double v : t.params()) {
                    row.add(Double.toString(v));
                }
                row.add(Integer.toString(t.replica()));
                row.add(Long.toString(t.seed()));
                row.add(t.rng());
                row.add(t.output() == null ? "" : t.output().getFileName().toString());
                row.add(r != null ? "ok" : f != null ? "failed" : "not run");
                for (int i = 0; i < summaryNames.size(); i++) {
                    row.add(r == null ? "" : Double.toString(r.summary().value(i)));
                }
                row.add(r == null ? "" : String.format(Locale.ROOT, "%.3f", r.wallNanos() / 1e6));
                row.add(f == null ? "" : csvQuote(f.error()));
                w.print(String.join(",", row));
                w.print('\n');
            }
            w.flush();
        });
    }

    private static String csvQuote(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.indexOf(',') >= 0 || one.indexOf('"') >= 0 ? '"' + one.replace("\"", "\"\"") + '"' : one;
    }

    /**
     * Prints the table of finished tasks: parameters, then each summary value with its error where the
     * kernel reports one ({@code name} and {@code name_err}).
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
        for (Task t : tasks) {
            TaskResult r = results[t.index()];
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(t.index()));
            for (double v : t.params()) {
                row.add(Numbers.format(v));
            }
            for (int i : shown) {
                if (r == null) {
                    row.add(i == shown.get(0) ? (failures[t.index()] != null ? "FAILED" : "not run") : "");
                    continue;
                }
                double v = r.summary().value(i);
                int err = names.indexOf(names.get(i) + "_err");
                row.add(err < 0 ? num(v) : withError(v, r.summary().value(err)));
            }
            row.add(r == null ? "" : String.format(Locale.ROOT, "%.1f", r.wallNanos() / 1e6));
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
