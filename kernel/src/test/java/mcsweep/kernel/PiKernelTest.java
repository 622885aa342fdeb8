package mcsweep.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import mcsweep.kernel.io.CsvTraceWriter;
import org.junit.jupiter.api.Test;

class PiKernelTest {

    private final Kernel pi = Kernels.byName(PiKernel.NAME);

    private static Summary run(Kernel k, long samples, long seed) throws Exception {
        return k.run(new double[0], samples, Seeds.generator(Seeds.DEFAULT_ALGORITHM, seed), TraceSink.NONE);
    }

    @Test
    void isFoundByNameAndDeclaresASumOfCountsReduction() {
        assertThat(pi).isInstanceOf(PiKernel.class);
        assertThat(pi.parameters()).isEmpty();
        assertThat(pi.reduction()).isPresent();
        assertThat(Kernels.byName(MetropolisKernel.NAME).reduction()).isEmpty();
    }

    @Test
    void estimatesPiWithinFourStandardErrors() throws Exception {
        Summary s = run(pi, 2_000_000, 7);
        assertThat(s.get("samples")).isEqualTo(2_000_000.0);
        assertThat(s.get("estimate_err")).isBetween(0.001, 0.002); // 4 sqrt(p(1-p)/n), p = pi/4
        assertThat(Math.abs(s.get("estimate") - Math.PI)).isLessThan(4 * s.get("estimate_err"));
    }

    @Test
    void mergedStreamsAreTheSummaryOfTheirSummedCounts() throws Exception {
        List<Summary> parts = new ArrayList<>();
        long samples = 0;
        double hits = 0;
        for (int stream = 0; stream < 5; stream++) {
            Summary s = run(pi, 10_000 + stream * 777, Seeds.taskSeed(1, List.of(), new double[0], stream));
            parts.add(s);
            samples += (long) s.get("samples");
            hits += s.get("hits");
        }
        Summary merged = pi.reduction().orElseThrow().mergeAll(parts);
        assertThat(merged).isEqualTo(PiKernel.summary(samples, hits));
        assertThat(merged.names()).isEqualTo(pi.summaryNames());
        // associative: grouping does not matter
        Reduction r = pi.reduction().orElseThrow();
        Summary grouped = r.merge(r.merge(parts.get(0), parts.get(1)),
                r.mergeAll(parts.subList(2, 5)));
        assertThat(grouped).isEqualTo(merged);
    }

    @Test
    void countsTheSameDartsWithAndWithoutATrace() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvTraceWriter csv = new CsvTraceWriter(bytes);
        Summary traced = pi.run(new double[0], 20_000, Seeds.generator(Seeds.DEFAULT_ALGORITHM, 3), csv);
        csv.flush();
        assertThat(traced).isEqualTo(run(pi, 20_000, 3));
        String[] lines = bytes.toString().split("\n");
        assertThat(lines[0]).isEqualTo("x,y,inside");
        assertThat(lines).hasSize(20_001);
        long inside = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            double x = Double.parseDouble(f[0]), y = Double.parseDouble(f[1]);
            assertThat(f[2]).isEqualTo(x * x + y * y <= 1.0 ? "1" : "0");
            inside += Integer.parseInt(f[2]);
        }
        assertThat((double) inside).isEqualTo(traced.get("hits"));
    }

    @Test
    void stopsAtABlockBoundaryWhenInterrupted() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> run(pi, 100_000, 1)).isInstanceOf(InterruptedException.class)
                .hasMessageContaining("after 8192 of 100000");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
