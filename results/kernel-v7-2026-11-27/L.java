public class L {
    static final long SQRT_HALF_BITS = 0x3FE6_A09E_667F_3BCDL;
    static final long EXPONENT_MASK = 0xFFF0_0000_0000_0000L;
    static final long T1 = ((1L << 63) | ((SQRT_HALF_BITS & 0x000F_FFFF_FFFF_FFFFL) << 11)) >>> 1;
    static final int N = 1024;
    static long[] rs = new long[N]; static double[] ws = new double[N], js = new double[N], zs = new double[N], j2 = new double[N]; static long[] ls = new long[N];
    static void uniforms(long[] rs, double[] us, int n) { for (int i = 0; i < n; i++) us[i] = ((double) (rs[i] & 0xFFFF_FFFFL) + 0.5) * 0x1p-32; }
    static void reduce(double[] ws, double[] js, int n) {
        for (int i = 0; i < n; i++) { final long ix = Double.doubleToRawLongBits(ws[i]); final long t = ix - SQRT_HALF_BITS;
            ws[i] = Double.longBitsToDouble(ix - (t & EXPONENT_MASK)); js[i] = (double) (t >> 52); } }
    static void lz1(long[] rs, double[] zs, double[] js, int n) {
        for (int i = 0; i < n; i++) {
            final long k = rs[i] & 0xFFFF_FFFFL;
            final double u = ((double) k + 0.5) * 0x1p-32;
            final long m = 2 * k + 1;
            final int lz = Long.numberOfLeadingZeros(m);
            final long c = 1 - ((((m << lz) >>> 1) - T1) >>> 63);
            final long nj = lz - 30 - c;
            js[i] = (double) -nj;
            zs[i] = u * (double) (1L << nj);
        } }
    static void lzA(long[] rs, long[] ls, int n) { // just the integer part
        for (int i = 0; i < n; i++) {
            final long m = 2 * (rs[i] & 0xFFFF_FFFFL) + 1;
            ls[i] = Long.numberOfLeadingZeros(m);
        } }
    static void lzB(long[] rs, long[] ls, int n) {
        for (int i = 0; i < n; i++) {
            final long m = 2 * (rs[i] & 0xFFFF_FFFFL) + 1;
            final int lz = Long.numberOfLeadingZeros(m);
            ls[i] = m << lz;
        } }
    static void lzC(long[] rs, double[] zs, int n) {
        for (int i = 0; i < n; i++) {
            final long nj = rs[i] & 31;
            zs[i] = (double) (1L << nj);
        } }
    public static void main(String[] a) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < N; i++) rs[i] = r.nextLong();
        rs[0] = 0; rs[1] = 0xFFFFFFFFL; rs[2] = 1; rs[3] = 0x6A09E667L;
        uniforms(rs, ws, N); reduce(ws, js, N); lz1(rs, zs, j2, N);
        for (int i = 0; i < N; i++) if (Double.doubleToRawLongBits(ws[i]) != Double.doubleToRawLongBits(zs[i]) || js[i] != j2[i]) { System.out.println("MISMATCH " + i + " " + ws[i] + " " + zs[i] + " " + js[i] + " " + j2[i]); return; }
        for (int round = 0; round < 6; round++) {
            int reps = 200_000;
            long t0 = System.nanoTime();
            for (int k = 0; k < reps; k++) { uniforms(rs, ws, N); reduce(ws, js, N); }
            long t1 = System.nanoTime();
            for (int k = 0; k < reps; k++) { lz1(rs, zs, j2, N); }
            long t2 = System.nanoTime();
            for (int k = 0; k < reps; k++) { lzA(rs, ls, N); }
            long t3 = System.nanoTime();
            for (int k = 0; k < reps; k++) { lzB(rs, ls, N); }
            long t4 = System.nanoTime();
            for (int k = 0; k < reps; k++) { lzC(rs, zs, N); }
            long t5 = System.nanoTime();
            double d = (double) reps * N;
            System.out.printf("uni+reduce %.3f  lz1 %.3f  lzA %.3f  lzB %.3f  lzC %.3f%n", (t1-t0)/d, (t2-t1)/d, (t3-t2)/d, (t4-t3)/d, (t5-t4)/d);
        }
    }
}
