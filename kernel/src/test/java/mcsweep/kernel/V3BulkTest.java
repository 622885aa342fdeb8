package mcsweep.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class V3BulkTest {

    /** Random longs with the corner cases planted in either half: 0, all ones, the sign bit, 2^31. */
    private static long[] bits(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] b = new long[n];
        for (int i = 0; i < n; i++) {
            b[i] = switch (i % 97) {
                case 3 -> 0L;
                case 5 -> -1L;
                case 7 -> Long.MIN_VALUE;
                case 11 -> 0x8000_0000L;
                case 13 -> 0x7FFF_FFFF_FFFF_FFFFL;
                case 17 -> 0xFFFF_FFFF_0000_0000L;
                case 19 -> 0x0000_0000_FFFF_FFFFL;
                default -> r.nextLong();
            };
        }
        return b;
    }

    /** {d, w} after the pass over a copy of {@code rs}, with sentinels beyond n. */
    private static double[][] run(V3Bulk bulk, long[] rs, int n, double h, double beta) {
        double[] ds = new double[n + 5], ws = new double[n + 5], js = new double[n + 5];
        Arrays.fill(ds, 42.0);
        Arrays.fill(ws, 43.0);
        bulk.apply(Arrays.copyOf(rs, n + 5), ds, ws, js, n, (h * h) * 0x1p-31, 0.5 / beta);
        return new double[][] {ds, ws};
    }

    @Test
    void theScalarPassIsTheReferenceLoopsArithmetic() {
        double h = 1.5, beta = 0.7, step = (h * h) * 0x1p-31, halfInvBeta = 0.5 / beta;
        long[] rs = bits(1000, 1);
        double[][] out = run(V3Bulk.SCALAR, rs, 1000, h, beta);
        for (int i = 0; i < 1000; i++) {
            double d = (double) (rs[i] >> 32) * step;
            assertThat(out[0][i]).isEqualTo(d);
            assertThat(out[1][i]).isEqualTo(Ln.exponential32(rs[i]) * halfInvBeta - 0.5 * (d * d));
        }
        // The proposal's extremes: -h*h exactly, and one grid step short of +h*h.
        assertThat(out[0][7]).isEqualTo(-h * h);                      // high half 0x80000000
        assertThat(out[0][13]).isEqualTo(0x7FFF_FFFF * step).isLessThan(h * h);
        assertThat(out[0][3]).isZero();
        assertThat(out[1][3]).isPositive(); // d = 0: w = E/(2 beta) > 0, so x*0 <= w always accepts
    }

    @Test
    void theSinglePrecisionPassIsSchemeV4sArithmetic() {
        double h = 0.8, beta = 2.5, step = (h * h) * 0x1p-31, halfInvBeta = 0.5 / beta;
        for (int n : new int[] {0, 1, 7, 8, 9, 1000, 1024}) {
            long[] rs = bits(n, n + 100);
            double[][] out = run(V3Bulk.single(Math.max(n, 1)), rs, n, h, beta);
            for (int i = 0; i < n; i++) {
                double d = (double) (rs[i] >> 32) * step;
                assertThat(out[0][i]).isEqualTo(d);
                assertThat(out[1][i]).as("n=%s i=%s", n, i)
                        .isEqualTo(Ln.exponential32Single(rs[i]) * halfInvBeta - 0.5 * (d * d));
            }
            assertThat(Arrays.copyOfRange(out[0], n, n + 5)).containsOnly(42.0);
            assertThat(Arrays.copyOfRange(out[1], n, n + 5)).containsOnly(43.0);
        }
    }

    @Test
    void theVectorPassGivesTheScalarBitsForEveryLengthAndParameter() {
        V3Bulk vector = V3Bulk.vector();
        assertThat(vector).as("tests run with --add-modules jdk.incubator.vector").isInstanceOf(VectorBulkV3.class);
        double[][] params = {{1, 0.5}, {0.25, 10}, {3, 0.1}, {1e-100, 1e10}, {2, 1e-300}, {0.3, 7.77}, {1e150, 1}};
        for (double[] p : params) {
            double h = p[0], beta = p[1];
            // Lengths around the lane count (the scalar tail) and a whole block.
            for (int n : new int[] {0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 63, 100, 8192}) {
                long[] rs = bits(n, n + 10);
                double[][] scalar = run(V3Bulk.SCALAR, rs, n, h, beta);
                double[][] vectored = run(vector, rs, n, h, beta);
                assertThat(raw(vectored[0])).as("d, h=%s beta=%s n=%s", h, beta, n).isEqualTo(raw(scalar[0]));
                assertThat(raw(vectored[1])).as("w, h=%s beta=%s n=%s", h, beta, n).isEqualTo(raw(scalar[1]));
            }
        }
    }

    @Test
    void bothPassesLeaveTheArraysBeyondNAlone() {
        for (V3Bulk bulk : new V3Bulk[] {V3Bulk.SCALAR, V3Bulk.vector()}) {
            double[][] out = run(bulk, bits(21, 3), 21, 1, 1);
            assertThat(Arrays.copyOfRange(out[0], 21, 26)).containsOnly(42.0);
            assertThat(Arrays.copyOfRange(out[1], 21, 26)).containsOnly(43.0);
            assertThat(out[1][20]).isNotEqualTo(43.0);
        }
    }

    private static long[] raw(double[] a) {
        return Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
