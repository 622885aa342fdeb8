import java.lang.management.*;
import java.lang.reflect.*;
import java.net.*;
import java.util.*;
import java.util.random.RandomGenerator;
/** DirSide with a scheme per side: java DirSide2 rounds schemeA jarA schemeB jarB steps */
public class DirSide2 {
  public static void main(String[] a) throws Exception {
    int rounds = Integer.parseInt(a[0]);
    String[] schemesN = {a[1], a[3]}; String[] jars = {a[2], a[4]};
    Object[] kernels = new Object[2]; Method[] runs = new Method[2]; Object[] sinks = new Object[2]; Object[] schemes = new Object[2];
    for (int j = 0; j < 2; j++) {
      ClassLoader cl = new URLClassLoader(new URL[] {new java.io.File(jars[j]).toURI().toURL()}, DirSide2.class.getClassLoader().getParent());
      Class<?> k = cl.loadClass("mcsweep.kernel.MetropolisKernel"), ts = cl.loadClass("mcsweep.kernel.TraceSink"), sc = cl.loadClass("mcsweep.kernel.Scheme");
      kernels[j] = k.getConstructor(boolean.class).newInstance(false);
      runs[j] = k.getMethod("run", double[].class, long.class, RandomGenerator.class, ts, sc);
      sinks[j] = System.getProperty("csv") != null ? cl.loadClass("mcsweep.kernel.io.CsvTraceWriter").getConstructor(java.io.OutputStream.class).newInstance(java.io.OutputStream.nullOutputStream()) : ts.getField("NONE").get(null); schemes[j] = sc.getField(schemesN[j]).get(null);
    }
    double[] p = {0.5, Double.parseDouble(System.getProperty("h","1.0")), 1.0}; int n = Integer.parseInt(a[5]);
    RandomGenerator[] gs = {RandomGenerator.of("L64X128MixRandom"), RandomGenerator.of("L64X128MixRandom")};
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    double[][] t = new double[2][rounds]; Object keep = null;
    for (int r = 0; r < rounds; r++) for (int j0 = 0; j0 < 2; j0++) { int j = (r & 1) == 0 ? j0 : 1 - j0;
      long c0 = tm.getCurrentThreadCpuTime(); keep = runs[j].invoke(kernels[j], p, (long) n, gs[j], sinks[j], schemes[j]); long c1 = tm.getCurrentThreadCpuTime();
      t[j][r] = (c1 - c0) / (double) n; }
    int from = rounds / 4; double[] b = Arrays.copyOfRange(t[0], from, rounds), f = Arrays.copyOfRange(t[1], from, rounds), rr = new double[b.length];
    for (int i = 0; i < b.length; i++) rr[i] = f[i] / b[i];
    Arrays.sort(b); Arrays.sort(f); Arrays.sort(rr); int m = b.length / 2;
    System.out.printf("%s %.2f  %s %.2f ns/step (medians)  B/A per-round median %.3f (q1 %.3f q3 %.3f)%n", schemesN[0], b[m], schemesN[1], f[m], rr[m], rr[b.length/4], rr[3*b.length/4]);
    if (keep == null) System.out.println("!");
  }
}
