package mcsweep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcsweep.kernel.Kernel;
import mcsweep.kernel.Parameter;
import picocli.CommandLine.ParseResult;

/**
 * Merges a sweep file into {@code mcsweep sweep}'s options (what the command line gives wins), and prints
 * the sweep file equivalent to a command line ({@code --print-spec}).
 */
final class SpecOptions {

    private SpecOptions() {
    }

    /** Fills the options the command line left out from {@code --spec}, then checks required ones. */
    static void apply(SweepCommand c) {
        ParseResult given = c.commandSpec.commandLine().getParseResult();
        boolean schemeInSpec = false;
        if (c.specFile != null) {
            SpecFile.Contents f = SpecFile.read("--spec", c.specFile);
            schemeInSpec = f.scheme() != null;
            if (f.scheme() != null && !given.hasMatchedOption("--scheme")) {
                c.scheme = f.scheme(); // checked with the option's own message (SweepCommand.scheme)
            }
            if (f.kernel() != null && !given.hasMatchedOption("--kernel")) {
                c.kernelName = f.kernel();
            }
            if (f.rng() != null && !given.hasMatchedOption("--rng")) {
                c.rng = f.rng();
            }
            if (f.seed() != null && !given.hasMatchedOption("--seed")) {
                c.seed = f.seed();
            }
            if (f.iterations() != null && !given.hasMatchedOption("--iterations")) {
                c.iterations = f.iterations();
            }
            if (f.zip() != null && !given.hasMatchedOption("--zip")) {
                c.zip = f.zip();
            }
            if (f.replicas() != null && !given.hasMatchedOption("--replicas")) {
                c.replicas = f.replicas();
            }
            if (f.format() != null && !given.hasMatchedOption("--format")) {
                c.format = f.format();
            }
            if (f.template() != null && !given.hasMatchedOption("--template")) {
                c.template = f.template();
            }
            if (f.out() != null && !given.hasMatchedOption("--out")) {
                // relative to the sweep file's folder, so a sweep file and its results can travel together
                Path base = c.specFile.toAbsolutePath().getParent();
                c.out = base == null ? Path.of(f.out()) : base.resolve(f.out()).normalize();
            }
            if (f.executor() != null && !given.hasMatchedOption("--executor")) {
                c.executorName = f.executor();
            }
            if (f.workers() != null && !given.hasMatchedOption("--workers")) {
                c.workers = f.workers();
            }
            if (f.chunk() != null && !given.hasMatchedOption("--chunk")) {
                c.chunk = f.chunk();
            }
            if (f.halt() != null && !given.hasMatchedOption("--halt")) {
                c.halt = f.halt();
            }
            if (f.timeout() != null && !given.hasMatchedOption("--timeout")) {
                c.timeout = f.timeout();
            }
            if (f.retries() != null && !given.hasMatchedOption("--retries")) {
                c.retries = f.retries();
            }
            if (f.values() != null) {
                Map<String, String> fromFile = new LinkedHashMap<>(f.values());
                for (var e : fromFile.entrySet()) {
                    String name = e.getKey();
                    if (c.params.stream().anyMatch(p -> p.substring(0, Math.max(0, p.indexOf('='))).trim()
                            .equals(name))) {
                        continue; // -P NAME=... on the command line wins
                    }
                    switch (name) {
                        case "x0" -> c.x0 = c.x0 != null ? c.x0 : e.getValue();
                        case "h" -> c.h = c.h != null ? c.h : e.getValue();
                        case "beta" -> c.beta = c.beta != null ? c.beta : e.getValue();
                        default -> c.params.add(name + "=" + e.getValue());
                    }
                }
            }
        }
        if (!given.hasMatchedOption("--scheme") && !schemeInSpec) {
            adoptRecordedScheme(c);
        }
        if (!given.hasMatchedOption("--iterations") && (c.specFile == null || c.iterations == 0)) {
            throw new UserError("missing --iterations N (steps per task, >= 1), on the command line or in --spec");
        }
        if (c.resume && c.resumeFailed) {
            throw new UserError("--resume-failed already resumes; give one of --resume and --resume-failed");
        }
    }

    /**
     * Without {@code --scheme} (on the command line or in {@code --spec}), a sweep continues in the scheme
     * its {@code --out} folder records: folders written before the default became v3, then v4, resume and extend
     * with the scheme they were written with. A folder without a readable record keeps the default (the folder
     * check reports what is wrong with it).
     */
    private static void adoptRecordedScheme(SweepCommand c) {
        if (c.out == null) {
            return;
        }
        Path file = c.out.resolve(SweepDefinition.FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        // Unreadable files are left to SweepFolder.checkDefinition, which names the file and the problem.
        String recorded;
        try {
            recorded = SweepDefinition.schemeWrittenIn(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            return;
        }
        if (recorded == null) {
            try {
                recorded = SpecFile.read("--out", file).scheme();
            } catch (UserError unreadable) {
                return;
            }
        }
        if (recorded != null) {
            c.scheme = recorded;
        }
    }

    /** {@code values} in the kernel's declared parameter order. */
    static Map<String, List<Double>> inKernelOrder(Kernel kernel, Map<String, List<Double>> values) {
        Map<String, List<Double>> ordered = new LinkedHashMap<>();
        for (Parameter p : kernel.parameters()) {
            if (values.containsKey(p.name())) {
                ordered.put(p.name(), values.get(p.name()));
            }
        }
        return ordered;
    }

    /** The sweep file equivalent to {@code c}'s command line: the definition, the output folder, execution. */
    static String print(SweepCommand c, SweepDefinition d) {
        StringBuilder s = new StringBuilder("# mcsweep sweep file: run it with 'mcsweep sweep --spec FILE'.\n");
        s.append("out = ").append(SweepDefinition.Toml.string(c.out.toString())).append('\n');
        // top-level keys must precede the tables that appendBody ends with
        StringBuilder body = new StringBuilder();
        d.appendBody(body);
        s.append(body);
        s.append("\n[execution]\n");
        s.append("executor = ").append(SweepDefinition.Toml.string(c.executorName)).append('\n');
        if (c.workers != null) {
            s.append("workers = ").append(c.workers).append('\n');
        }
        s.append("chunk = ").append(c.chunk).append('\n');
        s.append("halt = ").append(SweepDefinition.Toml.string(c.halt)).append('\n');
        if (c.timeout != null) {
            s.append("timeout = ").append(mcsweep.kernel.Numbers.format(c.timeout)).append('\n');
        }
        s.append("retries = ").append(c.retries).append('\n');
        return s.toString();
    }
}
