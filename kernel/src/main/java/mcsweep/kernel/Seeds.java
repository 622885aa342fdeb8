package mcsweep.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The one place that decides which random stream a task gets. <b>This is a compatibility promise:</b>
 * changing anything here changes every trace ever written; what the kernel then draws from the stream is
 * versioned by {@link Scheme}, whose schemes ({@code v1} to {@code v4}) all derive the seed as follows.
 *
 * <p>A task's seed is a pure function of the sweep seed and the task's identity,
 * its parameters' names and values in the kernel's declared order plus its replica number:
 * <pre>
 *   h = mix(sweepSeed + GOLDEN)
 *   for each parameter (name, value):
 *       h = mix((h ^ fnv1a64(utf8(name))) + GOLDEN)
 *       h = mix((h ^ doubleToLongBits(value, with -0.0 taken as 0.0)) + GOLDEN)
 *   seed = mix((h ^ replica) + GOLDEN)
 * </pre>
 * where {@code mix} is SplitMix64's finaliser (Stafford's variant 13) and {@code GOLDEN} is
 * {@code 0x9E3779B97F4A7C15}. The iteration count is deliberately not part of the identity: a longer run
 * of the same task continues the same stream, so its trace starts with the shorter run's trace. Neither
 * the executor, nor the thread, nor the order of tasks, nor the clock enters.
 *
 * <p>The seed then initialises a fresh {@link RandomGenerator} of the chosen algorithm through its
 * {@code long} constructor ({@link RandomGeneratorFactory#create(long)}). Only algorithms whose output is
 * determined by that seed are accepted ({@link #algorithms()}): not {@code SecureRandom}, nor anything
 * stochastic or hardware-based. The JDK promises identical sequences for a seed only within one execution;
 * {@code SeedsTest} pins each accepted algorithm's first outputs, so a JDK that changes one is caught.
 */
public final class Seeds {

    /** The default generator: the JDK's recommended general-purpose LXM algorithm. */
    public static final String DEFAULT_ALGORITHM = "L64X128MixRandom";

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * The seed of one task.
     *
     * @param sweepSeed the sweep's seed
     * @param names     the kernel's parameter names, in declared order
     * @param values    the task's parameter values, same order; finite
     * @param replica   {@code 0} for the first task with these values, then 1, 2, ...
     */
    public static long taskSeed(long sweepSeed, List<String> names, double[] values, int replica) {
        return taskSeed(sweepSeed, nameHashes(names), values, replica);
    }

    /**
     * The parameter names' part of every task's seed, for {@link #taskSeed(long, long[], double[], int)}: a sweep
     * hashes them once, not once per task (interpreted at start-up, a millisecond of the lesson's scan).
     */
    public static long[] nameHashes(List<String> names) {
        long[] hashes = new long[names.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = fnv1a64(names.get(i));
        }
        return hashes;
    }

    /**
     * {@link #taskSeed(long, List, double[], int)}, the same seed, from the names' {@link #nameHashes}.
     */
    public static long taskSeed(long sweepSeed, long[] nameHashes, double[] values, int replica) {
        if (nameHashes.length != values.length) {
            throw new IllegalArgumentException(nameHashes.length + " names for " + values.length + " values");
        }
        long h = mix(sweepSeed + GOLDEN);
        for (int i = 0; i < values.length; i++) {
            h = mix((h ^ nameHashes[i]) + GOLDEN);
            double v = values[i] == 0.0 ? 0.0 : values[i]; // -0.0 and 0.0 are the same task
            h = mix((h ^ Double.doubleToLongBits(v)) + GOLDEN);
        }
        return mix((h ^ replica) + GOLDEN);
    }

    /**
     * A new generator of {@code algorithm} seeded with {@code seed}.
     *
     * @throws IllegalArgumentException if {@code algorithm} is not one of {@link #algorithms()}
     */
    public static RandomGenerator generator(String algorithm, long seed) {
        return factory(algorithm).create(seed);
    }

    /**
     * The factory of {@code algorithm}, if its seeded output is reproducible.
     *
     * @throws IllegalArgumentException naming the accepted algorithms if {@code algorithm} is unknown, or
     *                                  is one whose output a seed does not determine (e.g. SecureRandom)
     */
    public static RandomGeneratorFactory<RandomGenerator> factory(String algorithm) {
        RandomGeneratorFactory<RandomGenerator> f;
        try {
            f = RandomGeneratorFactory.of(algorithm);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown random generator '" + algorithm + "'; choose one of "
                    + String.join(", ", algorithms()));
        }
        if (!reproducible(f)) {
            throw new IllegalArgumentException("random generator '" + algorithm
                    + "' is not reproducible from a seed; choose one of " + String.join(", ", algorithms()));
        }
        return f;
    }

    /** Names of the generators this JDK provides whose output a {@code long} seed determines, sorted. */
    public static List<String> algorithms() {
        return RandomGeneratorFactory.all()
                .filter(Seeds::reproducible)
                .map(RandomGeneratorFactory::name)
                .sorted()
                .toList();
    }

    // Stochastic (SecureRandom) and hardware generators take entropy, not just the seed; deprecated ones
    // may go away. Everything else in java.util.random is a seeded algorithm.
    private static boolean reproducible(RandomGeneratorFactory<?> f) {
        return !f.isStochastic() && !f.isHardware() && !f.isDeprecated();
    }

    /** SplitMix64's output function (Stafford variant 13): a bijection with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long fnv1a64(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return h;
    }
}
