package dev.handoff.app.cli.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The cost–accuracy chart of a cost-weight sweep: seeds averaged per policy and λ, coinciding λ labels merged. */
class CostAccuracyChartTest {
    private static final String CSV = """
            cost-weight,seed,policy,accuracy,costPerQuestion,reward
            1,1,icq-tabular,0.80,0.004,0.796
            1,2,icq-tabular,0.90,0.006,0.894
            1,1,cheap alone,0.60,0.0001,0.5999
            1,2,cheap alone,0.60,0.0001,0.5999
            1,1,perfect router,0.95,0.001,0.949
            1,2,perfect router,0.95,0.001,0.949
            100,1,icq-tabular,0.61,0.0001,0.60
            100,2,icq-tabular,NaN,NaN,NaN
            100,1,cheap alone,0.60,0.0001,0.59
            100,2,cheap alone,0.60,0.0001,0.59
            100,1,perfect router,0.95,0.001,0.85
            100,2,perfect router,0.95,0.001,0.85
            """;

    @Test
    void readAveragesOverSeedsPerPolicyAndLambdaAndSkipsNaN(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("sweep.csv"), CSV);
        Map<String, List<CostAccuracyChart.Point>> points = CostAccuracyChart.read(csv);
        assertThat(points.keySet()).containsExactly("icq-tabular", "cheap alone", "perfect router");
        List<CostAccuracyChart.Point> icq = points.get("icq-tabular");
        assertThat(icq).extracting(CostAccuracyChart.Point::lambda).containsExactly(1.0, 100.0);
        assertThat(icq.get(0).accuracy()).isCloseTo(0.85, within(1e-12));
        assertThat(icq.get(0).costPerQuestion()).isCloseTo(0.005, within(1e-12));
        assertThat(icq.get(0).seeds()).isEqualTo(2);
        assertThat(icq.get(1).seeds()).isEqualTo(1);
        assertThat(CostAccuracyChart.isFixedPoint("cheap alone")).isTrue();
        assertThat(CostAccuracyChart.isFixedPoint("perfect router")).isTrue();
        assertThat(CostAccuracyChart.isFixedPoint("best fixed cascade")).isFalse();
    }

    @Test
    void pointsThatCoincideShareOneLambdaLabel() {
        List<CostAccuracyChart.Point> pts = List.of(
                new CostAccuracyChart.Point("icq", 1, 0.88, 0.0063, 3),
                new CostAccuracyChart.Point("icq", 3, 0.879, 0.0062, 3),
                new CostAccuracyChart.Point("icq", 30, 0.876, 0.0037, 3),
                new CostAccuracyChart.Point("icq", 300, 0.611, 0.00008, 3),
                new CostAccuracyChart.Point("icq", 1000, 0.611, 0.00008, 3));
        assertThat(CostAccuracyChart.lambdaLabels(pts)).containsExactly("λ=1, 3", "", "λ=30", "λ=300, 1000", "");
    }

    @Test
    void writesAPngOfTheStatedSize(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("sweep.csv"), CSV);
        Path png = CostAccuracyChart.writePng(csv, "t", "s", dir.resolve("out.png"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(CostAccuracyChart.WIDTH);
        assertThat(img.getHeight()).isEqualTo(CostAccuracyChart.HEIGHT);
    }
}
