package mcsweep.kernel;

/**
 * Whether the kernels may use the Vector API ({@code jdk.incubator.vector}): only when asked for, with
 * {@code -Dmcsweep.vector=true}, and only if the JVM was started with
 * {@code --add-modules jdk.incubator.vector}; otherwise the scalar loops run, with the same results. The
 * classes that use the API are loaded only after this check, so a JVM without the module never sees them.
 */
public final class VectorSupport {

    /** The system property that asks for the Vector API paths. */
    public static final String PROPERTY = "mcsweep.vector";

    private static final String MODULE = "jdk.incubator.vector";

    private static final boolean REQUESTED = Boolean.getBoolean(PROPERTY);

    private VectorSupport() {
    }

    /** Whether this JVM was started with the Vector API module (whether or not it was asked for). */
    public static boolean available() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** Whether {@code -Dmcsweep.vector=true} asked for the Vector API paths. */
    public static boolean requested() {
        return REQUESTED;
    }

    /** Whether kernels created without an explicit choice use the Vector API: requested and available. */
    public static boolean enabled() {
        return REQUESTED && available();
    }
}
