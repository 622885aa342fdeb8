import java.lang.management.*;
import java.util.*;
public class ChainSide {
  static final java.lang.invoke.VarHandle LH = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  static final java.lang.invoke.VarHandle SH = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(short[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  static final int N = 8192;
  static double[] ds = new double[N], ws = new double[N], xs = new double[N];
  static byte[] acc = new byte[N];
  static double[] st = new double[5];

  // A: current pair, long-bits masks
  static double A(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0; int accepts = 0; int i = 0;
    for (; i + 1 < n; i += 2) {
      final double d0 = ds[i]; final double d1 = ds[i + 1]; final double w1 = ws[i + 1];
      final double y = x + d0;
      final int a0 = x * d0 <= ws[i] ? 1 : 0;
      final int ifRejected = x * d1 <= w1 ? 1 : 0;
      final int ifAccepted = y * d1 <= w1 ? 1 : 0;
      final int a1 = (ifAccepted & a0) | (ifRejected & (a0 ^ 1));
      final long m0 = -(long) a0; final long m1 = -(long) a1;
      final long xb = Double.doubleToRawLongBits(x);
      final long zb = Double.doubleToRawLongBits(x + d1);
      final long x1b = xb ^ ((xb ^ Double.doubleToRawLongBits(y)) & m0);
      final long nb = zb ^ ((zb ^ Double.doubleToRawLongBits(y + d1)) & m0);
      final double x1 = Double.longBitsToDouble(x1b);
      x = Double.longBitsToDouble(x1b ^ ((x1b ^ nb) & m1));
      xs[i] = x1; xs[i + 1] = x; acc[i] = (byte) a0; acc[i + 1] = (byte) a1; accepts += a0 + a1;
      sx += x1; bx += x1; final double x12 = x1 * x1; sx2 += x12; bx2 += x12;
      sx += x; bx += x; final double x22 = x * x; sx2 += x22; bx2 += x22;
    }
    for (; i < n; i++) { final double d = ds[i]; final boolean a = x * d <= ws[i]; x = a ? x + d : x; int ai = a ? 1 : 0;
      xs[i] = x; acc[i] = (byte) ai; accepts += ai; sx += x; bx += x; double x2 = x * x; sx2 += x2; bx2 += x2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  static double M(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0; int accepts = 0; int i = 0;
    for (; i + 1 < n; i += 2) {
      final double d0 = ds[i]; final double d1 = ds[i + 1]; final double w1 = ws[i + 1];
      final double y = x + d0;
      final int a0 = x * d0 <= ws[i] ? 1 : 0;
      final int ifRejected = x * d1 <= w1 ? 1 : 0;
      final int ifAccepted = y * d1 <= w1 ? 1 : 0;
      final int a1 = (ifAccepted & a0) | (ifRejected & (a0 ^ 1));
      final long m0 = -(long) a0; final long m1 = -(long) a1;
      final long xb = Double.doubleToRawLongBits(x);
      final long zb = Double.doubleToRawLongBits(x + d1);
      final long x1b = xb ^ ((xb ^ Double.doubleToRawLongBits(y)) & m0);
      final long nb = zb ^ ((zb ^ Double.doubleToRawLongBits(y + d1)) & m0);
      final double x1 = Double.longBitsToDouble(x1b);
      x = Double.longBitsToDouble(x1b ^ ((x1b ^ nb) & m1));
      xs[i] = x1; xs[i + 1] = x; SH.set(acc, i, (short) (a0 | a1 << 8)); accepts += a0 + a1;
      sx += x1; bx += x1; final double x12 = x1 * x1; sx2 += x12; bx2 += x12;
      sx += x; bx += x; final double x22 = x * x; sx2 += x22; bx2 += x22;
    }
    for (; i < n; i++) { final double d = ds[i]; final boolean a = x * d <= ws[i]; x = a ? x + d : x; int ai = a ? 1 : 0;
      xs[i] = x; acc[i] = (byte) ai; accepts += ai; sx += x; bx += x; double x2 = x * x; sx2 += x2; bx2 += x2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  // B: one step, double ternary
  static double B(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0; int accepts = 0;
    for (int i = 0; i < n; i++) { final double d = ds[i]; final boolean a = x * d <= ws[i]; x = a ? x + d : x; int ai = a ? 1 : 0;
      xs[i] = x; acc[i] = (byte) ai; accepts += ai; sx += x; bx += x; double x2 = x * x; sx2 += x2; bx2 += x2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  // C: one step, long mask
  static double C(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0; int accepts = 0;
    for (int i = 0; i < n; i++) { final double d = ds[i]; final int a = x * d <= ws[i] ? 1 : 0;
      final long xb = Double.doubleToRawLongBits(x);
      x = Double.longBitsToDouble(xb ^ ((xb ^ Double.doubleToRawLongBits(x + d)) & -(long) a));
      xs[i] = x; acc[i] = (byte) a; accepts += a; sx += x; bx += x; double x2 = x * x; sx2 += x2; bx2 += x2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  // D: pair, long ternaries (cmov)
  static double D(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0; int accepts = 0; int i = 0;
    for (; i + 1 < n; i += 2) {
      final double d0 = ds[i]; final double d1 = ds[i + 1]; final double w1 = ws[i + 1];
      final double y = x + d0;
      final boolean b0 = x * d0 <= ws[i];
      final boolean r1 = x * d1 <= w1;
      final boolean q1 = y * d1 <= w1;
      final boolean b1 = b0 ? q1 : r1;
      final long x1b = b0 ? Double.doubleToRawLongBits(y) : Double.doubleToRawLongBits(x);
      final long nb = b0 ? Double.doubleToRawLongBits(y + d1) : Double.doubleToRawLongBits(x + d1);
      final double x1 = Double.longBitsToDouble(x1b);
      x = Double.longBitsToDouble(b1 ? nb : x1b);
      final int a0 = b0 ? 1 : 0, a1 = b1 ? 1 : 0;
      xs[i] = x1; xs[i + 1] = x; acc[i] = (byte) a0; acc[i + 1] = (byte) a1; accepts += a0 + a1;
      sx += x1; bx += x1; final double x12 = x1 * x1; sx2 += x12; bx2 += x12;
      sx += x; bx += x; final double x22 = x * x; sx2 += x22; bx2 += x22;
    }
    for (; i < n; i++) { final double d = ds[i]; final boolean a = x * d <= ws[i]; x = a ? x + d : x; int ai = a ? 1 : 0;
      xs[i] = x; acc[i] = (byte) ai; accepts += ai; sx += x; bx += x; double x2 = x * x; sx2 += x2; bx2 += x2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  // D: pair, long ternaries (cmov)
  // D: pair, long ternaries (cmov)
  static double K(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0; int accepts = 0; int i = 0;
    for (; i + 1 < n; i += 2) {
      final double d0 = ds[i]; final double d1 = ds[i + 1]; final double w1 = ws[i + 1];
      final double y = x + d0;
      final boolean b0 = x * d0 <= ws[i];
      final boolean r1 = x * d1 <= w1;
      final boolean q1 = y * d1 <= w1;
      final boolean b1 = b0 ? q1 : r1;
      final long x1b = b0 ? Double.doubleToRawLongBits(y) : Double.doubleToRawLongBits(x);
      final long nb = b0 ? Double.doubleToRawLongBits(y + d1) : Double.doubleToRawLongBits(x + d1);
      final double x1 = Double.longBitsToDouble(x1b);
      x = Double.longBitsToDouble(b1 ? nb : x1b);
      final int a0 = b0 ? 1 : 0, a1 = b1 ? 1 : 0;
      xs[i] = x1; xs[i + 1] = x; SH.set(acc, i, (short) (a0 | a1 << 8)); accepts += a0 + a1;
      sx += x1; bx += x1; final double x12 = x1 * x1; sx2 += x12; bx2 += x12;
      sx += x; bx += x; final double x22 = x * x; sx2 += x22; bx2 += x22;
    }
    for (; i < n; i++) { final double d = ds[i]; final boolean a = x * d <= ws[i]; x = a ? x + d : x; int ai = a ? 1 : 0;
      xs[i] = x; acc[i] = (byte) ai; accepts += ai; sx += x; bx += x; double x2 = x * x; sx2 += x2; bx2 += x2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  // D: pair, long ternaries (cmov)
  static double L(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0; int accepts = 0; int i = 0; long packed = 0; int sh = 0;
    for (; i + 1 < n; i += 2) {
      final double d0 = ds[i]; final double d1 = ds[i + 1]; final double w1 = ws[i + 1];
      final double y = x + d0;
      final boolean b0 = x * d0 <= ws[i];
      final boolean r1 = x * d1 <= w1;
      final boolean q1 = y * d1 <= w1;
      final boolean b1 = b0 ? q1 : r1;
      final long x1b = b0 ? Double.doubleToRawLongBits(y) : Double.doubleToRawLongBits(x);
      final long nb = b0 ? Double.doubleToRawLongBits(y + d1) : Double.doubleToRawLongBits(x + d1);
      final double x1 = Double.longBitsToDouble(x1b);
      x = Double.longBitsToDouble(b1 ? nb : x1b);
      final int a0 = b0 ? 1 : 0, a1 = b1 ? 1 : 0;
      xs[i] = x1; xs[i + 1] = x; packed |= (long) (a0 | a1 << 8) << sh; sh += 16; if (sh == 64) { LH.set(acc, i - 6, packed); packed = 0; sh = 0; } accepts += a0 + a1;
      sx += x1; bx += x1; final double x12 = x1 * x1; sx2 += x12; bx2 += x12;
      sx += x; bx += x; final double x22 = x * x; sx2 += x22; bx2 += x22;
    }
    for (int b = i - sh / 8, e = i; b < e; b++) { acc[b] = (byte) packed; packed >>>= 8; }
    for (; i < n; i++) { final double d = ds[i]; final boolean a = x * d <= ws[i]; x = a ? x + d : x; int ai = a ? 1 : 0;
      xs[i] = x; acc[i] = (byte) ai; accepts += ai; sx += x; bx += x; double x2 = x * x; sx2 += x2; bx2 += x2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  // D: pair, long ternaries (cmov)
  static double G(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0; int accepts = 0; int i = 0;
    for (; i + 1 < n; i += 2) {
      final double d0 = ds[i]; final double d1 = ds[i + 1]; final double w1 = ws[i + 1];
      final double y = x + d0;
      final boolean b0 = x * d0 <= ws[i];
      final boolean r1 = x * d1 <= w1;
      final boolean q1 = y * d1 <= w1;
      final boolean b1 = b0 ? q1 : r1;
      final long x1b = b0 ? Double.doubleToRawLongBits(y) : Double.doubleToRawLongBits(x);
      final long nb = b0 ? Double.doubleToRawLongBits(y + d1) : Double.doubleToRawLongBits(x + d1);
      final double x1 = Double.longBitsToDouble(x1b);
      x = Double.longBitsToDouble(b1 ? nb : x1b);
      final int a0 = b0 ? 1 : 0, a1 = b1 ? 1 : 0;
      xs[i] = x1; xs[i + 1] = x; acc[i] = (byte) a0; acc[i + 1] = (byte) a1; accepts += a0 + a1;
    }
    for (; i < n; i++) { final double d = ds[i]; final boolean a = x * d <= ws[i]; x = a ? x + d : x; int ai = a ? 1 : 0;
      xs[i] = x; acc[i] = (byte) ai; accepts += ai; sx += x; bx += x; double x2 = x * x; sx2 += x2; bx2 += x2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  // D: pair, long ternaries (cmov)
  static double H(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0; int accepts = 0; int i = 0;
    for (; i + 1 < n; i += 2) {
      final double d0 = ds[i]; final double d1 = ds[i + 1]; final double w1 = ws[i + 1];
      final double y = x + d0;
      final boolean b0 = x * d0 <= ws[i];
      final boolean r1 = x * d1 <= w1;
      final boolean q1 = y * d1 <= w1;
      final boolean b1 = b0 ? q1 : r1;
      final long x1b = b0 ? Double.doubleToRawLongBits(y) : Double.doubleToRawLongBits(x);
      final long nb = b0 ? Double.doubleToRawLongBits(y + d1) : Double.doubleToRawLongBits(x + d1);
      final double x1 = Double.longBitsToDouble(x1b);
      x = Double.longBitsToDouble(b1 ? nb : x1b);
      final int a0 = b0 ? 1 : 0, a1 = b1 ? 1 : 0;
      accepts += a0 + a1;
    }
    for (; i < n; i++) { final double d = ds[i]; final boolean a = x * d <= ws[i]; x = a ? x + d : x; int ai = a ? 1 : 0;
      xs[i] = x; acc[i] = (byte) ai; accepts += ai; sx += x; bx += x; double x2 = x * x; sx2 += x2; bx2 += x2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  // D: pair, long ternaries (cmov)
  static double I(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0; int accepts = 0; int i = 0;
    for (; i + 1 < n; i += 2) {
      final double d0 = ds[i]; final double d1 = ds[i + 1]; final double w1 = ws[i + 1];
      final double y = x + d0;
      final boolean b0 = x * d0 <= ws[i];
      final boolean r1 = x * d1 <= w1;
      final boolean q1 = y * d1 <= w1;
      final boolean b1 = b0 ? q1 : r1;
      final long xb = Double.doubleToRawLongBits(x), yb = Double.doubleToRawLongBits(y);
      final long fa = q1 ? Double.doubleToRawLongBits(y + d1) : yb;
      final long fr = r1 ? Double.doubleToRawLongBits(x + d1) : xb;
      final double x1 = Double.longBitsToDouble(b0 ? yb : xb);
      x = Double.longBitsToDouble(b0 ? fa : fr);
      final int a0 = b0 ? 1 : 0, a1 = b1 ? 1 : 0;
      xs[i] = x1; xs[i + 1] = x; acc[i] = (byte) a0; acc[i + 1] = (byte) a1; accepts += a0 + a1;
      sx += x1; bx += x1; final double x12 = x1 * x1; sx2 += x12; bx2 += x12;
      sx += x; bx += x; final double x22 = x * x; sx2 += x22; bx2 += x22;
    }
    for (; i < n; i++) { final double d = ds[i]; final boolean a = x * d <= ws[i]; x = a ? x + d : x; int ai = a ? 1 : 0;
      xs[i] = x; acc[i] = (byte) ai; accepts += ai; sx += x; bx += x; double x2 = x * x; sx2 += x2; bx2 += x2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  // E: pair, chain only (stats afterwards in a separate loop over xs)
  static double E(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    int i = 0; int accepts = 0;
    for (; i + 1 < n; i += 2) {
      final double d0 = ds[i]; final double d1 = ds[i + 1]; final double w1 = ws[i + 1];
      final double y = x + d0;
      final int a0 = x * d0 <= ws[i] ? 1 : 0;
      final int ifRejected = x * d1 <= w1 ? 1 : 0;
      final int ifAccepted = y * d1 <= w1 ? 1 : 0;
      final int a1 = (ifAccepted & a0) | (ifRejected & (a0 ^ 1));
      final long m0 = -(long) a0; final long m1 = -(long) a1;
      final long xb = Double.doubleToRawLongBits(x);
      final long zb = Double.doubleToRawLongBits(x + d1);
      final long x1b = xb ^ ((xb ^ Double.doubleToRawLongBits(y)) & m0);
      final long nb = zb ^ ((zb ^ Double.doubleToRawLongBits(y + d1)) & m0);
      final double x1 = Double.longBitsToDouble(x1b);
      x = Double.longBitsToDouble(x1b ^ ((x1b ^ nb) & m1));
      xs[i] = x1; xs[i + 1] = x; acc[i] = (byte) a0; acc[i + 1] = (byte) a1; accepts += a0 + a1;
    }
    for (; i < n; i++) { final double d = ds[i]; final boolean a = x * d <= ws[i]; x = a ? x + d : x; int ai = a ? 1 : 0;
      xs[i] = x; acc[i] = (byte) ai; accepts += ai; }
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0;
    for (int j = 0; j < n; j++) { double v = xs[j]; sx += v; bx += v; double v2 = v * v; sx2 += v2; bx2 += v2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  // F: three at a time, long masks via ternaries
  static double F(double x, int n) {
    final double[] ds = ChainSide.ds, ws = ChainSide.ws, xs = ChainSide.xs; final byte[] acc = ChainSide.acc;
    double sx = 0, bx = 0, sx2 = 0, bx2 = 0; int accepts = 0; int i = 0;
    for (; i + 2 < n; i += 3) {
      final double d0 = ds[i], d1 = ds[i + 1], d2 = ds[i + 2], w0 = ws[i], w1 = ws[i + 1], w2 = ws[i + 2];
      // states before step 1: x or y=x+d0; before step 2: four candidates
      final double y = x + d0;
      final boolean b0 = x * d0 <= w0;
      final boolean b1r = x * d1 <= w1, b1a = y * d1 <= w1;
      final double xr = x + d1, ya = y + d1;          // accepted-at-1 states
      // candidates for x2 (state after step 1): x (r,r), xr (r,a), y (a,r), ya (a,a)
      final boolean c_rr = x * d2 <= w2, c_ra = xr * d2 <= w2, c_ar = y * d2 <= w2, c_aa = ya * d2 <= w2;
      final double e_rr = x + d2, e_ra = xr + d2, e_ar = y + d2, e_aa = ya + d2;
      final boolean b1 = b0 ? b1a : b1r;
      final long s1r = b0 ? Double.doubleToRawLongBits(y) : Double.doubleToRawLongBits(x);   // x1 if reject
      final long s1a = b0 ? Double.doubleToRawLongBits(ya) : Double.doubleToRawLongBits(xr); // x1 if accept
      final boolean c2r = b0 ? c_ar : c_rr, c2a = b0 ? c_aa : c_ra;
      final long e2r = b0 ? Double.doubleToRawLongBits(e_ar) : Double.doubleToRawLongBits(e_rr);
      final long e2a = b0 ? Double.doubleToRawLongBits(e_aa) : Double.doubleToRawLongBits(e_ra);
      final long x1b = b1 ? s1a : s1r;
      final boolean b2 = b1 ? c2a : c2r;
      final long e2 = b1 ? e2a : e2r;
      final double x0v = Double.longBitsToDouble(b0 ? Double.doubleToRawLongBits(y) : Double.doubleToRawLongBits(x));
      final double x1 = Double.longBitsToDouble(x1b);
      x = Double.longBitsToDouble(b2 ? e2 : x1b);
      final int a0 = b0 ? 1 : 0, a1 = b1 ? 1 : 0, a2 = b2 ? 1 : 0;
      xs[i] = x0v; xs[i + 1] = x1; xs[i + 2] = x; acc[i] = (byte) a0; acc[i + 1] = (byte) a1; acc[i + 2] = (byte) a2;
      accepts += a0 + a1 + a2;
      sx += x0v; bx += x0v; double q = x0v * x0v; sx2 += q; bx2 += q;
      sx += x1; bx += x1; q = x1 * x1; sx2 += q; bx2 += q;
      sx += x; bx += x; q = x * x; sx2 += q; bx2 += q;
    }
    for (; i < n; i++) { final double d = ds[i]; final boolean a = x * d <= ws[i]; x = a ? x + d : x; int ai = a ? 1 : 0;
      xs[i] = x; acc[i] = (byte) ai; accepts += ai; sx += x; bx += x; double x2 = x * x; sx2 += x2; bx2 += x2; }
    st[0] = sx; st[1] = bx; st[2] = sx2; st[3] = bx2; st[4] = accepts; return x;
  }
  interface K { double run(double x, int n); }
  public static void main(String[] a) {
    int rounds = Integer.parseInt(a[0]);
    String only = a.length > 1 ? a[1] : "ABCDEF";
    double h = a.length > 2 ? Double.parseDouble(a[2]) : 1.0;
    SplittableRandom r = new SplittableRandom(7);
    double step = h * h * 0x1p-31;
    for (int i = 0; i < N; i++) { long b = r.nextLong(); double d = (double) (b >> 32) * step;
      double E = -Math.log(((b & 0xffffffffL) + 0.5) * 0x1p-32); ds[i] = d; ws[i] = E * 0.5 - 0.5 * (d * d); }
    Map<Character, K> all = new LinkedHashMap<>();
    all.put('A', ChainSide::A); all.put('B', ChainSide::B); all.put('C', ChainSide::C); all.put('D', ChainSide::D); all.put('E', ChainSide::E); all.put('F', ChainSide::F); all.put('M', ChainSide::M); all.put('K', ChainSide::K); all.put('L', ChainSide::L); all.put('K', ChainSide::K); all.put('G', ChainSide::G); all.put('H', ChainSide::H); all.put('I', ChainSide::I);
    List<Character> ks = new ArrayList<>(); for (char c : only.toCharArray()) ks.add(c);
    // correctness vs A, incl. x0 = -0.0 and odd n
    for (double x0 : new double[] {0.5, -0.0, 3}) for (int n : new int[] {N, N - 1, N - 2, 5}) {
      double xa = A(x0, n); double[] sa = st.clone(); double[] xsa = Arrays.copyOf(xs, n); byte[] aa = Arrays.copyOf(acc, n);
      for (char c : ks) { double xk = all.get(c).run(x0, n);
        if (Double.doubleToRawLongBits(xk) != Double.doubleToRawLongBits(xa) || !Arrays.equals(sa, st) || !Arrays.equals(xsa, Arrays.copyOf(xs, n)) || !Arrays.equals(aa, Arrays.copyOf(acc, n)))
          System.out.println("MISMATCH " + c + " x0=" + x0 + " n=" + n); }
    }
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    int reps = 12; // 12 blocks per timing
    double[][] t = new double[ks.size()][rounds];
    double sink = 0;
    for (int rd = 0; rd < rounds; rd++) for (int k = 0; k < ks.size(); k++) { K f = all.get(ks.get(k));
      long c0 = tm.getCurrentThreadCpuTime(); double x = 0.5; for (int j = 0; j < reps; j++) x = f.run(x, N); long c1 = tm.getCurrentThreadCpuTime();
      sink += x; t[k][rd] = (c1 - c0) / (double) (reps * N); }
    int from = rounds / 4;
    for (int k = 0; k < ks.size(); k++) { double[] v = Arrays.copyOfRange(t[k], from, rounds); double[] rr = new double[v.length];
      for (int j = 0; j < v.length; j++) rr[j] = t[k][from + j] / t[0][from + j]; Arrays.sort(v); Arrays.sort(rr);
      System.out.printf("%c median %.3f ns/step (q1 %.3f q3 %.3f)  ratio to first %.3f%n", ks.get(k), v[v.length / 2], v[v.length / 4], v[3 * v.length / 4], rr[rr.length / 2]); }
    System.out.println("acceptance " + st[4] / N + (sink == 42 ? "!" : ""));
  }
}
