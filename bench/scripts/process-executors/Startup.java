import java.util.*;
/** Median wall time of a worker JVM running one task, per flag set, interleaved round by round. */
public class Startup {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        String java = a[1], cp = a[2], archive = a[3], iters = a[4];
        List<String> task = List.of("mcsweep.executors.process.WorkerMain", "--task", "0", "metropolis", iters, "0", "1",
                "L64X128MixRandom", "/tmp/mcsweep-startup-x.csv", "3ff0000000000000", "3ff0000000000000", "3ff0000000000000");
        List<String> log = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");
        List<String> flags = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-Xss512k", "-XX:TieredStopAtLevel=1");
        Map<String, List<String>> configs = new LinkedHashMap<>();
        configs.put("java -cp jar (JDK default CDS)", concat(List.of(java), log, List.of("-cp", cp), task));
        configs.put("+ AppCDS archive", concat(List.of(java, "-XX:SharedArchiveFile=" + archive), log, List.of("-cp", cp), task));
        configs.put("+ C1 only, Serial GC, no perf data", concat(List.of(java), flags, log, List.of("-cp", cp), task));
        configs.put("+ both (what 'process' runs)", concat(List.of(java, "-XX:SharedArchiveFile=" + archive), flags, log, List.of("-cp", cp), task));
        if (a.length > 5) configs.put("+ both, JDK 25 AOT cache instead of AppCDS", concat(List.of(java, "-XX:AOTCache=" + a[5]), flags.stream().filter(f -> !f.startsWith("-Xshare")).toList(), log, List.of("-cp", cp), task));
        configs.put("java -version (floor)", List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-version"));
        Map<String, long[]> t = new LinkedHashMap<>();
        configs.keySet().forEach(k -> t.put(k, new long[n]));
        for (int i = 0; i < n; i++) {
            for (var e : configs.entrySet()) {
                long s = System.nanoTime();
                Process p = new ProcessBuilder(e.getValue()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) throw new AssertionError(e.getKey());
                t.get(e.getKey())[i] = System.nanoTime() - s;
            }
        }
        for (var e : t.entrySet()) {
            long[] v = e.getValue(); Arrays.sort(v);
            System.out.printf("| %s | %.1f | %.1f |%n", e.getKey(), v[n / 2] / 1e6, v[0] / 1e6);
        }
    }
    @SafeVarargs static List<String> concat(List<String>... ls) { List<String> r = new ArrayList<>(); for (var l : ls) r.addAll(l); return r; }
}
