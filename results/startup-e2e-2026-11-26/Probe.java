import java.nio.file.*;
import java.util.*;
public class Probe {
  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    long up0 = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    int rc = mcsweep.cli.Main.execute(a);
    long t1 = System.nanoTime();
    long tick = 10; // ms per jiffy (USER_HZ=100)
    Map<String, long[]> by = new TreeMap<>();
    long sum = 0;
    for (Path t : Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      String stat = Files.readString(t.resolve("stat"));
      String comm = stat.substring(stat.indexOf('(')+1, stat.lastIndexOf(')'));
      String[] f = stat.substring(stat.lastIndexOf(')')+2).split(" ");
      long ut = Long.parseLong(f[11]), st = Long.parseLong(f[12]);
      String key = comm.replaceAll("[0-9]+$", "#");
      long[] v = by.computeIfAbsent(key, k -> new long[2]); v[0] += (ut+st)*tick; v[1]++;
      sum += (ut+st)*tick;
    }
    String s = Files.readString(Path.of("/proc/self/stat"));
    String[] f = s.substring(s.lastIndexOf(')')+2).split(" ");
    long tot = (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))*tick;
    System.err.printf("rc=%d main-uptime-at-start=%dms execute=%dms totalcpu=%dms live-threads=%dms dead=%dms%n", rc, up0, (t1-t0)/1000000, tot, sum, tot-sum);
    by.forEach((k,v) -> { if (v[0] > 0) System.err.printf("  %-28s %5d ms (%d)%n", k, v[0], v[1]); });
  }
}
