package mcsweep.kernel;
public class Mono {
  public static void main(String[] a) throws Exception {
    int threads = 2; long[] viol = new long[threads]; long[] first = new long[threads]; double[] worst = new double[threads];
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) { final int id = t; ts[t] = new Thread(() -> {
      long lo = (0x1_0000_0000L / threads) * id, hi = id == threads - 1 ? 0xFFFF_FFFFL : (0x1_0000_0000L / threads) * (id + 1);
      double prev = Ln.exponential32Single(lo); long v = 0; long f = -1; double w = 0;
      for (long k = lo + 1; k <= hi; k++) { double e = Ln.exponential32Single(k); if (e > prev) { v++; if (f < 0) f = k; w = Math.max(w, (e - prev) / prev); } prev = e; }
      viol[id] = v; first[id] = f; worst[id] = w; }); ts[t].start(); }
    for (Thread t : ts) t.join();
    for (int t = 0; t < threads; t++) System.out.println("part " + t + ": increases " + viol[t] + " first at k=" + first[t] + " worst relative rise " + worst[t]);
  }
}
