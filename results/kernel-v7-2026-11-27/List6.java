package mcsweep.kernel;
public class List6 {
  public static void main(String[] a) {
    for (int p = 0; p <= 32; p++) {
      long c = (long) Math.floor(Math.scalb(Math.sqrt(0.5), p) - 0.5);
      for (long k = Math.max(0, c - 3); k <= Math.min(0xFFFF_FFFEL, c + 3); k++) {
        double e0 = Ln.exponential32Single(k), e1 = Ln.exponential32Single(k + 1);
        if (e1 > e0) System.out.println("rise at k=" + k + " (p=" + p + "): " + (e1 - e0) / e0);
      }
    }
  }
}
