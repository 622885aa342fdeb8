package mcsweep.bench;
import java.lang.management.*;
import java.util.*;
import java.util.random.RandomGenerator;
import mcsweep.kernel.*;
/** Interleaved side-by-side: each round runs every variant once (100,000 steps, thread CPU time). */
public class Side {
  interface V { Summary run(RandomGenerator g) throws Exception; }
  public static void main(String[] a) throws Exception {
    int rounds = Integer.parseInt(a[0]);
    MetropolisKernel s = new MetropolisKernel(false), v = new MetropolisKernel(true);
    double[] p = {0.5, 1.0, 1.0};
    int n = 100_000;
    String[] names = {"before(v2)", "v2 scalar", "v3 scalar", "v2 vector", "v3 vector"};
    V[] vs = {g -> V2LoopBefore.run(p, n, g, TraceSink.NONE), g -> s.run(p, n, g, TraceSink.NONE, Scheme.V2),
      g -> s.run(p, n, g, TraceSink.NONE, Scheme.V3), g -> v.run(p, n, g, TraceSink.NONE, Scheme.V2),
      g -> v.run(p, n, g, TraceSink.NONE, Scheme.V3)};
    RandomGenerator[] gs = new RandomGenerator[vs.length];
    for (int i = 0; i < gs.length; i++) gs[i] = Seeds.generator(Seeds.DEFAULT_ALGORITHM, 42 + i);
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    List<List<Double>> t = new ArrayList<>(); for (String x : names) t.add(new ArrayList<>());
    double sink = 0;
    for (int r = 0; r < rounds; r++) for (int k = 0; k < vs.length; k++) {
      long c0 = tm.getCurrentThreadCpuTime(); sink += vs[k].run(gs[k]).values()[1]; long c1 = tm.getCurrentThreadCpuTime();
      if (r >= rounds / 4) t.get(k).add((c1 - c0) / (double) n);
    }
    List<Double> ratios = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    double v2med = 0;
    for (int k = 0; k < vs.length; k++) { List<Double> l = new ArrayList<>(t.get(k)); Collections.sort(l);
      double med = l.get(l.size() / 2); if (k == 1) v2med = med;
      sb.append(String.format("%-11s median %6.2f  q1 %6.2f  q3 %6.2f ns/step%n", names[k], med, l.get(l.size() / 4), l.get(3 * l.size() / 4))); }
    // per-round ratios against v2 scalar, medians
    for (int k = 0; k < vs.length; k++) { List<Double> rr = new ArrayList<>(); for (int i = 0; i < t.get(k).size(); i++) rr.add(t.get(k).get(i) / t.get(1).get(i));
      Collections.sort(rr); sb.append(String.format("%-11s / v2 scalar: median ratio %.3f (q1 %.3f, q3 %.3f)%n", names[k], rr.get(rr.size()/2), rr.get(rr.size()/4), rr.get(3*rr.size()/4))); }
    System.out.print(sb); System.out.println(sink > 0 ? "" : "!");
  }
}
