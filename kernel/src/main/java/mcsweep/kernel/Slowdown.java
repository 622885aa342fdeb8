package mcsweep.kernel;

/**
 * A deliberate slowdown of the kernel's hot loop, off unless asked for: the proof that bench.jar's
 * performance-regression gate ({@code --check}) fails when the kernel gets slower. Start the JVM with
 * {@code -Dmcsweep.slowdown=N} (N > 0) and every {@link #step()} does about N dependent floating-point
 * operations more; {@code 40} roughly doubles a Metropolis step.
 *
 * <p>Normal runs pay nothing: the property is read once into a {@code static final}, which the JIT treats
 * as a constant, so with the switch off {@link #step()} compiles to nothing (bench.jar's
 * {@code SlowdownCostBenchmark} measures the loop with and without the call). Never set it outside that
 * test.
 */
public final class Slowdown {

    /** Extra operations per step; 0 (off) unless {@code -Dmcsweep.slowdown=N}. */
    public static final int EXTRA = Math.max(0, Integer.getInteger("mcsweep.slowdown", 0));

    /** Written so the JIT cannot drop the extra work; never read for a result. */
    private static double sink;

    private Slowdown() {
    }

    /** Whether the switch is on in this JVM. */
    public static boolean enabled() {
        return EXTRA > 0;
    }

    /** Called once per step by the kernel's hot loop: nothing when off, about {@link #EXTRA} operations when on. */
    public static void step() {
        if (EXTRA > 0) {
            spin();
        }
    }

    // Out of line, so that the hot loop stays small when the switch is off even before the JIT folds the test.
    private static void spin() {
        double v = sink + 1.0;
        for (int i = 0; i < EXTRA; i++) {
            v = v * 0.999999 + 1e-9; // a dependent chain: latency, like the kernel's own step
        }
        sink = v;
    }
}
