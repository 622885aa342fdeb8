package mcsweep.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import mcsweep.kernel.Numbers;

/**
 * Reads sweep files ({@code --spec FILE}, TOML): the same keys as {@link SweepDefinition#toToml()} writes,
 * plus {@code out} and an {@code [execution]} table ({@code executor}, {@code workers}, {@code chunk},
 * {@code halt}, {@code timeout}, {@code retries}). A parameter's values are an array of numbers or a
 * string in the command line's syntax ({@code "0.1:1:0.1,2"}). Unknown keys are errors, so a typo does not
 * silently fall back to a default.
 *
 * <p>Only this class touches the TOML library, so commands that read no sweep file never load it.
 */
final class SpecFile {

    private static final Set<String> TOP = Set.of("kernel", "scheme", "rng", "seed", "iterations", "zip", "replicas",
            "format", "template", "out", "values", "execution");
    private static final Set<String> EXECUTION = Set.of("executor", "workers", "chunk", "halt", "timeout", "retries");

    /** A sweep file's contents; {@code null} where the file is silent. */
    record Contents(String kernel, String scheme, String rng, Long seed, Long iterations, Boolean zip,
                    Integer replicas, String format, String template, String out, Map<String, String> values,
                    String executor, Integer workers, Integer chunk, String halt, Double timeout, Integer retries) {
    }

    private final String name;
    private final TomlTable toml;

    private SpecFile(String name, TomlTable toml) {
        this.name = name;
        this.toml = toml;
    }

    /** @throws UserError naming the file, line and problem if it cannot be read or has a mistake */
    static Contents read(String option, Path file) {
        TomlParseResult r;
        try {
            r = Toml.parse(file);
        } catch (IOException e) {
            throw new UserError(option + ": cannot read " + file + ": " + e.getMessage());
        }
        String where = option + " " + file;
        if (r.hasErrors()) {
            TomlParseError e = r.errors().get(0);
            throw new UserError(where + ": line " + e.position().line() + ": " + e.getMessage());
        }
        return new SpecFile(where, r).contents();
    }

    private Contents contents() {
        for (String k : toml.keySet()) {
            if (!TOP.contains(k)) {
                throw new UserError(name + ": unknown key '" + k + "'; known keys: " + String.join(", ", sorted(TOP)));
            }
        }
        Map<String, String> values = null;
        if (toml.contains("values")) {
            TomlTable t = table("values");
            values = new LinkedHashMap<>();
            for (String p : t.keySet()) {
                Object v = t.get(List.of(p));
                String text = valueList(p, v);
                ValueLists.parse(name + ": values." + p, text); // a broken file is refused even where overridden
                values.put(p, text);
            }
        }
        TomlTable ex = toml.contains("execution") ? table("execution") : null;
        if (ex != null) {
            for (String k : ex.keySet()) {
                if (!EXECUTION.contains(k)) {
                    throw new UserError(name + ": unknown key 'execution." + k + "'; known keys: "
                            + String.join(", ", sorted(EXECUTION)));
                }
            }
        }
        return new Contents(str(toml, "kernel"), str(toml, "scheme"), str(toml, "rng"), lng(toml, "seed"),
                lng(toml, "iterations"), bool(toml, "zip"), integer(toml, "replicas"), str(toml, "format"),
                str(toml, "template"), str(toml, "out"), values,
                ex == null ? null : str(ex, "executor"), ex == null ? null : integer(ex, "workers"),
                ex == null ? null : integer(ex, "chunk"), ex == null ? null : str(ex, "halt"),
                ex == null ? null : dbl(ex, "timeout"), ex == null ? null : integer(ex, "retries"));
    }

    private String valueList(String param, Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof TomlArray a) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                Object x = a.get(i);
                if (x instanceof Double d) {
                    out.add(Numbers.format(d));
                } else if (x instanceof Long l) {
                    out.add(Long.toString(l));
                } else if (x instanceof String s) {
                    out.add(s);
                } else {
                    throw new UserError(name + ": values." + param + "[" + i + "] is not a number");
                }
            }
            return String.join(",", out);
        }
        if (v instanceof Double d) {
            return Numbers.format(d);
        }
        if (v instanceof Long l) {
            return Long.toString(l);
        }
        throw new UserError(name + ": values." + param + " must be an array of numbers or a string such as \"0.1:1:0.1\"");
    }

    private TomlTable table(String key) {
        Object v = toml.get(List.of(key));
        if (!(v instanceof TomlTable t)) {
            throw new UserError(name + ": '" + key + "' must be a table ([" + key + "])");
        }
        return t;
    }

    private String str(TomlTable t, String key) {
        Object v = t.get(List.of(key));
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new UserError(name + ": '" + key + "' must be a string, e.g. " + key + " = \"...\"");
        }
        return s;
    }

    private Long lng(TomlTable t, String key) {
        Object v = t.get(List.of(key));
        if (v == null) {
            return null;
        }
        if (!(v instanceof Long l)) {
            throw new UserError(name + ": '" + key + "' must be an integer");
        }
        return l;
    }

    private Integer integer(TomlTable t, String key) {
        Long l = lng(t, key);
        if (l == null) {
            return null;
        }
        if (l != (int) (long) l) {
            throw new UserError(name + ": '" + key + "' = " + l + " is out of range");
        }
        return (int) (long) l;
    }

    private Double dbl(TomlTable t, String key) {
        Object v = t.get(List.of(key));
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l.doubleValue();
        }
        if (!(v instanceof Double d)) {
            throw new UserError(name + ": '" + key + "' must be a number");
        }
        return d;
    }

    private Boolean bool(TomlTable t, String key) {
        Object v = t.get(List.of(key));
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw new UserError(name + ": '" + key + "' must be true or false");
        }
        return b;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
