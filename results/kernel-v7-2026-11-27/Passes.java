import java.util.random.RandomGenerator;
import mcsweep.kernel.*;
public class Passes {
  public static void main(String[] a) throws Exception {
    MetropolisKernel k = new MetropolisKernel(false); int n = Integer.parseInt(a[0]); int tasks = Integer.parseInt(a[1]);
    double[] p = {0.5, 1.0, 1.0}; Object keep = null;
    for (int rep = 0; rep < 3; rep++) {
      MetropolisKernel.T_APPLY = MetropolisKernel.T_DRAW = MetropolisKernel.T_CHAIN = 0; MetropolisKernel.N_APPLY = MetropolisKernel.N_DRAW = MetropolisKernel.N_CHAIN = 0;
      long t0 = System.nanoTime();
      for (int t = 0; t < tasks; t++) keep = k.run(p, n, RandomGenerator.of("L64X128MixRandom"), TraceSink.NONE, Scheme.V3);
      long t1 = System.nanoTime();
      long steps = (long) n * tasks;
      System.out.printf("total %.2f ns/step; apply %.2f ns/elt, chainDrawing %.2f ns/step, chain %.2f ns/step (%d/%d/%d)%n", (t1-t0)/(double) steps,
        MetropolisKernel.T_APPLY/(double)MetropolisKernel.N_APPLY, MetropolisKernel.T_DRAW/(double)MetropolisKernel.N_DRAW, MetropolisKernel.T_CHAIN/(double)Math.max(1,MetropolisKernel.N_CHAIN), MetropolisKernel.N_APPLY, MetropolisKernel.N_DRAW, MetropolisKernel.N_CHAIN);
    }
    if (keep == null) System.out.println("!");
  }
}
