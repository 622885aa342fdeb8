import java.lang.management.*; import java.util.*; import java.util.random.RandomGenerator;
public class LocalStateLxm {
  static void draw(RandomGenerator rng, long[] rs, int n) { for (int i = 0; i < n; i++) rs[i] = rng.nextLong(); }
  static final class Lxm { long a = 0x1234567L | 1, s = 99, x0 = 0x9E3779B97F4A7C15L, x1 = 0x6A09E667F3BCC909L;
    void fill(long[] rs, int n) { final long a = this.a; long s = this.s, x0 = this.x0, x1 = this.x1;
      for (int i = 0; i < n; i++) {
        long z = s + x0;
        s = 0xd1342543de82ef95L * s + a;
        long q0 = x0, q1 = x1; q1 ^= q0; q0 = Long.rotateLeft(q0, 24); q0 = q0 ^ q1 ^ (q1 << 16); q1 = Long.rotateLeft(q1, 37); x0 = q0; x1 = q1;
        z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L; z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L; rs[i] = z ^ (z >>> 32);
      }
      this.s = s; this.x0 = x0; this.x1 = x1; } }
  public static void main(String[] a) {
    int n = 8192; long[] rs = new long[n]; RandomGenerator g = RandomGenerator.of("L64X128MixRandom"); Lxm l = new Lxm();
    ThreadMXBean tm = ManagementFactory.getThreadMXBean(); int rounds = 2000; double[][] t = new double[2][rounds]; double[] rr = new double[rounds];
    for (int r = 0; r < rounds; r++) for (int v = 0; v < 2; v++) {
      long c0 = tm.getCurrentThreadCpuTime(); for (int k = 0; k < 10; k++) { if (v == 0) draw(g, rs, n); else l.fill(rs, n); } long c1 = tm.getCurrentThreadCpuTime();
      t[v][r] = (c1 - c0) / (10.0 * n); }
    for (int r = 0; r < rounds; r++) rr[r] = t[1][r] / t[0][r];
    for (int v = 0; v < 2; v++) { double[] x = Arrays.copyOfRange(t[v], rounds / 4, rounds); Arrays.sort(x); System.out.printf("%s %.3f ns/step%n", v == 0 ? "jdk nextLong loop" : "local-state LXM loop", x[x.length / 2]); }
    double[] x = Arrays.copyOfRange(rr, rounds / 4, rounds); Arrays.sort(x); System.out.printf("local/jdk %.3f %d%n", x[x.length / 2], rs[5] & 1);
  }
}
