import java.lang.foreign.*;
public class M {
    static final long SQRT_HALF_BITS = 0x3FE6_A09E_667F_3BCDL;
    static final long EXPONENT_MASK = 0xFFF0_0000_0000_0000L;
    static final int N = 1024;
    static long[] rs = new long[N]; static double[] ws = new double[N], js = new double[N], zs = new double[N]; static long[] ls = new long[N];
    static void uniforms(long[] rs, double[] us, int n) { for (int i = 0; i < n; i++) us[i] = ((double) (rs[i] & 0xFFFF_FFFFL) + 0.5) * 0x1p-32; }
    static void reduce(double[] ws, double[] js, int n) {
        for (int i = 0; i < n; i++) { final long ix = Double.doubleToRawLongBits(ws[i]); final long t = ix - SQRT_HALF_BITS;
            ws[i] = Double.longBitsToDouble(ix - (t & EXPONENT_MASK)); js[i] = (double) (t >> 52); } }
    static void reduceL(long[] ls, double[] zs, double[] js, int n) {
        for (int i = 0; i < n; i++) { final long ix = ls[i]; final long t = ix - SQRT_HALF_BITS;
            zs[i] = Double.longBitsToDouble(ix - (t & EXPONENT_MASK)); js[i] = (double) (t >> 52); } }
    static void reduceLL(long[] ls, long[] zs, double[] js, int n) {
        for (int i = 0; i < n; i++) { final long ix = ls[i]; final long t = ix - SQRT_HALF_BITS;
            zs[i] = ix - (t & EXPONENT_MASK); js[i] = (double) (t >> 52); } }
    static void toBits(double[] ws, long[] ls, int n) { for (int i = 0; i < n; i++) ls[i] = Double.doubleToRawLongBits(ws[i]); }
    static final ValueLayout.OfLong JL = ValueLayout.JAVA_LONG_UNALIGNED; static final ValueLayout.OfDouble JD = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    static void reduceMS(MemorySegment w, double[] zs, double[] js, int n) {
        for (int i = 0; i < n; i++) { final long ix = w.getAtIndex(JL, i); final long t = ix - SQRT_HALF_BITS;
            zs[i] = Double.longBitsToDouble(ix - (t & EXPONENT_MASK)); js[i] = (double) (t >> 52); } }
    static void reduceMS2(MemorySegment w, MemorySegment z, double[] js, int n) {
        for (int i = 0; i < n; i++) { final long ix = w.getAtIndex(JL, i); final long t = ix - SQRT_HALF_BITS;
            z.setAtIndex(JL, i, ix - (t & EXPONENT_MASK)); js[i] = (double) (t >> 52); } }
    public static void main(String[] a) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < N; i++) rs[i] = r.nextLong();
        MemorySegment wsm = MemorySegment.ofArray(ws), zsm = MemorySegment.ofArray(zs);
        for (int round = 0; round < 6; round++) {
            int reps = 200_000;
            long t0 = System.nanoTime();
            for (int k = 0; k < reps; k++) { uniforms(rs, ws, N); }
            long t1 = System.nanoTime();
            for (int k = 0; k < reps; k++) { uniforms(rs, ws, N); reduce(ws, js, N); }
            long t2 = System.nanoTime();
            for (int k = 0; k < reps; k++) { uniforms(rs, ws, N); reduceMS(wsm, zs, js, N); }
            long t3 = System.nanoTime();
            for (int k = 0; k < reps; k++) { uniforms(rs, ws, N); reduceMS2(wsm, zsm, js, N); }
            long t4 = System.nanoTime();
            for (int k = 0; k < reps; k++) { uniforms(rs, ws, N); toBits(ws, ls, N); reduceL(ls, zs, js, N); }
            long t5 = System.nanoTime();
            for (int k = 0; k < reps; k++) { reduceLL(rs, ls, js, N); }
            long t6 = System.nanoTime();
            double d = (double) reps * N;
            System.out.printf("uni %.3f  +reduce %.3f  +reduceMS %.3f  +reduceMS2 %.3f  +toBits+reduceL %.3f  reduceLL %.3f%n",
                (t1-t0)/d, (t2-t1)/d, (t3-t2)/d, (t4-t3)/d, (t5-t4)/d, (t6-t5)/d);
        }
    }
}
