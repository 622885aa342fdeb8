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
        double[] fixed = {0, 1e6, 0};
        double[] perTask = {200, 4e3, 60e6};
        for (int i = 0; i < executors.length; i++) {
            for (int w : new int[] {1, 2}) {
                for (int b : new int[] {16, 4096}) {
                    m.put(new OverheadAnalysis.Key(executors[i], w, b, 0), Score.of(fixed[i] + b * perTask[i] / w));
                }
                m.put(new OverheadAnalysis.Key(executors[i], w, 256, 10_000),
                        Score.of(fixed[i] + 256 * (perTask[i] + 10_000 * 30.0) / w));
            }
        }
        // Kept in target/ so that a person can look at it after the build.
        Path file = Path.of("target", "overhead-sample.png");
        Files.createDirectories(file.getParent());

        OverheadChart.write(new OverheadAnalysis(30, Score.of(70e6), m), 324, file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(640);
    }
}
