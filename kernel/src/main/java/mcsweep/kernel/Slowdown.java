package mcsweep.kernel;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A deliberate slowdown of the kernel's hot loop, off unless asked for: the proof that bench.jar's
 * performance-regression gate ({@code --check}) fails when the kernel gets slower. Start the JVM with
 * {@code -Dmcsweep.slowdown=N} (N > 0) and every step of every kernel costs about N dependent floating-point
 * operations more ({@code 40} roughly doubles a Metropolis step): {@link Kernels#byName} hands out the
 * kernel {@linkplain #wrap wrapped} so that each block of steps it writes to its trace sink first pays
 * {@code N x steps} operations. That reaches every kernel and every stream scheme, whatever its loops look
 * like, through the one lookup that sweeps and bench.jar's kernel benchmarks share.
 *
 * <p>Normal runs pay nothing: the property is read once into a {@code static final}; with the switch off
 * no kernel is wrapped, and {@link #step()} (for a hot loop that calls it directly) compiles to nothing,
 * as bench.jar's {@code SlowdownCostBenchmark} shows. Never set it outside that test.
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
        spin(EXTRA);
    }

    private static void spin(long operations) {
        double v = sink + 1.0;
        for (long i = 0; i < operations; i++) {
            v = v * 0.999999 + 1e-9; // a dependent chain: latency, like the kernel's own step
        }
        sink = v;
    }

    /**
     * {@code kernel} as is when the switch is off; when on, the same kernel whose every block of steps costs
     * {@link #EXTRA} operations per step more (paid when the block reaches the trace sink, which every kernel
     * writes, even to {@link TraceSink#NONE}).
     */
    public static Kernel wrap(Kernel kernel) {
        return enabled() && !(kernel instanceof Slowed) ? new Slowed(kernel) : kernel;
    }

    /** A kernel under the deliberate slowdown: forwards everything, with a sink that spins before each block. */
    private record Slowed(Kernel kernel) implements Kernel {

        @Override
        public String name() {
            return kernel.name();
        }

        @Override
        public String description() {
            return kernel.description();
        }

        @Override
        public List<Parameter> parameters() {
            return kernel.parameters();
        }

        @Override
        public List<Column> columns() {
            return kernel.columns();
        }

        @Override
        public List<String> summaryNames() {
            return kernel.summaryNames();
        }

        @Override
        public Optional<Reduction> reduction() {
            return kernel.reduction();
        }

        @Override
        public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink)
                throws IOException, InterruptedException {
            return kernel.run(params, iterations, rng, slowed(sink));
        }

        @Override
        public Summary run(double[] params, long iterations, RandomGenerator rng, TraceSink sink, Scheme scheme)
                throws IOException, InterruptedException {
            return kernel.run(params, iterations, rng, slowed(sink), scheme);
        }

        private static TraceSink slowed(TraceSink sink) {
            return new TraceSink() {
                @Override
                public void begin(List<Column> columns) throws IOException {
                    sink.begin(columns);
                }

                @Override
                public void write(Block block) throws IOException {
                    spin((long) EXTRA * block.length());
                    sink.write(block);
                }
            };
        }
    }
}
