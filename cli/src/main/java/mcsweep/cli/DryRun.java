package mcsweep.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import mcsweep.executors.Task;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Numbers;

/** {@code --dry-run}: prints the tasks a sweep would run and the totals, and writes nothing at all. */
final class DryRun {

    private DryRun() {
    }

    /**
     * @param scope the tasks this run covers (a shard's, or all)
     * @param plan  which of them would run
     * @param total tasks in the whole sweep
     */
    static void print(PrintStream out, Kernel kernel, List<Task> scope, ResumePlan plan, Shard shard, int total,
                      boolean resume) {
        Set<Integer> runs = new HashSet<>();
        plan.toRun().forEach(t -> runs.add(t.index()));
        List<String> header = new ArrayList<>(List.of("index"));
        kernel.parameters().forEach(p -> header.add(p.name()));
        header.addAll(List.of("replica", "seed", "file"));
        if (resume) {
            header.add("action");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        long iterations = 0;
        for (Task t : scope) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(t.index()));
            for (double v : t.params()) {
                row.add(Numbers.format(v));
            }
            row.add(Integer.toString(t.replica()));
            row.add(Long.toString(t.seed()));
            row.add(t.output() == null ? "-" : t.output().getFileName().toString());
            if (resume) {
                JobLog.Entry kept = plan.kept().get(t.index());
                row.add(runs.contains(t.index()) ? (plan.changed().contains(t.index()) ? "run (file changed)" : "run")
                        : "keep (" + kept.status() + ")");
            }
            if (runs.contains(t.index())) {
                iterations += t.iterations();
            }
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
                line.append(String.format("%-" + width[c] + "s  ", row.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(scope.size() + " tasks" + (shard == null ? "" : " (shard " + shard + " of a " + total + "-task sweep)")
                + ", " + plan.toRun().size() + " to run" + (resume ? ", " + plan.kept().size() + " kept" : "")
                + ", " + iterations + " iterations to run; nothing written (--dry-run)");
    }
}
