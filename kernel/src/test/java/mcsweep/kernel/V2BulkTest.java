package mcsweep.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

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

    @Test
    void theScalarPassIsTheReferenceLoopsArithmetic() {
        double h = 1.5, lo = -h, width = 2 * h, halfInvBeta = 0.5 / 0.7;
        double[] ds = uniforms(1000, 1), ws = uniforms(1000, 2);
        double[] u1 = ds.clone(), u2 = ws.clone();
        V2Bulk.SCALAR.apply(ds, ws, 1000, h, lo, width, halfInvBeta);
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
                double[] ds = u1.clone(), ws = u2.clone(), dv = u1.clone(), wv = u2.clone();
                V2Bulk.SCALAR.apply(ds, ws, n, h, -h, 2 * h, 0.5 / beta);
                vector.apply(dv, wv, n, h, -h, 2 * h, 0.5 / beta);
                assertThat(bits(dv)).as("d, h=%s beta=%s n=%s", h, beta, n).isEqualTo(bits(ds));
                assertThat(bits(wv)).as("w, h=%s beta=%s n=%s", h, beta, n).isEqualTo(bits(ws));
            }
        }
    }

    @Test
    void theVectorPassLeavesTheArraysBeyondNAlone() {
        double[] ds = uniforms(40, 3), ws = uniforms(40, 4);
        double[] d0 = ds.clone(), w0 = ws.clone();
        V2Bulk.vector().apply(ds, ws, 21, 1, -1, 2, 0.5);
        assertThat(Arrays.copyOfRange(ds, 21, 40)).isEqualTo(Arrays.copyOfRange(d0, 21, 40));
        assertThat(Arrays.copyOfRange(ws, 21, 40)).isEqualTo(Arrays.copyOfRange(w0, 21, 40));
        assertThat(ds[20]).isNotEqualTo(d0[20]);
    }

    private static long[] bits(double[] a) {
        return Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
