package mcsweep.cli;

import java.nio.file.Path;

/** The last step of a Slurm sweep: {@code mcsweep merge} over the shards the array elements wrote. */
final class SlurmMerge {

    private SlurmMerge() {
    }

    /** Merges the {@code elements} shards in {@code out}; returns merge's exit code. */
    static int merge(Path out, int elements, boolean quiet) {
        return quiet ? Main.execute("merge", "--quiet", out.toString()) : Main.execute("merge", out.toString());
    }
}
