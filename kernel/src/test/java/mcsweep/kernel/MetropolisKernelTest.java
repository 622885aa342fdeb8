package mcsweep.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import mcsweep.kernel.io.CsvTraceWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MetropolisKernelTest {

    private final Kernel kernel = new MetropolisKernel(false);
    /** The Vector API path: the test JVM has the module (kernel/pom.xml), which a test below checks. */
    private final Kernel vectorKernel = new MetropolisKernel(true);

    private Summary run(double x0, double h, double beta, long n, long seed, TraceSink sink) throws Exception {
        return run(x0, h, beta, n, seed, sink, Scheme.DEFAULT);
    }

    private Summary run(double x0, double h, double beta, long n, long seed, TraceSink sink, Scheme scheme)
            throws Exception {
        return kernel.run(params(x0, h, beta), n, Seeds.generator(Seeds.DEFAULT_ALGORITHM, seed), sink, scheme);
    }

    private static double[] params(double x0, double h, double beta) {
        double[] p = new double[3];
        p[MetropolisKernel.X0] = x0;
        p[MetropolisKernel.H] = h;
        p[MetropolisKernel.BETA] = beta;
        return p;
    }

    /**
     * The exact acceptance probability of this proposal under exp(-beta x^2): the average over x ~ pi and
     * d ~ U(-w, w), w = h*h, of min(1, exp(-beta((x+d)^2 - x^2))), by the midpoint rule on a fine grid.
     */
    static double exactAcceptance(double h, double beta) {
        double sigma = Math.sqrt(1 / (2 * beta));
        double w = h * h;
        int nx = 1600, nd = 1600;
        double xlo = -9 * sigma, dx = 18 * sigma / nx, dd = 2 * w / nd;
        double norm = 0, sum = 0;
        for (int i = 0; i < nx; i++) {
            double x = xlo + (i + 0.5) * dx;
            double pi = Math.exp(-beta * x * x);
            double inner = 0;
            for (int j = 0; j < nd; j++) {
                double y = x - w + (j + 0.5) * dd;
                double dH = y * y - x * x;
                inner += dH <= 0 ? 1 : Math.exp(-beta * dH);
            }
            sum += pi * inner / nd;
            norm += pi;
        }
        return sum / norm;
    }

    @ParameterizedTest(name = "{2}: beta={0}, h={1}")
    @CsvSource({"0.1, 2.0, V1", "0.1, 1.0, V1", "1.0, 1.0, V1", "1.0, 0.5, V1", "10.0, 0.5, V1", "10.0, 1.0, V1",
        "0.1, 2.0, V2", "0.1, 1.0, V2", "1.0, 1.0, V2", "1.0, 0.5, V2", "10.0, 0.5, V2", "10.0, 1.0, V2",
        "0.1, 2.0, V3", "0.1, 1.0, V3", "1.0, 1.0, V3", "1.0, 0.5, V3", "10.0, 0.5, V3", "10.0, 1.0, V3",
        "0.1, 2.0, V4", "0.1, 1.0, V4", "1.0, 1.0, V4", "1.0, 0.5, V4", "10.0, 0.5, V4", "10.0, 1.0, V4"})
    void meanXSquaredAndAcceptanceMatchTheExactValuesWithinFourErrors(double beta, double h, Scheme scheme)
            throws Exception {
        checkAgainstExactValues(run(0.5, h, beta, 1_000_000, 2024, TraceSink.NONE, scheme), beta, h);
    }

    @ParameterizedTest(name = "vector {2}: beta={0}, h={1}")
    @CsvSource({"0.1, 2.0, V2", "0.1, 1.0, V2", "1.0, 1.0, V2", "1.0, 0.5, V2", "10.0, 0.5, V2", "10.0, 1.0, V2",
        "0.1, 2.0, V3", "0.1, 1.0, V3", "1.0, 1.0, V3", "1.0, 0.5, V3", "10.0, 0.5, V3", "10.0, 1.0, V3"})
    void theVectorPathMatchesTheExactValuesWithinFourErrors(double beta, double h, Scheme scheme) throws Exception {
        // Another seed than the scalar test's: the same seed would give the same bits, not a second sample.
        checkAgainstExactValues(vectorKernel.run(params(0.5, h, beta), 1_000_000,
                Seeds.generator(Seeds.DEFAULT_ALGORITHM, 2025), TraceSink.NONE, scheme), beta, h);
    }

    private static void checkAgainstExactValues(Summary s, double beta, double h) {
        double exactX2 = 1 / (2 * beta);
        assertThat(s.get("exact_x2")).isEqualTo(exactX2);
        assertThat(s.get("mean_x2_err")).isPositive().isLessThan(0.05 * exactX2);
        assertThat(Math.abs(s.get("mean_x2") - exactX2)).isLessThan(4 * s.get("mean_x2_err"));
        assertThat(s.get("deviation")).isEqualTo((s.get("mean_x2") - exactX2) / s.get("mean_x2_err"));

        double exactAcc = exactAcceptance(h, beta);
        assertThat(s.get("acceptance_err")).isPositive().isLessThan(0.01);
        assertThat(Math.abs(s.get("acceptance") - exactAcc)).isLessThan(4 * s.get("acceptance_err"));

        assertThat(Math.abs(s.get("mean_x"))).isLessThan(4 * s.get("mean_x_err"));
        assertThat(s.get("iterations")).isEqualTo(1_000_000);
    }

    @Test
    void exactAcceptanceIsRightInTheLimitsItCanBeCheckedIn() {
        // Tiny steps are almost always accepted; huge steps almost never.
        assertThat(exactAcceptance(0.01, 1)).isGreaterThan(0.999);
        assertThat(exactAcceptance(10, 1)).isLessThan(0.02);
    }

    @Test
    void batchMeansErrorIsLargerThanTheNaiveErrorForACorrelatedChain() throws Exception {
        // Small steps make the chain strongly correlated; sd/sqrt(n) would then badly underestimate.
        List<Double> xs2 = new ArrayList<>();
        TraceSink collect = onBlock(b -> {
            for (int i = 0; i < b.length(); i++) {
                xs2.add(b.f64(0)[i] * b.f64(0)[i]);
            }
        });
        Summary s = run(0, 0.3, 1, 200_000, 7, collect);
        double mean = xs2.stream().mapToDouble(d -> d).average().orElseThrow();
        double var = xs2.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (xs2.size() - 1);
        double naive = Math.sqrt(var / xs2.size());
        assertThat(s.get("mean_x2")).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.get("mean_x2_err")).isGreaterThan(3 * naive);
    }

    @Test
    void everyRowIsTheStateAfterItsStepAndRejectedStepsKeepTheState() throws Exception {
        List<double[]> rows = new ArrayList<>();
        TraceSink collect = new TraceSink() {
            @Override
            public void begin(List<Column> columns) {
                assertThat(columns).extracting(Column::name).containsExactly("x", "accept");
            }

            @Override
            public void write(Block b) {
                for (int i = 0; i < b.length(); i++) {
                    rows.add(new double[] {b.f64(0)[i], b.i8(1)[i]});
                }
            }
        };
        long n = 3 * Block.DEFAULT_CAPACITY + 17;
        double h = 1.5;
        Summary s = run(2.0, h, 1.0, n, 11, collect);
        assertThat(rows).hasSize((int) n);
        double prev = 2.0;
        long accepted = 0;
        for (double[] r : rows) {
            if (r[1] == 0) {
                assertThat(r[0]).isEqualTo(prev);
            } else {
                accepted++;
                assertThat(Math.abs(r[0] - prev)).isLessThanOrEqualTo(h * h);
            }
            prev = r[0];
        }
        assertThat(s.get("acceptance")).isEqualTo((double) accepted / n);
    }

    @Test
    void zeroIterationsWriteOnlyTheHeader() throws Exception {
        int[] blocks = {0};
        boolean[] begun = {false};
        Summary s = run(1, 1, 1, 0, 1, new TraceSink() {
            @Override
            public void begin(List<Column> columns) {
                begun[0] = true;
            }

            @Override
            public void write(Block b) {
                blocks[0]++;
            }
        });
        assertThat(begun[0]).isTrue();
        assertThat(blocks[0]).isZero();
        assertThat(s.get("iterations")).isZero();
        assertThat(s.get("acceptance")).isNaN();
    }

    @ParameterizedTest(name = "{0}: x0={1}, h={2}, beta={3}, n={4}")
    @CsvSource({"V1, 0.5, 1, 0.5, 100000", "V2, 0.5, 1, 0.5, 100000", "V1, 2, 1.5, 1, 24593", "V2, 2, 1.5, 1, 24593",
        "V2, -0.0, 0.3, 10, 8192", "V2, 0, 3, 0.1, 8193", "V1, 5, 0.25, 3, 1", "V2, 5, 0.25, 3, 1", "V2, 1, 1, 1, 63",
        "V2, 1, 1, 1, 64", "V2, 1, 1, 1, 65", "V2, 1, 1, 1, 0", "V2, 1e-300, 1e-100, 1e10, 1000", "V2, 1e150, 2, 1e-300, 777",
        "V3, 0.5, 1, 0.5, 100000", "V3, 2, 1.5, 1, 24593", "V3, -0.0, 0.3, 10, 8192", "V3, 0, 3, 0.1, 8193",
        "V3, 5, 0.25, 3, 1", "V3, 1, 1, 1, 7", "V3, 1, 1, 1, 63", "V3, 1, 1, 1, 64", "V3, 1, 1, 1, 65", "V3, 1, 1, 1, 0",
        "V3, 3, 0.7, 2, 16385", "V3, 1e-300, 1e-100, 1e10, 1000", "V3, 1e150, 2, 1e-300, 777", "V3, -4, 1e-5, 1e5, 5000",
        // batches of 1001 steps: the chain's pairs (one 16-bit store of two accept bytes) start at odd indices
        // and straddle block ends
        "V2, 0.5, 1, 1, 64069", "V3, 0.5, 1, 1, 64069",
        // at and just past MetropolisKernel.BLOCK (1024 rows), and its multiples
        "V1, 0.5, 1, 1, 1025", "V2, -0.0, 0.3, 10, 1024", "V2, 0, 3, 0.1, 1025", "V3, -0.0, 0.3, 10, 1024",
        "V3, 0, 3, 0.1, 1025", "V3, 0.5, 1, 1, 2049", "V1, 0.5, 1, 1, 2049", "V2, -0.0, 0.3, 10, 2048",
        "V3, -0.0, 0.3, 10, 2048", "V3, 0.5, 1, 1, 4097",
        // v3's chain draws the next block's bits: a last block of 1 step, and one a step short of a whole block
        "V3, 0.5, 1, 1, 3073", "V3, 0.5, 1, 1, 3071",
        // v4: v3 with its own bulk pass (the vector kernel runs it too: the option does not apply to v4)
        "V4, 0.5, 1, 0.5, 100000", "V4, 2, 1.5, 1, 24593", "V4, -0.0, 0.3, 10, 8192", "V4, 5, 0.25, 3, 1",
        "V4, 1, 1, 1, 0", "V4, 1, 1, 1, 7", "V4, 1e-300, 1e-100, 1e10, 1000", "V4, 1e150, 2, 1e-300, 777",
        "V4, -4, 1e-5, 1e5, 5000", "V4, 0.5, 1, 1, 64069", "V4, 0, 3, 0.1, 1025", "V4, 0.5, 1, 1, 3073",
        "V4, 0.5, 1, 1, 3071"})
    void theFastLoopGivesTheReferenceLoopsBitsTracesAndSummaries(Scheme scheme, double x0, double h, double beta,
            long n) throws Exception {
        Recorder reference = new Recorder();
        Summary r = MetropolisReference.run(params(x0, h, beta), n, Seeds.generator("Xoroshiro128PlusPlus", 99),
                reference, scheme);
        for (Kernel k : List.of(kernel, vectorKernel)) {
            Recorder fast = new Recorder();
            Summary s = k.run(params(x0, h, beta), n, Seeds.generator("Xoroshiro128PlusPlus", 99), fast, scheme);
            assertThat(fast.rows()).isEqualTo(n);
            assertThat(fast.bits.toByteArray()).isEqualTo(reference.bits.toByteArray());
            assertThat(s).isEqualTo(r); // bitwise, NaN included
        }
    }

    @Test
    void theVectorPathIsTakenWhereTheModuleIsAndAskedForOnly() {
        assertThat(VectorSupport.available()).as("tests run with --add-modules jdk.incubator.vector").isTrue();
        assertThat(((MetropolisKernel) vectorKernel).vectorised()).isTrue();
        assertThat(((MetropolisKernel) kernel).vectorised()).isFalse();
        // Not asked for with -Dmcsweep.vector=true in the test JVM: kernels loaded by name stay scalar.
        assertThat(((MetropolisKernel) Kernels.byName(MetropolisKernel.NAME)).vectorised()).isFalse();
    }

    @Test
    void schemeV2DrawsExactlyTwoUniformsPerStepWhateverTheChainDoes() throws Exception {
        RandomGenerator used = Seeds.generator(Seeds.DEFAULT_ALGORITHM, 5);
        kernel.run(params(3, 2, 1), 10_000, used, TraceSink.NONE, Scheme.V2);
        RandomGenerator fresh = Seeds.generator(Seeds.DEFAULT_ALGORITHM, 5);
        for (int i = 0; i < 20_000; i++) {
            fresh.nextDouble();
        }
        assertThat(used.nextLong()).isEqualTo(fresh.nextLong());
    }

    @ParameterizedTest
    @EnumSource(value = Scheme.class, names = {"V3", "V4"})
    void schemesV3AndV4DrawExactlyOneLongPerStepWhateverTheChainDoes(Scheme scheme) throws Exception {
        RandomGenerator used = Seeds.generator(Seeds.DEFAULT_ALGORITHM, 5);
        kernel.run(params(3, 2, 1), 10_007, used, TraceSink.NONE, scheme);
        RandomGenerator fresh = Seeds.generator(Seeds.DEFAULT_ALGORITHM, 5);
        for (int i = 0; i < 10_007; i++) {
            fresh.nextLong();
        }
        assertThat(used.nextLong()).isEqualTo(fresh.nextLong());
    }

    @Test
    void theDefaultSchemeIsV4AndDiffersFromV2() throws Exception {
        assertThat(Scheme.DEFAULT).isEqualTo(Scheme.V4);
        assertThat(run(1, 1, 1, 5000, 3, TraceSink.NONE)).isEqualTo(run(1, 1, 1, 5000, 3, TraceSink.NONE, Scheme.V4))
                .isNotEqualTo(run(1, 1, 1, 5000, 3, TraceSink.NONE, Scheme.V2));
    }

    @Test
    void schemeV4DecidesOtherwiseThanV3WhereTheirThresholdsStraddleTheStep() throws Exception {
        // In a real stream this is rare: a decision differs only where x*d falls between the two schemes'
        // thresholds, less than 2e-7 E/(2 beta) apart (no difference in 1.3e9 steps of 20 seeds). Made here with a
        // generator that draws one chosen long: its high half 2^30 gives d = h*h/2, its low half a k whose E differs.
        long k = 0x9000_0000L;
        double e3 = Ln.exponential32(k);
        double e4 = Ln.exponential32Single(k);
        assertThat(Math.abs(e4 - e3)).isGreaterThan(1e-12);
        long r = 1L << 62 | k;
        double d = 0.5; // h = 1
        double w3 = e3 * 0.5 - 0.5 * (d * d); // beta = 1
        double w4 = e4 * 0.5 - 0.5 * (d * d);
        double x0 = w3 + w4; // x0 * d, halfway between the thresholds
        for (Scheme scheme : new Scheme[] {Scheme.V3, Scheme.V4}) {
            Recorder fast = new Recorder();
            Recorder reference = new Recorder();
            kernel.run(params(x0, 1, 1), 1, () -> r, fast, scheme);
            MetropolisReference.run(params(x0, 1, 1), 1, () -> r, reference, scheme);
            assertThat(fast.bits.toByteArray()).isEqualTo(reference.bits.toByteArray());
            boolean accepted = fast.bits.toByteArray()[8] == 1;
            assertThat(accepted).as("%s accepts", scheme).isEqualTo(x0 * d <= (scheme == Scheme.V3 ? w3 : w4));
        }
        assertThat(x0 * d <= w3).isNotEqualTo(x0 * d <= w4);
    }

    @Test
    void theFourArgumentRunIsSchemeV1() throws Exception {
        Summary plain = kernel.run(params(1, 1, 1), 5000, Seeds.generator(Seeds.DEFAULT_ALGORITHM, 3), TraceSink.NONE);
        assertThat(plain).isEqualTo(run(1, 1, 1, 5000, 3, TraceSink.NONE, Scheme.V1))
                .isNotEqualTo(run(1, 1, 1, 5000, 3, TraceSink.NONE, Scheme.V2));
    }

    /**
     * SHA-256 of the lesson's first trace (task 0 of the README's first sweep: beta 0.5, x0 0.5, h 1,
     * 100,000 steps, sweep seed 42, L64X128MixRandom) as CSV. A changed value means every trace of that
     * scheme changed: make a new scheme instead.
     */
    @ParameterizedTest
    @CsvSource({"V1, 9c5946794c11ede13bf8ee3459a124a28a184a76423d45493dff53827b07bc79",
        "V2, 59a63f9b6a76b0368f5756a302f8eacdca76f7c7863023dc32c499216e29a42f",
        "V3, 78bc87bbcc434088043a65b5d6ab189def21f87a4c155c966f3654d62673bc19",
        // v4's decisions are v3's here: they differ only where a step falls between the two thresholds
        "V4, 78bc87bbcc434088043a65b5d6ab189def21f87a4c155c966f3654d62673bc19"})
    void theLessonsFirstTraceIsPinnedForEachScheme(Scheme scheme, String sha256) throws Exception {
        double[] p = params(0.5, 1.0, 0.5);
        long seed = Seeds.taskSeed(42, List.of("x0", "h", "beta"), p, 0);
        for (Kernel k : List.of(kernel, vectorKernel)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CsvTraceWriter csv = new CsvTraceWriter(bytes);
            k.run(p, 100_000, Seeds.generator(Seeds.DEFAULT_ALGORITHM, seed), csv, scheme);
            csv.flush();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
            assertThat(HexFormat.of().formatHex(digest)).isEqualTo(sha256);
        }
    }

    /** Keeps every row's raw bits: x's eight bytes, then the accept byte. */
    private static final class Recorder implements TraceSink {
        final ByteArrayOutputStream bits = new ByteArrayOutputStream();

        @Override
        public void begin(List<Column> columns) {
        }

        @Override
        public void write(Block b) {
            for (int i = 0; i < b.length(); i++) {
                long v = Double.doubleToRawLongBits(b.f64(0)[i]);
                for (int k = 0; k < 8; k++) {
                    bits.write((int) (v >>> (8 * k)));
                }
                bits.write(b.i8(1)[i]);
            }
        }

        long rows() {
            return bits.size() / 9;
        }
    }

    @Test
    void sameSeedSameSummaryAndDifferentSeedDifferentSummary() throws Exception {
        assertThat(run(1, 1, 1, 50_000, 5, TraceSink.NONE)).isEqualTo(run(1, 1, 1, 50_000, 5, TraceSink.NONE));
        assertThat(run(1, 1, 1, 50_000, 5, TraceSink.NONE)).isNotEqualTo(run(1, 1, 1, 50_000, 6, TraceSink.NONE));
    }

    @Test
    void streamsBlockByBlockReusingOneBufferSoMemoryIsBoundedWhateverTheLength() throws Exception {
        List<Object> arrays = new ArrayList<>();
        int[] maxLength = {0};
        long[] rows = {0};
        TraceSink sink = onBlock(b -> {
            if (arrays.isEmpty()) {
                arrays.add(b.f64(0));
                arrays.add(b.i8(1));
            }
            assertThat(b.f64(0)).isSameAs(arrays.get(0));
            assertThat(b.i8(1)).isSameAs(arrays.get(1));
            maxLength[0] = Math.max(maxLength[0], b.length());
            rows[0] += b.length();
        });
        run(0, 1, 1, 1_000_000, 3, sink);
        assertThat(rows[0]).isEqualTo(1_000_000);
        assertThat(maxLength[0]).isEqualTo(MetropolisKernel.BLOCK).isLessThanOrEqualTo(Block.DEFAULT_CAPACITY);
    }

    @Test
    void allocationDoesNotGrowWithTheIterationCount() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        run(0, 1, 1, 200_000, 1, TraceSink.NONE); // warm up: class loading and JIT allocate once
        long before = threads.getThreadAllocatedBytes(tid);
        run(0, 1, 1, 10_000, 1, TraceSink.NONE);
        long small = threads.getThreadAllocatedBytes(tid) - before;
        before = threads.getThreadAllocatedBytes(tid);
        run(0, 1, 1, 2_000_000, 1, TraceSink.NONE);
        long large = threads.getThreadAllocatedBytes(tid) - before;
        // 200x the steps: a per-step allocation of even 8 bytes would add 16 MB.
        assertThat(large).isLessThan(small + 256 * 1024);
    }

    @Test
    void anInterruptStopsTheRunAtABlockBoundary() {
        int[] blocks = {0};
        TraceSink sink = onBlock(b -> {
            if (++blocks[0] == 2) {
                Thread.currentThread().interrupt();
            }
        });
        assertThatThrownBy(() -> run(0, 1, 1, 100L * Block.DEFAULT_CAPACITY, 1, sink))
                .isInstanceOf(InterruptedException.class);
        assertThat(blocks[0]).isEqualTo(2);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aLongerRunOfTheSameTaskContinuesTheSameStream() throws Exception {
        List<Double> shortRun = new ArrayList<>();
        List<Double> longRun = new ArrayList<>();
        run(1, 1, 1, 1000, 9, collectX(shortRun));
        run(1, 1, 1, 20_000, 9, collectX(longRun));
        assertThat(longRun.subList(0, 1000)).isEqualTo(shortRun);
    }

    private static TraceSink collectX(List<Double> into) {
        return onBlock(b -> {
            for (int i = 0; i < b.length(); i++) {
                into.add(b.f64(0)[i]);
            }
        });
    }

    /** A sink that hands each block to {@code action}. */
    private static TraceSink onBlock(Consumer<Block> action) {
        return new TraceSink() {
            @Override
            public void begin(List<Column> columns) {
            }

            @Override
            public void write(Block b) {
                action.accept(b);
            }
        };
    }

    @Test
    void rejectsNegativeIterations() {
        assertThatThrownBy(() -> run(0, 1, 1, -1, 1, TraceSink.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations");
    }

    @Test
    void declaresItsParametersWithRanges() {
        assertThat(kernel.parameters()).extracting(Parameter::name).containsExactly("x0", "h", "beta");
        Parameter beta = kernel.parameters().get(MetropolisKernel.BETA);
        assertThat(beta.accepts(0.5)).isTrue();
        assertThat(beta.accepts(0)).isFalse();
        assertThat(beta.accepts(Double.NaN)).isFalse();
        assertThat(beta.accepts(Double.POSITIVE_INFINITY)).isFalse();
        assertThatThrownBy(() -> beta.check(-1)).hasMessage("beta: -1.0 is out of range; beta must be a finite number > 0.0");
        assertThat(Kernels.byName("metropolis")).isInstanceOf(MetropolisKernel.class);
    }
}
