package mcsweep.executors.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import mcsweep.executors.Task;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.Seeds;

/**
 * Turns what the user asked for into tasks: the Cartesian product of the value lists (the lesson's
 * {@code itertools.product}), or the lists zipped element by element; each combination {@code replicas}
 * times. Pure: validates everything and touches no file.
 *
 * <p>Memory: the plan holds the tasks and nothing per task besides (replica numbers are computed from each
 * list's duplicates, file names are checked for clashes through one long per task, dropped before returning). A sweep whose tasks would not fit in this JVM's heap is refused before any is made (see
 * {@link #BYTES_PER_TASK}).
 *
 * <p>This is the one planning step of mcsweep: {@link Sweep} and the command line both make their tasks
 * here. Bad input is an {@link InvalidSweepException} whose message names the option (as the command line
 * spells it, {@code --iterations}) and what is allowed.
 */
public final class SweepPlan {

    /**
     * Heap one task of a running sweep may take: the task itself (its values, its output path), the
     * executors' and the summary's references to it, and its result. Measured (results/ has no figure; see the
     * branch's report): a whole sweep without traces needs about 300 bytes a task (the largest that ran in
     * {@code -Xmx256m}), a planned task with a CSV path keeps about 190 bytes of that, and 90 more than one
     * without. Rounded up generously: refusing a sweep that would just fit is better than thrashing for
     * minutes and then failing with an {@link OutOfMemoryError}.
     */
    public static final long BYTES_PER_TASK = 640;

    /** The most tasks one sweep can hold: indices are {@code int}s and Java arrays stop just below 2^31. */
    public static final long MAX_TASKS = Integer.MAX_VALUE - 8;

    /**
     * What to plan.
     *
     * @param kernel     the kernel every task runs
     * @param values     each parameter's list of values, keyed by parameter name
     * @param zip        pair the lists element by element instead of taking their product
     * @param replicas   runs of each combination, with different streams
     * @param iterations steps per task
     * @param seed       the sweep seed every task's seed derives from
     * @param rng        the {@code java.util.random} algorithm
     * @param out        the folder trace files go into (unused when {@code template} is {@code null})
     * @param template   file name template, or {@code null} to write no traces
     */
    public record Spec(Kernel kernel, Map<String, List<Double>> values, boolean zip, int replicas, long iterations,
                long seed, String rng, Path out, String template) {
    }

    private SweepPlan() {
    }

    /**
     * The tasks of {@code spec}, in index order, checked to fit in this JVM's heap.
     *
     * @throws InvalidSweepException if the spec has a mistake; nothing is written either way
     */
    public static List<Task> tasks(Spec spec) {
        return tasks(spec, Runtime.getRuntime().maxMemory());
    }

    /**
     * The tasks of {@code spec}, checked to fit in {@code heap} bytes.
     *
     * @throws InvalidSweepException if the spec has a mistake
     */
    public static List<Task> tasks(Spec spec, long heap) {
        Kernel kernel = spec.kernel();
        List<Parameter> params = kernel.parameters();
        List<String> names = names(params);
        for (String given : spec.values().keySet()) {
            if (!names.contains(given)) {
                throw new InvalidSweepException("kernel " + kernel.name() + " has no parameter '" + given + "'; its parameters are "
                        + String.join(", ", names));
            }
        }
        double[][] lists = new double[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            List<Double> list = spec.values().get(p.name());
            if (list == null || list.isEmpty()) {
                throw new InvalidSweepException("missing values for " + p.name() + "; give --" + p.name() + " (or -P "
                        + p.name() + "=...), " + p.description());
            }
            lists[i] = new double[list.size()];
            for (int j = 0; j < list.size(); j++) {
                double v = list.get(j);
                String problem = p.problem(v);
                if (problem != null) {
                    throw new InvalidSweepException("--" + p.name() + ": " + problem);
                }
                lists[i][j] = v == 0.0 ? 0.0 : v; // -0 is 0: one task, one file name, one seed
            }
        }
        checkRange("--iterations", "iterations", spec.iterations(), 1, Long.MAX_VALUE);
        checkRange("--replicas", "replicas", spec.replicas(), 1, Integer.MAX_VALUE);
        checkRng("--rng", spec.rng());
        Combinations combos = spec.zip() ? Combinations.zip(names, lists) : Combinations.product(lists);
        int count = checkSize(names, lists, spec.zip(), combos.size(), spec.replicas(), spec.template() != null, heap);
        FileTemplate template = spec.template() == null ? null : new FileTemplate(spec.template(), names);

        Task[] tasks = new Task[count];
        // Checked even with {index}: a{index}{x0} gives a111.0 for index 1, x0 11 and for index 11, x0 1.
        long[] nameKeys = template == null ? null : new long[count];
        int replicas = spec.replicas();
        long[] nameHashes = Seeds.nameHashes(names);
        for (int c = 0; c < count / replicas; c++) {
            double[] combo = combos.values(c);
            int firstReplica = combos.duplicatesBefore(c) * replicas;
            for (int r = 0; r < replicas; r++) {
                int index = c * replicas + r;
                int replica = firstReplica + r;
                long seed = Seeds.taskSeed(spec.seed(), nameHashes, combo, replica);
                Path output = null;
                if (template != null) {
                    String file = template.render(index, combo, spec.iterations(), replica, seed);
                    if (nameKeys != null) {
                        nameKeys[index] = nameKey(file, index);
                    }
                    output = spec.out().resolve(file);
                }
                tasks[index] = new Task(index, kernel.name(), combo, spec.iterations(), replica, seed, spec.rng(),
                        output);
            }
        }
        if (nameKeys != null) {
            checkNamesDiffer(template, tasks, nameKeys);
        }
        // An immutable list: the executors' and the report's List.copyOf then share it instead of copying.
        return List.of(tasks);
    }

    /**
     * The parameters' names. A loop, not a stream: nothing before a sweep's first task starts the stream framework,
     * which cost the lesson's scan about 2 ms of its start-up (interpreted: its classes' initialisation, the first
     * lambdas' linkage).
     */
    static List<String> names(List<Parameter> params) {
        String[] names = new String[params.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = params.get(i).name();
        }
        return List.of(names);
    }

    /**
     * Refuses an algorithm that is unknown or whose output a {@code long} seed does not determine (such as
     * {@code SecureRandom}): traces would not be reproducible, or every task would fail.
     */
    public static void checkRng(String option, String rng) {
        try {
            Seeds.factory(rng); // the one place that knows which algorithms a seed determines
        } catch (IllegalArgumentException e) {
            throw new InvalidSweepException(option + ": " + e.getMessage());
        }
    }

    /**
     * Refuses a value outside [{@code min}, {@code max}], in the words of the command line's option limits.
     *
     * @throws InvalidSweepException naming the option, the value and the range
     */
    public static long checkRange(String option, String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidSweepException(option + ": " + value + " is out of range; " + name + " must be "
                    + (max == Long.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max));
        }
        return value;
    }

    /**
     * The file name template of a sweep in {@code format} ({@code csv}, {@code npy}, or {@code none} for no
     * traces): {@code template} when given, else the kernel's default ({@link FileTemplate#defaultFor}).
     *
     * @return the template, or {@code null} for {@code none}
     * @throws InvalidSweepException for an unknown format or a template whose extension does not match it
     */
    public static String template(Kernel kernel, String format, String template, int replicas) {
        return switch (format) {
            case "csv" -> template != null ? template : FileTemplate.defaultFor(kernel.name(),
                    names(kernel.parameters()), replicas > 1);
            case "npy" -> {
                if (template == null) {
                    String csv = FileTemplate.defaultFor(kernel.name(),
                            names(kernel.parameters()), replicas > 1);
                    yield csv.substring(0, csv.length() - ".csv".length()) + ".npy";
                }
                if (!template.endsWith(".npy")) {
                    throw new InvalidSweepException("--template: '" + template + "' must end in .npy with --format npy");
                }
                yield template;
            }
            case "none" -> null;
            default -> throw new InvalidSweepException("--format: '" + format + "' is not a format; choose csv, npy or none");
        };
    }

    /** Refuses, in one line, a sweep with more tasks than fit; returns the task count. */
    private static int checkSize(List<String> names, double[][] lists, boolean zip, long combos, int replicas,
                                 boolean traces, long heap) {
        long count;
        try {
            count = Math.multiplyExact(combos, (long) replicas);
        } catch (ArithmeticException overflow) {
            count = Long.MAX_VALUE;
        }
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < lists.length; i++) {
            shape.append(i == 0 ? "" : zip ? " zip " : " x ").append(lists[i].length).append(' ').append(names.get(i));
        }
        if (replicas > 1) {
            shape.append(" x ").append(replicas).append(" replicas");
        }
        if (count > MAX_TASKS) {
            throw new InvalidSweepException("too many tasks: " + shape + " is " + (count == Long.MAX_VALUE ? "more than 2^63"
                    : count) + " tasks; one sweep can have at most " + MAX_TASKS + "; split it into smaller sweeps");
        }
        // The file names' keys live only while planning, alongside the tasks.
        long need = count * (BYTES_PER_TASK + (traces ? Long.BYTES : 0));
        if (need > heap) {
            throw new InvalidSweepException("too many tasks: " + shape + " is " + count + " tasks, which need about "
                    + gigabytes(need) + " of memory, more than the " + gigabytes(heap) + " this JVM may use"
                    + " (about " + heap / BYTES_PER_TASK + " tasks); split the sweep into smaller ones, or give Java"
                    + " more memory (e.g. JAVA_TOOL_OPTIONS=-Xmx" + (need / (1L << 30) + 2) + "g)");
        }
        return (int) count;
    }

    private static String gigabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /**
     * Refuses a template that gives two tasks one file, naming the first clash in task order. Each task
     * contributes one long, the top 33 bits of its name's hash above its index: sorted, tasks whose names
     * may be equal sit together in index order, and only those names are compared. 8 bytes per task
     * instead of a set of names.
     */
    private static void checkNamesDiffer(FileTemplate template, Task[] tasks, long[] keys) {
        Arrays.sort(keys);
        long mask = -1L << INDEX_BITS;
        int bestFirst = -1;
        int bestSecond = Integer.MAX_VALUE;
        for (int start = 0, end; start < keys.length; start = end) {
            end = start + 1;
            while (end < keys.length && (keys[end] & mask) == (keys[start] & mask)) {
                end++;
            }
            group:
            for (int m = start + 1; m < end; m++) {
                int second = (int) (keys[m] & ~mask);
                if (second >= bestSecond) {
                    break;
                }
                for (int l = start; l < m; l++) {
                    int first = (int) (keys[l] & ~mask);
                    if (fileName(tasks[first]).equals(fileName(tasks[second]))) {
                        bestFirst = first;
                        bestSecond = second;
                        break group;
                    }
                }
            }
        }
        if (bestFirst >= 0) {
            throw new InvalidSweepException("--template '" + template.template() + "' names two tasks' files "
                    + fileName(tasks[bestSecond]) + " (tasks " + bestFirst + " and " + bestSecond + "); add a"
                    + " placeholder that tells them apart, such as {replica} or {index}");
        }
    }

    private static final int INDEX_BITS = 31;

    /** The key {@link #checkNamesDiffer} sorts: the name's hash above the task's index. */
    private static long nameKey(String file, int index) {
        return (hash64(file) & (-1L << INDEX_BITS)) | index;
    }

    private static String fileName(Task t) {
        return t.output().getFileName().toString();
    }

    /** FNV-1a over the name's chars, then SplitMix64's finaliser: a well-spread 64-bit hash. */
    static long hash64(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    /**
     * The combinations of values, computed on demand from the lists, with how many earlier combinations
     * have the same values (a value repeated in a list, {@code --x0 1,1}, makes a combination repeat; its
     * repeats become further replicas, as if {@code --replicas} had been given).
     */
    private interface Combinations {

        long size();

        double[] values(int c);

        int duplicatesBefore(int c);

        /** The first parameter varies slowest, like itertools.product and nested loops in declared order. */
        static Combinations product(double[][] lists) {
            int k = lists.length;
            long size = 1;
            for (double[] list : lists) {
                size = size > MAX_TASKS ? size : size * list.length;
            }
            // Per list: each position's rank among the positions holding the same value, and their count.
            // The repeats of a combination then come in the lexicographic order of these ranks.
            int[][] rank = new int[k][];
            int[][] copies = new int[k][];
            for (int i = 0; i < k; i++) {
                rank[i] = new int[lists[i].length];
                copies[i] = new int[lists[i].length];
                Map<Double, Integer> seen = new HashMap<>();
                for (int j = 0; j < lists[i].length; j++) {
                    rank[i][j] = seen.merge(lists[i][j], 1, Integer::sum) - 1;
                }
                for (int j = 0; j < lists[i].length; j++) {
                    copies[i][j] = seen.get(lists[i][j]);
                }
            }
            long total = size;
            return new Combinations() {
                @Override
                public long size() {
                    return total;
                }

                @Override
                public double[] values(int c) {
                    double[] v = new double[k];
                    for (int i = k - 1; i >= 0; i--) {
                        v[i] = lists[i][c % lists[i].length];
                        c /= lists[i].length;
                    }
                    return v;
                }

                @Override
                public int duplicatesBefore(int c) {
                    int[] pos = new int[k];
                    for (int i = k - 1; i >= 0; i--) {
                        pos[i] = c % lists[i].length;
                        c /= lists[i].length;
                    }
                    int before = 0;
                    for (int i = 0; i < k; i++) {
                        before = before * copies[i][pos[i]] + rank[i][pos[i]];
                    }
                    return before;
                }
            };
        }

        /** Element by element; a list of one value goes with every element. */
        static Combinations zip(List<String> names, double[][] lists) {
            int n = 1;
            for (int i = 0; i < lists.length; i++) {
                int size = lists[i].length;
                if (size != 1) {
                    if (n != 1 && size != n) {
                        throw new InvalidSweepException("--zip: lists differ in length (" + names.get(i) + " has " + size
                                + " values, others " + n + "); give each list the same length, or one value");
                    }
                    n = size;
                }
            }
            int rows = n;
            int[] before = new int[rows];
            Map<List<Double>, Integer> seen = new HashMap<>();
            Combinations z = new Combinations() {
                @Override
                public long size() {
                    return rows;
                }

                @Override
                public double[] values(int c) {
                    double[] v = new double[lists.length];
                    for (int i = 0; i < lists.length; i++) {
                        v[i] = lists[i][lists[i].length == 1 ? 0 : c];
                    }
                    return v;
                }

                @Override
                public int duplicatesBefore(int c) {
                    return before[c];
                }
            };
            for (int c = 0; c < rows; c++) {
                List<Double> key = new ArrayList<>(lists.length);
                for (double v : z.values(c)) {
                    key.add(v);
                }
                before[c] = seen.merge(key, 1, Integer::sum) - 1;
            }
            return z;
        }
    }
}
