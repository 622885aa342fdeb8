public class F {
    static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10, LN2 = 0.6931471805599453;
    static final float LG1f = 0xaaaaaa.0p-24f, LG2f = 0xccce13.0p-25f, LG3f = 0x91e9ee.0p-25f, LG4f = 0xf89e26.0p-26f;
    static final int N = 1024;
    static double[] ds = new double[N], ws = new double[N], js = new double[N], zs = new double[N]; static float[] lf = new float[N];
    // ln z in float for z in [sqrt(1/2), sqrt(2)), fdlibm e_logf.c's main path
    static float lnzf(double z) {
        final float f = (float) (z - 1.0);
        final float s = f / (2.0f + f);
        final float z2 = s * s; final float w = z2 * z2;
        final float t1 = w * (LG2f + w * LG4f); final float t2 = z2 * (LG1f + w * LG3f);
        final float r = t2 + t1; final float hfsq = 0.5f * f * f;
        return f - (hfsq - s * (hfsq + r));
    }
    static void loopA(double[] ws, float[] lf, int n) {
        for (int i = 0; i < n; i++) {
            final float f = (float) (ws[i] - 1.0);
            final float s = f / (2.0f + f);
            final float z2 = s * s; final float w = z2 * z2;
            final float t1 = w * (LG2f + w * LG4f); final float t2 = z2 * (LG1f + w * LG3f);
            final float r = t2 + t1; final float hfsq = 0.5f * f * f;
            lf[i] = f - (hfsq - s * (hfsq + r));
        } }
    static void loopA2(float[] fs, float[] lf, int n) {
        for (int i = 0; i < n; i++) {
            final float f = fs[i];
            final float s = f / (2.0f + f);
            final float z2 = s * s; final float w = z2 * z2;
            final float t1 = w * (LG2f + w * LG4f); final float t2 = z2 * (LG1f + w * LG3f);
            final float r = t2 + t1; final float hfsq = 0.5f * f * f;
            lf[i] = f - (hfsq - s * (hfsq + r));
        } }
    static void toF(double[] ws, float[] fs, int n) { for (int i = 0; i < n; i++) fs[i] = (float) (ws[i] - 1.0); }
    static void loopB(double[] ds, double[] ws, double[] js, float[] lf, int n, double halfInvBeta) {
        for (int i = 0; i < n; i++) {
            final double e = -(js[i] * LN2 + (double) lf[i]);
            final double d = ds[i];
            ws[i] = e * halfInvBeta - 0.5 * (d * d);
        } }
    static float[] fs = new float[N];
    public static void main(String[] a) {
        // accuracy over a grid
        double maxRel = 0; double worst = 0;
        for (long k = 0; k < (1L << 32); k += 997) {
            double u = ((double) k + 0.5) * 0x1p-32;
            long ix = Double.doubleToRawLongBits(u); long t = ix - 0x3FE6_A09E_667F_3BCDL;
            double z = Double.longBitsToDouble(ix - (t & 0xFFF0_0000_0000_0000L)); double j = (double) (t >> 52);
            double e = -(j * LN2 + (double) lnzf(z)); double ex = -StrictMath.log(u);
            double rel = Math.abs(e - ex) / ex; if (rel > maxRel) { maxRel = rel; worst = u; }
        }
        System.out.println("max rel err " + maxRel + " at u=" + worst);
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < N; i++) { zs[i] = 0.75 + 0.6 * r.nextDouble(); js[i] = -r.nextInt(5); ds[i] = r.nextDouble(); }
        for (int round = 0; round < 5; round++) {
            int reps = 200_000; long t0 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(zs, 0, ws, 0, N); T.thresholds(ds, ws, js, 0, N, 0.5); }
            long t1 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(zs, 0, ws, 0, N); loopA(ws, lf, N); loopB(ds, ws, js, lf, N, 0.5); }
            long t2 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(zs, 0, ws, 0, N); toF(ws, fs, N); loopA2(fs, lf, N); loopB(ds, ws, js, lf, N, 0.5); }
            long t3 = System.nanoTime();
            for (int k = 0; k < reps; k++) { loopA2(fs, lf, N); }
            long t4 = System.nanoTime();
            double d = (double) reps * N;
            System.out.printf("v3 thresholds %.3f  v4 A+B %.3f  v4 toF+A2+B %.3f  A2 alone %.3f%n", (t1-t0)/d, (t2-t1)/d, (t3-t2)/d, (t4-t3)/d);
        }
    }
}
