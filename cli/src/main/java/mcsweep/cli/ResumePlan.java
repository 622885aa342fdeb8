package mcsweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcsweep.executors.Task;

/**
 * Which tasks a resumed sweep runs. A task is done, and kept, when its last job-log entry is successful
 * and its file exists with the checksum the log recorded; a failed task is kept too unless failed ones
 * are rerun ({@code --resume-failed}); everything else runs: never run, cancelled, or a file that is
 * missing or changed since.
 *
 * @param toRun    the tasks to run, in index order
 * @param kept     the entries kept from earlier runs, by task index
 * @param changed  tasks rerun because their file was missing or changed
 */
record ResumePlan(List<Task> toRun, Map<Integer, JobLog.Entry> kept, List<Integer> changed) {

    static ResumePlan of(List<Task> tasks, Map<Integer, JobLog.Entry> latest, boolean rerunFailed) throws IOException {
        List<Task> run = new ArrayList<>();
        Map<Integer, JobLog.Entry> kept = new LinkedHashMap<>();
        List<Integer> changed = new ArrayList<>();
        for (Task t : tasks) {
            JobLog.Entry e = latest.get(t.index());
            if (e == null || e.seed() != t.seed() || JobLog.CANCELLED.equals(e.status())) {
                run.add(t);
            } else if (e.ok()) {
                if (intact(t, e)) {
                    kept.put(t.index(), e);
                } else {
                    changed.add(t.index());
                    run.add(t);
                }
            } else if (rerunFailed) {
                run.add(t);
            } else {
                kept.put(t.index(), e);
            }
        }
        return new ResumePlan(List.copyOf(run), kept, List.copyOf(changed));
    }

    /** A start from scratch: every task runs. */
    static ResumePlan all(List<Task> tasks) {
        return new ResumePlan(List.copyOf(tasks), Map.of(), List.of());
    }

    private static boolean intact(Task t, JobLog.Entry e) throws IOException {
        if (t.output() == null) {
            return e.file().isEmpty();
        }
        return e.file().equals(t.output().getFileName().toString()) && Files.isRegularFile(t.output())
                && Checksums.of(t.output()).equals(e.checksum());
    }
}
