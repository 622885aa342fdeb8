public class B {
    static final int N = 1024;
    static long[] ls = new long[N], l2 = new long[N]; static double[] ws = new double[N], w2 = new double[N];
    static void toBits(double[] ws, long[] ls, int n) { for (int i = 0; i < n; i++) ls[i] = Double.doubleToRawLongBits(ws[i]); }
    static void fromBits(long[] ls, double[] ws, int n) { for (int i = 0; i < n; i++) ws[i] = Double.longBitsToDouble(ls[i]); }
    static void copyL(long[] ls, long[] l2, int n) { for (int i = 0; i < n; i++) l2[i] = ls[i] + 1; }
    static void copyD(double[] ws, double[] w2, int n) { for (int i = 0; i < n; i++) w2[i] = ws[i] + 1; }
    static void fromBits2(long[] ls, double[] ws, int n) { for (int i = 0; i < n; i++) ws[i] = Double.longBitsToDouble(ls[i] + 5) * 2.0; }
    public static void main(String[] a) {
        for (int i = 0; i < N; i++) { ls[i] = 0x3FF0000000000000L + i; ws[i] = i; }
        for (int round = 0; round < 5; round++) {
            int reps = 300_000; long t0 = System.nanoTime();
            for (int k = 0; k < reps; k++) toBits(ws, ls, N);
            long t1 = System.nanoTime();
            for (int k = 0; k < reps; k++) fromBits(ls, ws, N);
            long t2 = System.nanoTime();
            for (int k = 0; k < reps; k++) copyL(ls, l2, N);
            long t3 = System.nanoTime();
            for (int k = 0; k < reps; k++) copyD(ws, w2, N);
            long t4 = System.nanoTime();
            for (int k = 0; k < reps; k++) fromBits2(ls, ws, N);
            long t5 = System.nanoTime();
            double d = (double) reps * N;
            System.out.printf("toBits %.3f fromBits %.3f copyL %.3f copyD %.3f fromBits2 %.3f%n", (t1-t0)/d, (t2-t1)/d, (t3-t2)/d, (t4-t3)/d, (t5-t4)/d);
        }
    }
}
