package mcsweep.executors;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds {@link SweepExecutor} plugins on the class path. */
public final class SweepExecutors {

    private SweepExecutors() {
    }

    /** Every executor found, sorted by name. A fresh instance of each. */
    public static List<SweepExecutor> all() {
        Map<String, SweepExecutor> m = new TreeMap<>();
        for (SweepExecutor e : ServiceLoader.load(SweepExecutor.class)) {
            m.putIfAbsent(e.name(), e);
        }
        return List.copyOf(m.values());
    }

    /** Names of every executor found, sorted. */
    public static List<String> names() {
        return all().stream().map(SweepExecutor::name).toList();
    }

    /**
     * A fresh instance of the executor called {@code name}.
     *
     * @throws IllegalArgumentException listing the available executors if there is none of that name
     */
    public static SweepExecutor byName(String name) {
        for (SweepExecutor e : all()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown executor '" + name + "'; available: "
                + String.join(", ", names()));
    }
}
