public class P {
    static final double LG1 = 6.666666666666735130e-01, LG2 = 3.999999999940941908e-01, LG3 = 2.857142874366239149e-01,
        LG4 = 2.222219843214978396e-01, LG5 = 1.818357216161805012e-01, LG6 = 1.531383769920937332e-01, LG7 = 1.479819860511658591e-01;
    static final int N = 1024;
    static double[] ss = new double[N], rr = new double[N];
    static void a(double[] ss, double[] rr, int from, int to) { // as stage2a
        for (int i = from; i < to; i++) { final double s = ss[i]; final double s2 = s * s; final double s4 = s2 * s2;
            final double odd = s4 * (LG2 + s4 * (LG4 + s4 * LG6)); final double even = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7)));
            rr[i] = even + odd; } }
    static void b(double[] ss, double[] rr, int n) { // 0..n
        for (int i = 0; i < n; i++) { final double s = ss[i]; final double s2 = s * s; final double s4 = s2 * s2;
            final double odd = s4 * (LG2 + s4 * (LG4 + s4 * LG6)); final double even = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7)));
            rr[i] = even + odd; } }
    static void c(double[] ss, int n) { // in place
        for (int i = 0; i < n; i++) { final double s = ss[i]; final double s2 = s * s; final double s4 = s2 * s2;
            final double odd = s4 * (LG2 + s4 * (LG4 + s4 * LG6)); final double even = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7)));
            ss[i] = even + odd; } }
    static void d(double[] ss, double[] rr, int n) { // simple
        for (int i = 0; i < n; i++) { final double s = ss[i]; rr[i] = s * (LG1 + s * LG2); } }
    static void e(double[] ss, double[] rr, int n) { // medium
        for (int i = 0; i < n; i++) { final double s = ss[i]; final double s2 = s * s; rr[i] = s2 * (LG1 + s2 * (LG3 + s2 * (LG5 + s2 * LG7))); } }
    static double[] r2 = new double[N];
    static void f(double[] ss, double[] rr, int n) {
        for (int i = 0; i < n; i++) { final double s = ss[i]; final double s2 = s * s; final double s4 = s2 * s2; rr[i] = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7))); } }
    static void g(double[] ss, double[] rr, int n) {
        for (int i = 0; i < n; i++) { final double s = ss[i]; final double s2 = s * s; final double s4 = s2 * s2; rr[i] = s4 * (LG2 + s4 * (LG4 + s4 * LG6)) + s2; } }
    static void h(double[] ss, double[] rr, double[] r2, int n) {
        for (int i = 0; i < n; i++) { final double s = ss[i]; final double s2 = s * s; final double s4 = s2 * s2;
            rr[i] = s4 * (LG2 + s4 * (LG4 + s4 * LG6)); r2[i] = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7))); } }
    static void k(double[] ss, double[] rr, int n) {
        for (int i = 0; i < n; i++) { final double s = ss[i]; final double s2 = s * s; final double s4 = s2 * s2;
            final double odd = s4 * (LG2 + s4 * (LG4 + s4 * LG6)); final double even = s2 * (LG1 + s4 * (LG3 + s4 * (LG5 + s4 * LG7)));
            rr[i] = odd + even; } }
    public static void main(String[] x) {
        for (int i = 0; i < N; i++) ss[i] = i * 1e-4;
        for (int round = 0; round < 4; round++) {
            int reps = 300_000; long t0 = System.nanoTime();
            for (int k = 0; k < reps; k++) a(ss, rr, 0, N);
            long t1 = System.nanoTime();
            for (int k = 0; k < reps; k++) b(ss, rr, N);
            long t2 = System.nanoTime();
            for (int k = 0; k < reps; k++) { System.arraycopy(rr, 0, ss, 0, 0); c(rr, N); }
            long t3 = System.nanoTime();
            for (int k = 0; k < reps; k++) d(ss, rr, N);
            long t4 = System.nanoTime();
            for (int k = 0; k < reps; k++) e(ss, rr, N);
            long t5 = System.nanoTime();
            long t6 = System.nanoTime();
            for (int k = 0; k < reps; k++) f(ss, rr, N);
            long t7 = System.nanoTime();
            for (int k = 0; k < reps; k++) g(ss, rr, N);
            long t8 = System.nanoTime();
            for (int k = 0; k < reps; k++) h(ss, rr, r2, N);
            long t9 = System.nanoTime();
            for (int k = 0; k < reps; k++) k(ss, rr, N);
            long t10 = System.nanoTime();
            double dd = (double) reps * N;
            System.out.printf("f %.3f g %.3f h %.3f k %.3f  ", (t7-t6)/dd, (t8-t7)/dd, (t9-t8)/dd, (t10-t9)/dd);
            System.out.printf("a %.3f b %.3f c %.3f d %.3f e %.3f%n", (t1-t0)/dd, (t2-t1)/dd, (t3-t2)/dd, (t4-t3)/dd, (t5-t4)/dd);
        }
    }
}
