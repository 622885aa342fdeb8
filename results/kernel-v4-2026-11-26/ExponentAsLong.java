import java.lang.management.*; import java.util.*;
public class ExponentAsLong {
  static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10,
    LG1 = 6.666666666666735130e-01, LG2 = 3.999999999940941908e-01, LG3 = 2.857142874366239149e-01, LG4 = 2.222219843214978396e-01,
    LG5 = 1.818357216161805012e-01, LG6 = 1.531383769920937332e-01, LG7 = 1.479819860511658591e-01;
  static void thresholds(double[] ds, double[] ws, double[] js, int from, int to, double halfInvBeta) {
        for (int i = from; i < to; i++) {
            final double z = ws[i];
            final double j = js[i];
            final double f = z - 1.0;
            final double s = f / (2.0 + f);
            final double s2 = s * s;
            final double s4 = s2 * s2;
            final double odd = s4 * (LG2 + s4 * (LG4 + s4 * LG6));
            final double even = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7)));
            final double r = even + odd;
            final double hfsq = 0.5 * f * f;
            final double e = ((hfsq - (s * (hfsq + r) + j * LN2_LO)) - f) - j * LN2_HI;
            final double d = ds[i];
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        }
  }
  static void thresholdsB(double[] ds, double[] ws, long[] js, int from, int to, double halfInvBeta) {
        for (int i = from; i < to; i++) {
            final double z = ws[i];
            final double j = (double) js[i];
            final double f = z - 1.0;
            final double s = f / (2.0 + f);
            final double s2 = s * s;
            final double s4 = s2 * s2;
            final double odd = s4 * (LG2 + s4 * (LG4 + s4 * LG6));
            final double even = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7)));
            final double r = even + odd;
            final double hfsq = 0.5 * f * f;
            final double e = ((hfsq - (s * (hfsq + r) + j * LN2_LO)) - f) - j * LN2_HI;
            final double d = ds[i];
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        }
  }
  static final long SQRT_HALF_BITS = 0x3FE6_A09E_667F_3BCDL, EXPONENT_MASK = 0xFFF0_0000_0000_0000L;
  static void reduce(double[] ws, double[] js, int n) { for (int i = 0; i < n; i++) { final long ix = Double.doubleToRawLongBits(ws[i]); final long t = ix - SQRT_HALF_BITS;
      ws[i] = Double.longBitsToDouble(ix - (t & EXPONENT_MASK)); js[i] = (double) (t >> 52); } }
  static void reduceB(double[] ws, long[] js, int n) { for (int i = 0; i < n; i++) { final long ix = Double.doubleToRawLongBits(ws[i]); final long t = ix - SQRT_HALF_BITS;
      ws[i] = Double.longBitsToDouble(ix - (t & EXPONENT_MASK)); js[i] = t >> 52; } }
  static void disp(long[] rs, double[] ds, int n, double step) { for (int i = 0; i < n; i++) ds[i] = (double) (rs[i] >> 32) * step; }
  public static void main(String[] a) {
    int n = 8192; SplittableRandom g = new SplittableRandom(5);
    double[] d = new double[n], u = new double[n], w = new double[n], j = new double[n], w2 = new double[n]; long[] lj = new long[n];
    for (int i = 0; i < n; i++) { d[i] = g.nextDouble(); u[i] = ((double) (g.nextLong() & 0xFFFF_FFFFL) + 0.5) * 0x1p-32; }
    System.arraycopy(u, 0, w, 0, n); reduce(w, j, n); thresholds(d, w, j, 0, n, 0.5);
    System.arraycopy(u, 0, w2, 0, n); reduceB(w2, lj, n); thresholdsB(d, w2, lj, 0, n, 0.5);
    for (int i = 0; i < n; i++) if (Double.doubleToRawLongBits(w[i]) != Double.doubleToRawLongBits(w2[i])) throw new AssertionError(i);
    ThreadMXBean tm = ManagementFactory.getThreadMXBean(); int rounds = 3000; double[][] t = new double[2][rounds]; double[] rr = new double[rounds];
    for (int r = 0; r < rounds; r++) for (int v = 0; v < 2; v++) {
      long c0 = tm.getCurrentThreadCpuTime(); for (int k = 0; k < 10; k++) { if (v == 0) { System.arraycopy(u, 0, w, 0, n); reduce(w, j, n); thresholds(d, w, j, 0, n, 0.5); } else { System.arraycopy(u, 0, w2, 0, n); reduceB(w2, lj, n); thresholdsB(d, w2, lj, 0, n, 0.5); } } long c1 = tm.getCurrentThreadCpuTime();
      t[v][r] = (c1 - c0) / (10.0 * n); }
    for (int r = 0; r < rounds; r++) rr[r] = t[1][r] / t[0][r];
    for (int v = 0; v < 2; v++) { double[] x = Arrays.copyOfRange(t[v], rounds / 4, rounds); Arrays.sort(x); System.out.printf("%s %.3f ns/step%n", v == 0 ? "now" : "B", x[x.length / 2]); }
    double[] x = Arrays.copyOfRange(rr, rounds / 4, rounds); Arrays.sort(x); System.out.printf("B/now %.3f%n", x[x.length / 2]);
  }
}
