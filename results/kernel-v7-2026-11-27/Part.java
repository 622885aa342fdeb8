import mcsweep.kernel.*;
public class Part {
  public static void main(String[] a) throws Exception {
    MetropolisKernel k = new MetropolisKernel(false);
    for (long seed = 1; seed <= 20; seed++) {
      long lo = 0, hi = 1L << 26; // find the first n where summaries differ (binary search on prefix: traces are prefixes)
      Summary s3 = k.run(new double[]{0.5,1,1}, hi, Seeds.generator(Seeds.DEFAULT_ALGORITHM, seed), TraceSink.NONE, Scheme.V3);
      Summary s4 = k.run(new double[]{0.5,1,1}, hi, Seeds.generator(Seeds.DEFAULT_ALGORITHM, seed), TraceSink.NONE, Scheme.V4);
      if (s3.equals(s4)) { System.out.println(seed + ": same up to " + hi); continue; }
      while (hi - lo > 1) { long mid = (lo + hi) / 2;
        Summary a3 = k.run(new double[]{0.5,1,1}, mid, Seeds.generator(Seeds.DEFAULT_ALGORITHM, seed), TraceSink.NONE, Scheme.V3);
        Summary a4 = k.run(new double[]{0.5,1,1}, mid, Seeds.generator(Seeds.DEFAULT_ALGORITHM, seed), TraceSink.NONE, Scheme.V4);
        if (a3.get("acceptance") == a4.get("acceptance") && a3.get("mean_x") == a4.get("mean_x")) lo = mid; else hi = mid; }
      System.out.println(seed + ": first differs by step " + hi);
    }
  }
}
