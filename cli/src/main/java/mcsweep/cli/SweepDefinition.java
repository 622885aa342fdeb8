package mcsweep.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcsweep.kernel.Numbers;
import mcsweep.kernel.Scheme;

/**
 * What a sweep computes, and nothing about where or how fast: kernel, seeding scheme, generator, seed,
 * iterations, values, zip, replicas, trace format and file names. Two sweeps with equal definitions
 * produce the same files, byte for byte, which is what makes {@code --resume} and {@code merge} safe.
 * The output folder records it as {@value #FILE}, written first; its text (TOML, readable by
 * {@code --spec}) is canonical, so equal definitions have equal files.
 *
 * @param values   each parameter's values, in the kernel's declared order
 * @param template file name template, or {@code null} when no traces are written
 */
record SweepDefinition(String kernel, String scheme, String rng, long seed, long iterations, boolean zip,
                       int replicas, String format, String template, Map<String, List<Double>> values) {

    static final String FILE = SweepFiles.SPEC;

    SweepDefinition {
        values = new LinkedHashMap<>(values);
    }

    static SweepDefinition of(String kernel, Scheme scheme, String rng, long seed, long iterations, boolean zip,
                              int replicas, String format, String template, Map<String, List<Double>> values) {
        return new SweepDefinition(kernel, scheme.id(), rng, seed, iterations, zip, replicas, format, template,
                values);
    }

    /**
     * The scheme that {@code toml}, a {@value #FILE} as {@link #toToml()} writes it, records: found by the line
     * this class writes for it, without the TOML parser (loading it cost a rerun about 90 ms of start-up);
     * {@code null} if no line has that spelling (an edited file: read it with {@link SpecFile}).
     */
    static String schemeWrittenIn(String toml) {
        for (Scheme s : Scheme.values()) {
            String line = "scheme = " + Toml.string(s.id());
            if (toml.lines().anyMatch(line::equals)) {
                return s.id();
            }
        }
        return null;
    }

    /** The canonical TOML text recorded in the output folder. */
    String toToml() {
        StringBuilder s = new StringBuilder();
        s.append("# mcsweep sweep definition: what this folder's files were computed from.\n");
        s.append("# 'mcsweep sweep --spec ").append(FILE).append("' runs it again; --resume checks against it.\n");
        appendBody(s);
        return s.toString();
    }

    void appendBody(StringBuilder s) {
        s.append("kernel = ").append(Toml.string(kernel)).append('\n');
        s.append("scheme = ").append(Toml.string(scheme)).append('\n');
        s.append("rng = ").append(Toml.string(rng)).append('\n');
        s.append("seed = ").append(seed).append('\n');
        s.append("iterations = ").append(iterations).append('\n');
        s.append("zip = ").append(zip).append('\n');
        s.append("replicas = ").append(replicas).append('\n');
        s.append("format = ").append(Toml.string(format)).append('\n');
        if (template != null) {
            s.append("template = ").append(Toml.string(template)).append('\n');
        }
        s.append("\n[values]\n");
        values.forEach((name, list) -> {
            List<String> spelt = new ArrayList<>();
            list.forEach(v -> spelt.add(Numbers.format(v)));
            s.append(Toml.key(name)).append(" = [").append(String.join(", ", spelt)).append("]\n");
        });
    }

    /**
     * What differs between this definition and {@code recorded}, as one phrase naming the first
     * difference ({@code "iterations 20000 here, 10000 in sweep.toml"}), or {@code null} if none.
     */
    String difference(SweepDefinition recorded) {
        String[][] fields = {
            {"kernel", kernel, recorded.kernel},
            {"scheme", scheme, recorded.scheme},
            {"rng", rng, recorded.rng},
            {"seed", Long.toString(seed), Long.toString(recorded.seed)},
            {"iterations", Long.toString(iterations), Long.toString(recorded.iterations)},
            {"zip", Boolean.toString(zip), Boolean.toString(recorded.zip)},
            {"replicas", Integer.toString(replicas), Integer.toString(recorded.replicas)},
            {"format", format, recorded.format},
            {"template", String.valueOf(template), String.valueOf(recorded.template)},
        };
        for (String[] f : fields) {
            if (!f[1].equals(f[2])) {
                return f[0] + " " + f[1] + " here, " + f[2] + " in " + FILE;
            }
        }
        if (!values.keySet().equals(recorded.values.keySet())) {
            return "parameters " + values.keySet() + " here, " + recorded.values.keySet() + " in " + FILE;
        }
        for (var e : values.entrySet()) {
            List<Double> other = recorded.values.get(e.getKey());
            if (!e.getValue().equals(other)) {
                return "values of " + e.getKey() + " " + spell(e.getValue()) + " here, " + spell(other) + " in " + FILE;
            }
        }
        return null;
    }

    private static String spell(List<Double> values) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < values.size() && i < 6; i++) {
            s.add(Numbers.format(values.get(i)));
        }
        return String.join(",", s) + (values.size() > 6 ? ",... (" + values.size() + " values)" : "");
    }

    /** TOML spelling of strings and keys. */
    static final class Toml {
        private Toml() {
        }

        static String string(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\t' -> b.append("\\t");
                    case '\r' -> b.append("\\r");
                    default -> {
                        if (c < 0x20 || c == 0x7f) {
                            b.append(String.format("\\u%04X", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }

        static String key(String k) {
            return k.matches("[A-Za-z0-9_-]+") ? k : string(k);
        }
    }
}
