package mcsweep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class OverheadChartTest {

    @Test
    void drawsBothPanelsIntoOnePngFromSyntheticNumbers() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Map<OverheadAnalysis.Key, Score> m = new HashMap<>();
        String[] executors = {"sequential", "forkjoin", "process"};
        double[] overhead = {10e3, 40e3, 200e6};
        for (int i = 0; i < executors.length; i++) {
            for (int w : new int[] {1, 2}) {
                for (long s : new long[] {0, 100, 10_000, 1_000_000}) {
                    m.put(new OverheadAnalysis.Key(executors[i], w, s), Score.of(overhead[i] / w + s * 30.0 / w));
                }
            }
        }
        // Kept in target/ so that a person can look at it after the build.
        Path file = Path.of("target", "overhead-sample.png");
        Files.createDirectories(file.getParent());

        OverheadChart.write(new OverheadAnalysis(30, Score.of(70e6), m), file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(640);
    }
}
