public class T {
    static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    static final double LG1 = 6.666666666666735130e-01, LG2 = 3.999999999940941908e-01, LG3 = 2.857142874366239149e-01,
        LG4 = 2.222219843214978396e-01, LG5 = 1.818357216161805012e-01, LG6 = 1.531383769920937332e-01, LG7 = 1.479819860511658591e-01;
    static final int N = 1024;
    static double[] ds = new double[N], ws = new double[N], js = new double[N], zs = new double[N];
    static void thresholds(double[] ds, double[] ws, double[] js, int from, int to, double halfInvBeta) {
        for (int i = from; i < to; i++) {
            final double z = ws[i]; final double j = js[i]; final double f = z - 1.0;
            final double s = f / (2.0 + f);
            final double s2 = s * s; final double s4 = s2 * s2;
            final double odd = s4 * (LG2 + s4 * (LG4 + s4 * LG6));
            final double even = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7)));
            final double r = even + odd; final double hfsq = 0.5 * f * f;
            final double e = ((hfsq - (s * (hfsq + r) + j * LN2_LO)) - f) - j * LN2_HI;
            final double d = ds[i];
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        } }
    static void nodiv(double[] ds, double[] ws, double[] js, int from, int to, double halfInvBeta) {
        for (int i = from; i < to; i++) {
            final double z = ws[i]; final double j = js[i]; final double f = z - 1.0;
            final double s = f * (2.0 + f);
            final double s2 = s * s; final double s4 = s2 * s2;
            final double odd = s4 * (LG2 + s4 * (LG4 + s4 * LG6));
            final double even = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7)));
            final double r = even + odd; final double hfsq = 0.5 * f * f;
            final double e = ((hfsq - (s * (hfsq + r) + j * LN2_LO)) - f) - j * LN2_HI;
            final double d = ds[i];
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        } }
    static void divonly(double[] ds, double[] ws, double[] js, int from, int to, double halfInvBeta) {
        for (int i = from; i < to; i++) { final double f = ws[i] - 1.0; ws[i] = f / (2.0 + f); } }
    static double[] ss = new double[N];
    static void stage1(double[] ws, double[] ss, int from, int to) {
        for (int i = from; i < to; i++) { final double f = ws[i] - 1.0; ss[i] = f / (2.0 + f); } }
    static void stage2(double[] ds, double[] ws, double[] js, double[] ss, int from, int to, double halfInvBeta) {
        for (int i = from; i < to; i++) {
            final double z = ws[i]; final double j = js[i]; final double f = z - 1.0;
            final double s = ss[i];
            final double s2 = s * s; final double s4 = s2 * s2;
            final double odd = s4 * (LG2 + s4 * (LG4 + s4 * LG6));
            final double even = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7)));
            final double r = even + odd; final double hfsq = 0.5 * f * f;
            final double e = ((hfsq - (s * (hfsq + r) + j * LN2_LO)) - f) - j * LN2_HI;
            final double d = ds[i];
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        } }
    static void stage2a(double[] ws, double[] ss, double[] rr, int from, int to) {
        for (int i = from; i < to; i++) {
            final double s = ss[i];
            final double s2 = s * s; final double s4 = s2 * s2;
            final double odd = s4 * (LG2 + s4 * (LG4 + s4 * LG6));
            final double even = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7)));
            rr[i] = even + odd; } }
    static void stage2b(double[] ds, double[] ws, double[] js, double[] ss, double[] rr, int from, int to, double halfInvBeta) {
        for (int i = from; i < to; i++) {
            final double z = ws[i]; final double j = js[i]; final double f = z - 1.0;
            final double s = ss[i]; final double r = rr[i]; final double hfsq = 0.5 * f * f;
            final double e = ((hfsq - (s * (hfsq + r) + j * LN2_LO)) - f) - j * LN2_HI;
            final double d = ds[i];
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        } }
    static double[] rr = new double[N];
    static double[] oo = new double[N], ee = new double[N];
    static void p1(double[] ws, double[] ss, int from, int to) {
        for (int i = from; i < to; i++) { final double f = ws[i] - 1.0; ss[i] = f / (2.0 + f); } }
    static void p2(double[] ss, double[] oo, double[] ee, int from, int to) {
        for (int i = from; i < to; i++) { final double s = ss[i]; final double s2 = s * s; final double s4 = s2 * s2;
            oo[i] = s4 * (LG2 + s4 * (LG4 + s4 * LG6)); ee[i] = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7))); } }
    static void p3(double[] ds, double[] ws, double[] js, double[] ss, double[] oo, double[] ee, int from, int to, double halfInvBeta) {
        for (int i = from; i < to; i++) {
            final double f = ws[i] - 1.0; final double j = js[i]; final double s = ss[i];
            final double r = ee[i] + oo[i]; final double hfsq = 0.5 * f * f;
            final double e = ((hfsq - (s * (hfsq + r) + j * LN2_LO)) - f) - j * LN2_HI;
            final double d = ds[i];
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        } }
    static double[] jl = new double[N];
    static void p1b(double[] ws, double[] js, double[] ss, double[] jl, int from, int to) {
        for (int i = from; i < to; i++) { final double f = ws[i] - 1.0; ss[i] = f / (2.0 + f); jl[i] = js[i] * LN2_LO; } }
    static void p3b(double[] ds, double[] ws, double[] js, double[] ss, double[] oo, double[] ee, double[] jl, int from, int to, double halfInvBeta) {
        for (int i = from; i < to; i++) {
            final double f = ws[i] - 1.0; final double s = ss[i];
            final double r = ee[i] + oo[i]; final double hfsq = 0.5 * f * f;
            final double e = ((hfsq - (s * (hfsq + r) + jl[i])) - f) - js[i] * LN2_HI;
            final double d = ds[i];
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        } }
    static double[] chk = new double[N];
    public static void main(String[] a) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < N; i++) { zs[i] = 0.75 + 0.6 * r.nextDouble(); js[i] = -r.nextInt(5); ds[i] = r.nextDouble(); }
        for (int round = 0; round < 5; round++) {
            int reps = 200_000; long t0 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(zs, 0, ws, 0, N); thresholds(ds, ws, js, 0, N, 0.5); }
            long t1 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(zs, 0, ws, 0, N); nodiv(ds, ws, js, 0, N, 0.5); }
            long t2 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(zs, 0, ws, 0, N); divonly(ds, ws, js, 0, N, 0.5); }
            long t3 = System.nanoTime();
            long t4 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(zs, 0, ws, 0, N); stage1(ws, ss, 0, N); stage2(ds, ws, js, ss, 0, N, 0.5); }
            long t5 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(zs, 0, ws, 0, N); stage1(ws, ss, 0, N); stage2a(ws, ss, rr, 0, N); stage2b(ds, ws, js, ss, rr, 0, N, 0.5); }
            long t6 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(zs, 0, ws, 0, N); }
            long t7 = System.nanoTime();
            long t8 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(zs, 0, ws, 0, N); p1(ws, ss, 0, N); p2(ss, oo, ee, 0, N); p3(ds, ws, js, ss, oo, ee, 0, N, 0.5); }
            long t9 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(zs, 0, ws, 0, N); p1b(ws, js, ss, jl, 0, N); p2(ss, oo, ee, 0, N); p3b(ds, ws, js, ss, oo, ee, jl, 0, N, 0.5); }
            long t10 = System.nanoTime();
            System.out.printf("split3b %.3f ", (t10-t9)/((double) reps * N));
            System.arraycopy(ws, 0, chk, 0, N); System.arraycopy(zs, 0, ws, 0, N); thresholds(ds, ws, js, 0, N, 0.5);
            for (int q = 0; q < N; q++) if (Double.doubleToRawLongBits(chk[q]) != Double.doubleToRawLongBits(ws[q])) throw new AssertionError(q);
            double d = (double) reps * N;
            System.out.printf("split3 %.3f ", (t9-t8)/d);
            System.out.printf("two %.3f three %.3f copy %.3f  ", (t5-t4)/d, (t6-t5)/d, (t7-t6)/d);
            System.out.printf("thresholds %.3f nodiv %.3f divonly %.3f%n", (t1-t0)/d, (t2-t1)/d, (t3-t2)/d);
        }
    }
}
