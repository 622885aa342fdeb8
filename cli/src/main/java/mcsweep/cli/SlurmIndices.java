package mcsweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Slurm's array index lists ({@code 0-7}, {@code 2,5,9-11}), written compactly and read back. */
final class SlurmIndices {

    private SlurmIndices() {
    }

    /** {@code indices} as sbatch's {@code --array} wants them, runs of consecutive indices as ranges. */
    static String format(SortedSet<Integer> indices) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int i : indices) {
            if (prev != null && i == prev + 1) {
                prev = i;
                continue;
            }
            if (start != null) {
                parts.add(start.equals(prev) ? "" + start : start + "-" + prev);
            }
            start = i;
            prev = i;
        }
        if (start != null) {
            parts.add(start.equals(prev) ? "" + start : start + "-" + prev);
        }
        return String.join(",", parts);
    }

    static SortedSet<Integer> parse(String list) {
        SortedSet<Integer> out = new TreeSet<>();
        for (String part : list.split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            if (dash < 0) {
                out.add(Integer.parseInt(part));
            } else {
                int a = Integer.parseInt(part.substring(0, dash));
                int b = Integer.parseInt(part.substring(dash + 1));
                for (int i = a; i <= b; i++) {
                    out.add(i);
                }
            }
        }
        return out;
    }
}
