package mcsweep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import mcsweep.kernel.io.AtomicFile;

/**
 * The regression gate's baseline, {@code baseline.json} in a baseline folder ({@code results/baseline/}
 * for the lesson's kernel): each figure as a multiple of its reference loop, with the tolerance derived from
 * the spread measured over several runs, and where, when and on what it was recorded.
 *
 * @param kernel      the kernel and parameter values measured, {@link KernelSpec#describe()}
 * @param recorded    ISO date and time
 * @param machine     CPU model and cores
 * @param jdk         {@code java.vm.name java.version}
 * @param commit      the git commit of the code measured, if known
 * @param runs        how many runs the values are the medians of
 * @param slowdown    the deliberate slowdown in force when recorded (0: none; anything else is a mistake)
 * @param figures     by figure id
 */
record Baseline(String kernel, String recorded, String machine, String jdk, String commit, int runs, int slowdown,
                Map<String, Entry> figures) {

    /** The file inside a baseline folder. */
    static final String FILE = "baseline.json";

    /**
     * One figure.
     *
     * @param description  for people
     * @param reference    the reference loop it is divided by ({@code scalar} or {@code memory})
     * @param value        median over the runs of figure / reference
     * @param nanos        median of the figure itself, in ns (for people; never compared)
     * @param spread       largest relative distance of one run's value from the median
     * @param tolerance    relative change allowed before the gate calls it a regression or an improvement
     * @param values       every run's value
     */
    record Entry(String description, String reference, double value, double nanos, double spread, double tolerance,
                 List<Double> values) {
    }

    /** Reads {@code baseline.json} from {@code path}, a baseline folder or the file itself. */
    static Baseline read(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(FILE) : path;
        try {
            Baseline b = gson().fromJson(Files.readString(file, StandardCharsets.UTF_8), Baseline.class);
            if (b == null || b.figures() == null || b.figures().isEmpty()) {
                throw new IOException(file + " holds no figures");
            }
            return b;
        } catch (JsonParseException e) {
            throw new IOException(file + " is not a baseline: " + e.getMessage(), e);
        }
    }

    /** Writes it into the folder {@code dir} (created if missing), whole or not at all. */
    void write(Path dir) throws Exception {
        Files.createDirectories(dir);
        byte[] json = (gson().toJson(this) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(dir.resolve(FILE), true, out -> out.write(json));
    }

    /** Figures in a stable order, as recorded. */
    public Map<String, Entry> figures() {
        return figures == null ? Map.of() : new LinkedHashMap<>(figures);
    }

    static Gson gson() {
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().disableHtmlEscaping()
                .create();
    }
}
