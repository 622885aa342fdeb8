package mcsweep.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcsweep.executors.Task;
import mcsweep.kernel.Kernel;
import mcsweep.kernel.Numbers;
import mcsweep.kernel.Parameter;
import mcsweep.kernel.Seeds;

/**
 * Turns what the user asked for into tasks: the Cartesian product of the value lists (the lesson's
 * {@code itertools.product}), or the lists zipped element by element; each combination {@code replicas}
 * times. Pure: validates everything and touches no file.
 */
final class SweepPlan {

    /**
     * @param values   each parameter's list of values, keyed by parameter name
     * @param template file name template, or {@code null} to write no traces
     */
    record Spec(Kernel kernel, Map<String, List<Double>> values, boolean zip, int replicas, long iterations,
                long seed, String rng, Path out, String template) {
    }

    private SweepPlan() {
    }

    static List<Task> tasks(Spec spec) {
        Kernel kernel = spec.kernel();
        List<Parameter> params = kernel.parameters();
        List<String> names = params.stream().map(Parameter::name).toList();
        for (String given : spec.values().keySet()) {
            if (!names.contains(given)) {
                throw new UserError("kernel " + kernel.name() + " has no parameter '" + given + "'; its parameters are "
                        + String.join(", ", names));
            }
        }
        List<List<Double>> lists = new ArrayList<>();
        for (Parameter p : params) {
            List<Double> list = spec.values().get(p.name());
            if (list == null || list.isEmpty()) {
                throw new UserError("missing values for " + p.name() + "; give --" + p.name() + " (or -P "
                        + p.name() + "=...), " + p.description());
            }
            for (double v : list) {
                if (!p.accepts(v)) {
                    throw new UserError("--" + p.name() + ": " + spellValue(v) + " is out of range; " + p.name()
                            + " must be " + p.range());
                }
            }
            lists.add(list);
        }
        if (spec.iterations() < 1) {
            throw new UserError("--iterations: " + spec.iterations() + " is out of range; iterations must be >= 1");
        }
        if (spec.replicas() < 1) {
            throw new UserError("--replicas: " + spec.replicas() + " is out of range; replicas must be >= 1");
        }
        try {
            Seeds.factory(spec.rng());
        } catch (IllegalArgumentException e) {
            throw new UserError("--rng: " + e.getMessage());
        }
        List<double[]> combos = spec.zip() ? zip(names, lists) : product(lists);

        FileTemplate template = spec.template() == null ? null : new FileTemplate(spec.template(), names);
        Map<List<Double>, Integer> seen = new HashMap<>();
        Map<String, Integer> fileOwner = new LinkedHashMap<>();
        List<Task> tasks = new ArrayList<>();
        for (double[] combo : combos) {
            List<Double> key = Arrays.stream(combo).map(v -> v == 0.0 ? 0.0 : v).boxed().toList();
            for (int r = 0; r < spec.replicas(); r++) {
                int replica = seen.merge(key, 1, Integer::sum) - 1;
                int index = tasks.size();
                long seed = Seeds.taskSeed(spec.seed(), names, combo, replica);
                Path output = null;
                if (template != null) {
                    String file = template.render(index, combo, spec.iterations(), replica, seed);
                    Integer other = fileOwner.putIfAbsent(file, index);
                    if (other != null) {
                        throw new UserError("--template '" + template.template() + "' names two tasks' files "
                                + file + " (tasks " + other + " and " + index + "); add a placeholder that tells them"
                                + " apart, such as {replica} or {index}");
                    }
                    output = spec.out().resolve(file);
                }
                tasks.add(new Task(index, kernel.name(), combo, spec.iterations(), replica, seed, spec.rng(), output));
            }
        }
        return tasks;
    }

    private static String spellValue(double v) {
        return Double.isNaN(v) ? "NaN" : Numbers.format(v);
    }

    private static List<double[]> product(List<List<Double>> lists) {
        List<double[]> out = new ArrayList<>();
        out.add(new double[0]);
        // The first parameter varies slowest, like itertools.product and nested loops in declared order.
        for (List<Double> list : lists) {
            List<double[]> next = new ArrayList<>(out.size() * list.size());
            for (double[] prefix : out) {
                for (double v : list) {
                    double[] c = Arrays.copyOf(prefix, prefix.length + 1);
                    c[prefix.length] = v;
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    private static List<double[]> zip(List<String> names, List<List<Double>> lists) {
        int n = 1;
        for (int i = 0; i < lists.size(); i++) {
            int size = lists.get(i).size();
            if (size != 1) {
                if (n != 1 && size != n) {
                    throw new UserError("--zip: lists differ in length (" + names.get(i) + " has " + size
                            + " values, others " + n + "); give each list the same length, or one value");
                }
                n = size;
            }
        }
        List<double[]> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            double[] c = new double[lists.size()];
            for (int i = 0; i < lists.size(); i++) {
                List<Double> list = lists.get(i);
                c[i] = list.get(list.size() == 1 ? 0 : k);
            }
            out.add(c);
        }
        return out;
    }
}
