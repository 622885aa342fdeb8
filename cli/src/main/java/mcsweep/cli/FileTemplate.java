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
