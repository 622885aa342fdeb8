package mcsweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcsweep.kernel.Numbers;

/**
 * Trace file names from a template such as {@code b{beta}_m{x0}_h{h}.csv}. Placeholders: each parameter's
 * name, {@code {iterations}}, {@code {replica}}, {@code {index}} and {@code {seed}}. Parameter values are
 * spelled as Python spells floats ({@code 0.5}, {@code 1.0}), so names match the lesson program's.
 */
final class FileTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final List<String> BUILT_IN = List.of("iterations", "replica", "index", "seed");

    private final String template;
    private final List<String> params;

    FileTemplate(String template, List<String> params) {
        this.template = template;
        this.params = List.copyOf(params);
        if (template.isBlank()) {
            throw new UserError("--template: empty file name template");
        }
        if (template.indexOf('/') >= 0 || template.indexOf('\\') >= 0 || template.startsWith(".")) {
            throw new UserError("--template: '" + template
                    + "' must be a plain file name inside --out (no '/', not starting with '.')");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            if (!params.contains(name) && !BUILT_IN.contains(name)) {
                List<String> known = new ArrayList<>(params);
                known.addAll(BUILT_IN);
                throw new UserError("--template: unknown placeholder {" + name + "}; use any of {"
                        + String.join("}, {", known) + "}");
            }
        }
    }

    /**
     * The file name template used when the user gives none, built from the kernel's own parameters:
     * {@code name=VALUE} joined by {@code _} ({@code theta={theta}_sigma={sigma}.csv}), or the kernel's name for
     * one without parameters ({@code pi.csv}); {@code _r{replica}} is added when there are replicas. A kernel
     * with the lesson's parameters {@code x0}, {@code h}, {@code beta} gets the lesson's names,
     * {@code b{beta}_m{x0}_h{h}.csv}.
     */
    static String defaultFor(String kernel, List<String> params, boolean replicas) {
        String base;
        if (params.size() == 3 && params.containsAll(List.of("x0", "h", "beta"))) {
            base = "b{beta}_m{x0}_h{h}";
        } else if (params.isEmpty()) {
            base = kernel.matches("[A-Za-z0-9_+-][A-Za-z0-9._+-]*") ? kernel : "task{index}";
        } else {
            StringBuilder b = new StringBuilder();
            for (String p : params) {
                b.append(b.isEmpty() ? "" : "_").append(p).append("={").append(p).append('}');
            }
            base = b.toString();
        }
        return base + (replicas ? "_r{replica}" : "") + ".csv";
    }

    String template() {
        return template;
    }

    String render(int index, double[] values, long iterations, int replica, long seed) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "iterations" -> Long.toString(iterations);
                case "replica" -> Integer.toString(replica);
                case "index" -> Integer.toString(index);
                case "seed" -> Long.toUnsignedString(seed, 16);
                default -> Numbers.format(values[params.indexOf(name)]);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
