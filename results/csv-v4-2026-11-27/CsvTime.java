package mcsweep.kernel.io;
import mcsweep.kernel.*;
import java.io.*;
import java.util.*;
public class CsvTime {
  public static void main(String[] a) throws Exception {
    int N = 2048;
    Block[] blocks = new Block[50];
    final Block[] cur = new Block[1];
    List<Column> cols = List.of(Column.f64("x"), Column.i8("accept"));
    MetropolisKernel k = new MetropolisKernel(false);
    int[] bi = {0};
    TraceSink grab = new TraceSink() {
      public void begin(List<Column> c) {}
      public void write(Block b) { if (bi[0] < blocks.length) { Block c = new Block(cols, N); System.arraycopy(b.f64(0),0,c.f64(0),0,N); System.arraycopy(b.i8(1),0,c.i8(1),0,N); c.length(N); blocks[bi[0]++] = c; } }
    };
    k.run(new double[]{0.5,1.0,1.0}, 50L*N, Seeds.generator(Seeds.DEFAULT_ALGORITHM, 7L), grab, Scheme.V3);
    OutputStream nul = new OutputStream(){ long n; public void write(int b){n++;} public void write(byte[] b,int o,int l){n+=l;} };
    byte[] buf = new byte[64];
    List<Double> tw = new ArrayList<>(), tf = new ArrayList<>(), tg = new ArrayList<>(); final double SHIFT = Double.parseDouble(System.getProperty("shift","10")); final double SCALE = Double.parseDouble(System.getProperty("scale","1"));
    long sink=0;
    for (int rep=0; rep<400; rep++) {
      CsvTraceWriter w = new CsvTraceWriter(nul); w.begin(cols);
      long t0=System.nanoTime();
      for (Block b : blocks) w.write(b);
      w.flush();
      long t1=System.nanoTime();
      for (Block b : blocks) { double[] xs=b.f64(0); for (int i=0;i<N;i++) sink += ShortestDouble.write(xs[i], buf, 0); }
      long t2=System.nanoTime();
      for (Block b : blocks) { double[] xs=b.f64(0); for (int i=0;i<N;i++) sink += ShortestDouble.write(xs[i]*SCALE+SHIFT, buf, 0); }
      long t3=System.nanoTime();
      if (rep>=100) { tw.add((t1-t0)/(50.0*N)); tf.add((t2-t1)/(50.0*N)); tg.add((t3-t2)/(50.0*N)); }
    }
    Collections.sort(tw); Collections.sort(tf); Collections.sort(tg); long small=0; for (Block b: blocks) for (double x: b.f64(0)) if (Math.abs(x)<1) small++; System.out.printf("|x|<1: %.2f, shifted %.2f ns/value%n", small/(50.0*N), tg.get(150));
    System.out.printf("writer %.2f ns/row, ShortestDouble.write %.2f ns/value (every value) %d%n", tw.get(150), tf.get(150), sink&1);
  }
}
