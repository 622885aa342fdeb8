package mcsweep.kernel;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds {@link Kernel} plugins on the class path by name. */
public final class Kernels {

    private static final class Loaded {
        // Loaded once per JVM: kernels are stateless, and ServiceLoader scans jars.
        static final Map<String, Kernel> BY_NAME = load();
    }

    private Kernels() {
    }

    private static Map<String, Kernel> load() {
        Map<String, Kernel> m = new TreeMap<>();
        for (Kernel k : ServiceLoader.load(Kernel.class)) {
            m.putIfAbsent(k.name(), k);
        }
        return Map.copyOf(m);
    }

    /**
     * The kernel called {@code name}.
     *
     * @throws IllegalArgumentException listing the known kernels if there is none of that name
     */
    public static Kernel byName(String name) {
        Kernel k = Loaded.BY_NAME.get(name);
        if (k == null) {
            throw new IllegalArgumentException("unknown kernel '" + name + "'; available: "
                    + String.join(", ", names()));
        }
        return k;
    }

    /** Names of every kernel found, sorted. */
    public static List<String> names() {
        return Loaded.BY_NAME.keySet().stream().sorted().toList();
    }

    /** Every kernel found, sorted by name. */
    public static List<Kernel> all() {
        return names().stream().map(Loaded.BY_NAME::get).toList();
    }
}
