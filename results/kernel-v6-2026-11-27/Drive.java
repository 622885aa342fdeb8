import mcsweep.kernel.*;
import java.util.random.RandomGenerator;
public class Drive {
  public static void main(String[] a) throws Exception {
    Kernel k = new MetropolisKernel(false); double[] p = {0.5, 1.0, 1.0};
    RandomGenerator g = RandomGenerator.of("L64X128MixRandom");
    long end = System.nanoTime() + Long.parseLong(a[0]) * 1_000_000_000L; long n = 0; double keep = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() < end) { keep += k.run(p, 100000, g, TraceSink.NONE, Scheme.V3).values()[3]; n++; }
    System.out.printf("%.2f ns/step%n", (System.nanoTime() - t0) / (n * 100000.0));
    if (keep == 1) System.out.println("!");
  }
}
