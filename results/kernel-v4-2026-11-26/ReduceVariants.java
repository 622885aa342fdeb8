import java.lang.foreign.*; import java.lang.management.*; import java.util.*;
public class ReduceVariants {
  static final long SQRT_HALF_BITS = 0x3FE6_A09E_667F_3BCDL, EXPONENT_MASK = 0xFFF0_0000_0000_0000L;
  static final long SQRT2_NORM = 0x16A0_9E66_7F3B_CDL << 10; // 2*sqrt(1/2)'s 53-bit significand, top bit at 62
  static void uniforms(long[] rs, double[] us, int n) { for (int i = 0; i < n; i++) us[i] = ((double) (rs[i] & 0xFFFF_FFFFL) + 0.5) * 0x1p-32; }
  static void reduce(double[] ws, double[] js, int n) { for (int i = 0; i < n; i++) { final long ix = Double.doubleToRawLongBits(ws[i]); final long t = ix - SQRT_HALF_BITS;
      ws[i] = Double.longBitsToDouble(ix - (t & EXPONENT_MASK)); js[i] = (double) (t >> 52); } }
  static void r0(long[] rs, double[] ws, double[] js, int n) { uniforms(rs, ws, n); reduce(ws, js, n); }
  static void zonly(double[] ws, double[] js, int n) { for (int i = 0; i < n; i++) { final long ix = Double.doubleToRawLongBits(ws[i]); final long t = ix - SQRT_HALF_BITS;
      js[i] = Double.longBitsToDouble(ix - (t & EXPONENT_MASK)); } }
  static void jonly(double[] ws, double[] js, int n) { for (int i = 0; i < n; i++) { final long ix = Double.doubleToRawLongBits(ws[i]); final long t = ix - SQRT_HALF_BITS;
      js[i] = (double) (t >> 52); } }
  static void conly(long[] rs, double[] js, int n) { for (int i = 0; i < n; i++) { js[i] = (double) (rs[i] >> 52); } }
  static void r1(long[] rs, double[] ws, double[] js, int n) {
    for (int i = 0; i < n; i++) {
      final long m = ((rs[i] & 0xFFFF_FFFFL) << 1) | 1;
      final int lz = Long.numberOfLeadingZeros(m);
      final long norm = m << (lz - 1);
      final long ge = (SQRT2_NORM - 1 - norm) >>> 63;
      ws[i] = (double) (norm >> ge) * 0x1p-62;
      js[i] = (double) (30 - lz + ge);
    }
  }
  static final long[] UB = new long[8192]; static final MemorySegment SEG = MemorySegment.ofArray(UB);
  static void useg(long[] rs, int n) { final MemorySegment s = SEG; for (int i = 0; i < n; i++) s.setAtIndex(ValueLayout.JAVA_DOUBLE, i, ((double) (rs[i] & 0xFFFF_FFFFL) + 0.5) * 0x1p-32); }
  static void red2(long[] ub, double[] js, int n) { for (int i = 0; i < n; i++) { final long ix = ub[i]; final long t = ix - SQRT_HALF_BITS;
      ub[i] = ix - (t & EXPONENT_MASK); js[i] = (double) (t >> 52); } }
  static void readz(double[] ws, int n) { final MemorySegment s = SEG; for (int i = 0; i < n; i++) ws[i] = s.getAtIndex(ValueLayout.JAVA_DOUBLE, i); }
  static void r6(long[] rs, double[] ws, double[] js, int n) { useg(rs, n); red2(UB, js, n); }
  static void usegL(long[] rs, int n) { final MemorySegment s = SEG; for (long i = 0; i < n; i++) s.set(ValueLayout.JAVA_DOUBLE, i << 3, ((double) (rs[(int) i] & 0xFFFF_FFFFL) + 0.5) * 0x1p-32); }
  static void readzL(double[] ws, int n) { final MemorySegment s = SEG; for (long i = 0; i < n; i++) ws[(int) i] = s.get(ValueLayout.JAVA_DOUBLE, i << 3); }
  static final byte[] BB = new byte[8192 * 8];
  static final java.lang.invoke.VarHandle DV = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(double[].class, java.nio.ByteOrder.nativeOrder());
  static final java.lang.invoke.VarHandle LV = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.nativeOrder());
  static void uvh(long[] rs, int n) { final byte[] b = BB; for (int i = 0; i < n; i++) DV.set(b, i << 3, ((double) (rs[i] & 0xFFFF_FFFFL) + 0.5) * 0x1p-32); }
  static void redvh(double[] js, int n) { final byte[] b = BB; for (int i = 0; i < n; i++) { final long ix = (long) LV.get(b, i << 3); final long t = ix - SQRT_HALF_BITS;
      LV.set(b, i << 3, ix - (t & EXPONENT_MASK)); js[i] = (double) (t >> 52); } }
  static void readvh(double[] ws, int n) { final byte[] b = BB; for (int i = 0; i < n; i++) ws[i] = (double) DV.get(b, i << 3); }
  static void rn(long[] rs, double[] ws, double[] js, int n) {
    for (int i = 0; i < n; i++) {
      long x = ((rs[i] & 0xFFFF_FFFFL) << 31) | (1L << 30); // m = 2k+1 shifted by 30
      long c = 0, f;
      f = (x - (1L << 47)) >>> 63; x *= 1 + (f << 16) - f; c += f << 4;
      f = (x - (1L << 55)) >>> 63; x *= 1 + (f << 8) - f; c += f << 3;
      f = (x - (1L << 59)) >>> 63; x *= 1 + (f << 4) - f; c += f << 2;
      f = (x - (1L << 61)) >>> 63; x *= 1 + (f << 2) - f; c += f << 1;
      f = (x - (1L << 62)) >>> 63; x *= 1 + f; c += f;
      f = (x - (1L << 62)) >>> 63; x *= 1 + f; c += f;
      final long g = (SQRT2_NORM - 1 - x) >> 63;
      ws[i] = (double) (x - ((x >> 1) & g)) * 0x1p-62;
      js[i] = (double) (-1 - c - g);
    }
  }
  static void ub(long[] rs, long[] zb, double[] js, int n) {
    for (int i = 0; i < n; i++) {
      final long m = ((rs[i] & 0xFFFF_FFFFL) << 1) | 1;
      final long lz = Long.numberOfLeadingZeros(m);
      final long ix = ((1053 - lz) << 52) | ((m << (lz + 1)) >>> 12); // u = m 2^-33, its exponent 30 - lz
      final long t = ix - SQRT_HALF_BITS;
      zb[i] = ix - (t & EXPONENT_MASK);
      js[i] = (double) (t >> 52);
    }
  }
  static void rz(long[] zb, double[] ws, int n) { for (int i = 0; i < n; i++) ws[i] = Double.longBitsToDouble(zb[i]); }
  static void ur(long[] rs, double[] ws, double[] js, int n) { ub(rs, UB, js, n); rz(UB, ws, n); }
  public static void main(String[] a) {
    int n = 8192; long[] rs = new long[n]; SplittableRandom g = new SplittableRandom(5);
    double[] w0 = new double[n], j0 = new double[n], w1 = new double[n], j1 = new double[n];
    long[] edge = {0, 1, 2, 3, 0xFFFF_FFFFL, 0x7FFF_FFFFL, 0x8000_0000L, 0xB504_F333L, 0xB504_F334L, 0x5A82_7999L, 0x5A82_799AL};
    for (int rep = 0; rep < 3000; rep++) {
      for (int i = 0; i < n; i++) rs[i] = rep == 0 && i < edge.length ? edge[i] : g.nextLong();
      r0(rs, w0, j0, n); ur(rs, w1, j1, n);
      for (int i = 0; i < n; i++) if (Double.doubleToRawLongBits(w0[i]) != Double.doubleToRawLongBits(w1[i]) || j0[i] != j1[i]) { System.out.println("DIFF " + Long.toHexString(rs[i]) + " " + w0[i] + " " + w1[i] + " " + j0[i] + " " + j1[i]); return; }
    }
    System.out.println("same on 24M");
    ThreadMXBean tm = ManagementFactory.getThreadMXBean(); int rounds = 2000; double[][] t = new double[4][rounds];
    for (int r = 0; r < rounds; r++) for (int v = 0; v < 4; v++) {
      long c0 = tm.getCurrentThreadCpuTime(); for (int k = 0; k < 10; k++) { switch (v) { case 0 -> r0(rs, w0, j0, n); case 1 -> ur(rs, w1, j1, n); case 2 -> ub(rs, UB, j1, n); case 3 -> rz(UB, w1, n); case 4 -> jonly(w0, j1, n); case 5 -> conly(rs, j1, n); case 6 -> r6(rs, w1, j1, n); case 7 -> useg(rs, n); case 8 -> red2(UB, j1, n); case 9 -> readz(w1, n);  case 11 -> readzL(w1, n); case 12 -> uvh(rs, n); case 13 -> redvh(j1, n); case 14 -> readvh(w1, n); default -> rn(rs, w1, j1, n);} } long c1 = tm.getCurrentThreadCpuTime();
      t[v][r] = (c1 - c0) / (10.0 * n); }
    for (int v = 0; v < 4; v++) { double[] x = Arrays.copyOfRange(t[v], rounds / 4, rounds); Arrays.sort(x); System.out.printf("r%d %.3f ns/step%n", v, x[x.length / 2]); }
  }
}
