package mcsweep.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds {@link Kernel} plugins by name: on the class path, and in the jars of the kernel path
 * ({@link #setPath}, the CLI's {@code --kernel-path JAR}).
 */
public final class Kernels {

    /** The kernels found, and the extra jars they were found in. */
    private record Registry(Map<String, Kernel> byName, List<Path> path) {
    }

    // Loaded once per JVM (kernels are stateless, and ServiceLoader scans jars), again only when the path changes.
    private static volatile Registry registry;

    private Kernels() {
    }

    private static Registry registry() {
        Registry r = registry;
        if (r == null) {
            synchronized (Kernels.class) {
                r = registry;
                if (r == null) {
                    r = load(List.of());
                    registry = r;
                }
            }
        }
        return r;
    }

    private static Registry load(List<Path> path) {
        ServiceLoader<Kernel> loader;
        if (path.isEmpty()) {
            loader = ServiceLoader.load(Kernel.class);
        } else {
            URL[] urls = new URL[path.size()];
            for (int i = 0; i < urls.length; i++) {
                try {
                    urls[i] = path.get(i).toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("kernel path entry " + path.get(i) + ": " + e.getMessage());
                }
            }
            // Never closed: the kernels' classes live as long as the JVM. The parent is our own loader, so a
            // plugin sees the same Kernel interface we do.
            loader = ServiceLoader.load(Kernel.class, new URLClassLoader("mcsweep-kernel-path", urls,
                    Kernels.class.getClassLoader()));
        }
        Map<String, Kernel> m = new TreeMap<>();
        for (Kernel k : loader) {
            m.putIfAbsent(k.name(), k);
        }
        return new Registry(Map.copyOf(m), path);
    }

    /**
     * Makes the kernels in {@code jars} (and folders of classes) available besides those on the class path,
     * replacing any path set before. Worker JVMs of the process executors get the same entries on their class
     * path ({@link #path()}).
     *
     * @throws IllegalArgumentException if an entry does not exist, naming it
     */
    public static synchronized void setPath(List<Path> jars) {
        List<Path> path = new ArrayList<>();
        for (Path p : jars) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("no such file: " + p);
            }
            try {
                path.add(p.toRealPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Registry current = registry;
        if (current != null && current.path().equals(path)) {
            return;
        }
        registry = load(List.copyOf(path));
    }

    /** The kernel path set by {@link #setPath}, as absolute paths; empty by default. */
    public static List<Path> path() {
        return registry().path();
    }

    /**
     * The kernel called {@code name}.
     *
     * @throws IllegalArgumentException listing the known kernels if there is none of that name
     */
    public static Kernel byName(String name) {
        Kernel k = BuiltIn.byName(name);
        if (k == null) {
            k = registry().byName().get(name);
        }
        if (k == null) {
            throw new IllegalArgumentException("unknown kernel '" + name + "'; available: "
                    + String.join(", ", names()));
        }
        return Slowdown.wrap(k); // the kernel itself unless -Dmcsweep.slowdown (the regression gate's proof)
    }

    /**
     * The kernels this module ships, found without {@link ServiceLoader}: its scan reads every jar's
     * {@code META-INF/services}, and opening the jar (reading its central directory, interpreted) was most of
     * what a sweep's JVM did with its jar, all of whose classes come from the start-up cache. They are the
     * kernels the scan finds first anyway (a plugin's loader asks ours first); {@code KernelsTest} checks both
     * agree.
     */
    static final class BuiltIn {
        static final Kernel METROPOLIS = new MetropolisKernel();
        static final Kernel PI = new PiKernel();

        private BuiltIn() {
        }

        static Kernel byName(String name) {
            return switch (name) {
                case MetropolisKernel.NAME -> METROPOLIS;
                case PiKernel.NAME -> PI;
                default -> null;
            };
        }
    }

    /** Names of every kernel found, sorted. */
    public static List<String> names() {
        return registry().byName().keySet().stream().sorted().toList();
    }

    /** Every kernel found, sorted by name. */
    public static List<Kernel> all() {
        Map<String, Kernel> m = registry().byName();
        return names().stream().map(m::get).toList();
    }
}
