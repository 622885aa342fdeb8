package mcsweep.executors;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import mcsweep.executors.forkjoin.ForkJoinExecutor;
import mcsweep.executors.process.PoolExecutor;
import mcsweep.executors.process.ProcessExecutor;
import mcsweep.executors.sequential.SequentialExecutor;
import mcsweep.executors.threads.ThreadsExecutor;
import mcsweep.executors.virtual.VirtualExecutor;

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
        SweepExecutor builtIn = builtIn(name);
        if (builtIn != null) {
            return builtIn;
        }
        for (SweepExecutor e : all()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown executor '" + name + "'; available: "
                + String.join(", ", names()));
    }

    /**
     * A fresh instance of the executor of this module called {@code name}, or {@code null}, without
     * {@link ServiceLoader}: its scan reads every jar's {@code META-INF/services}, and opening the jar (reading its
     * central directory, interpreted) was most of what a sweep's JVM did with its jar, all of whose classes come
     * from the start-up cache. The scan would find these first anyway; {@code SweepExecutorsTest} checks both
     * agree.
     */
    static SweepExecutor builtIn(String name) {
        return switch (name) {
            case "sequential" -> new SequentialExecutor();
            case "threads" -> new ThreadsExecutor();
            case "forkjoin" -> new ForkJoinExecutor();
            case "virtual" -> new VirtualExecutor();
            case "process" -> new ProcessExecutor();
            case "pool" -> new PoolExecutor();
            default -> null;
        };
    }
}
