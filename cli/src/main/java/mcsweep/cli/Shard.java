package mcsweep.cli;

import java.util.ArrayList;
import java.util.List;

import mcsweep.executors.Task;

/**
 * The K-th of N deterministic slices of a sweep ({@code --shard K/N}): the tasks whose index {@code i}
 * has {@code i mod N == K-1}. Dealing tasks out like cards (rather than cutting the list into N runs)
 * gives every shard a similar mix of cheap and expensive parameter values. Tasks keep their indices,
 * seeds and file names, so the union of shards 1..N is the unsharded sweep, byte for byte.
 *
 * @param k 1-based slice number
 * @param n number of slices
 */
record Shard(int k, int n) {

    Shard {
        if (n < 1 || k < 1 || k > n) {
            throw new UserError("--shard: " + k + "/" + n + " is out of range; write K/N with 1 <= K <= N");
        }
    }

    /** Parses {@code K/N}. */
    static Shard parse(String text) {
        String[] p = text.trim().split("/", -1);
        if (p.length != 2) {
            throw new UserError("--shard: '" + text + "' is not K/N; write e.g. --shard 3/8 for the 3rd of 8 slices");
        }
        try {
            return new Shard(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        } catch (NumberFormatException e) {
            throw new UserError("--shard: '" + text + "' is not K/N; write e.g. --shard 3/8 for the 3rd of 8 slices");
        }
    }

    boolean contains(int index) {
        return index % n == k - 1;
    }

    List<Task> select(List<Task> tasks) {
        List<Task> out = new ArrayList<>();
        for (Task t : tasks) {
            if (contains(t.index())) {
                out.add(t);
            }
        }
        return out;
    }

    /** {@code K-of-N}, used in the shard's file names. */
    String suffix() {
        return k + "-of-" + n;
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
