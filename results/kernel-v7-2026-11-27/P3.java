import java.util.random.RandomGenerator;
import mcsweep.kernel.*;
public class P3 {
  public static void main(String[] a) throws Exception {
    MetropolisKernel k = new MetropolisKernel(false); int n = Integer.parseInt(a[0]); int tasks = Integer.parseInt(a[1]);
    double[] p = {0.5, 1.0, 1.0}; Object keep = null;
    for (int rep = 0; rep < 4; rep++) {
      java.util.Arrays.fill(MetropolisKernel.T, 0);
      long t0 = System.nanoTime();
      for (int t = 0; t < tasks; t++) keep = k.run(p, n, RandomGenerator.of("L64X128MixRandom"), TraceSink.NONE, Scheme.V3);
      long t1 = System.nanoTime();
      double e = MetropolisKernel.T[4];
      System.out.printf("total %.2f ns/step; displacements %.2f uniforms %.2f reduce %.2f thresholds %.2f%n", (t1-t0)/(double) ((long) n * tasks), MetropolisKernel.T[0]/e, MetropolisKernel.T[1]/e, MetropolisKernel.T[2]/e, MetropolisKernel.T[3]/e);
    }
    if (keep == null) System.out.println("!");
  }
}
