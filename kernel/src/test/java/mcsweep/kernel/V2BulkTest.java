package mcsweep.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class V2BulkTest {

    /** Uniforms as nextDouble draws them, with the corner cases planted: 0 (E = +inf), the smallest, 1 - ulp. */
    private static double[] uniforms(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = switch (i % 97) {
                case 3 -> 0.0;
                case 5 -> 0x1p-53;
                case 7 -> Math.nextDown(1.0);
                case 11 -> 0.5;
                default -> (r.nextLong() >>> 11) * 0x1.0p-53;
            };
        }
        return u;
    }

    /** A generator whose nextDouble() returns u1[0], u2[0], u1[1], u2[1], ...: U1 and U2 of each step. */
    private static RandomGenerator replaying(double[] u1, double[] u2) {
        return new RandomGenerator() {
            int next;

            @Override
            public double nextDouble() {
                int i = next++;
                return (i & 1) == 0 ? u1[i >> 1] : u2[i >> 1];
            }

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is replayed");
            }
        };
    }

    /** Draws u1, u2 through {@code bulk} (as the kernel does) and applies it; {d, w} after. */
    private static double[][] run(V2Bulk bulk, double[] u1, double[] u2, int n, double h, double beta) {
        double[] ds = new double[n + 5], ws = new double[n + 5];
        Arrays.fill(ds, 42.0);
        Arrays.fill(ws, 43.0);
        bulk.draw(replaying(u1, u2), ds, ws, n);
        bulk.apply(ds, ws, n, h, -h, 2 * h, 0.5 / beta);
        return new double[][] {ds, ws};
    }

    @Test
    void drawingTakesU1ThenU2OfEachStep() {
        double[] u1 = uniforms(50, 1), u2 = uniforms(50, 2);
        for (V2Bulk bulk : new V2Bulk[] {V2Bulk.SCALAR, V2Bulk.vector()}) {
            double[] ds = new double[50], ws = new double[50];
            bulk.draw(replaying(u1, u2), ds, ws, 50);
            assertThat(ds).isEqualTo(u1);
            assertThat(ws).isEqualTo(u2);
        }
    }

    @Test
    void theScalarPassIsTheReferenceLoopsArithmetic() {
        double h = 1.5, lo = -h, width = 2 * h, halfInvBeta = 0.5 / 0.7;
        double[] u1 = uniforms(1000, 1), u2 = uniforms(1000, 2);
        double[][] out = run(V2Bulk.SCALAR, u1, u2, 1000, h, 0.7);
        double[] ds = out[0], ws = out[1];
        for (int i = 0; i < 1000; i++) {
            double d = h * (lo + width * u1[i]);
            assertThat(ds[i]).isEqualTo(d);
            assertThat(ws[i]).isEqualTo(-Ln.ofUniform(u2[i]) * halfInvBeta - 0.5 * (d * d));
        }
        assertThat(ws[3]).isEqualTo(Double.POSITIVE_INFINITY); // u2 = 0: E = +inf, always accepted
    }

    @Test
    void theVectorPassGivesTheScalarBitsForEveryLengthAndParameter() {
        V2Bulk vector = V2Bulk.vector();
        assertThat(vector).as("tests run with --add-modules jdk.incubator.vector").isInstanceOf(VectorBulk.class);
        double[][] params = {{1, 0.5}, {0.25, 10}, {3, 0.1}, {1e-100, 1e10}, {2, 1e-300}, {0.3, 7.77}};
        for (double[] p : params) {
            double h = p[0], beta = p[1];
            // Lengths around the lane count (the scalar tail) and a whole block.
            for (int n : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 63, 100, 8192}) {
                double[] u1 = uniforms(n, n + 10), u2 = uniforms(n, n + 20);
                double[][] scalar = run(V2Bulk.SCALAR, u1, u2, n, h, beta);
                double[][] vectored = run(vector, u1, u2, n, h, beta); // one instance, reused as a kernel does
                assertThat(bits(vectored[0])).as("d, h=%s beta=%s n=%s", h, beta, n).isEqualTo(bits(scalar[0]));
                assertThat(bits(vectored[1])).as("w, h=%s beta=%s n=%s", h, beta, n).isEqualTo(bits(scalar[1]));
            }
        }
    }

    @Test
    void bothPassesLeaveTheArraysBeyondNAlone() {
        for (V2Bulk bulk : new V2Bulk[] {V2Bulk.SCALAR, V2Bulk.vector()}) {
            double[][] out = run(bulk, uniforms(21, 3), uniforms(21, 4), 21, 1, 1);
            assertThat(Arrays.copyOfRange(out[0], 21, 26)).containsOnly(42.0);
            assertThat(Arrays.copyOfRange(out[1], 21, 26)).containsOnly(43.0);
            assertThat(out[0][20]).isNotEqualTo(42.0);
        }
    }

    private static long[] bits(double[] a) {
        return Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
