package dev.handoff.sweep.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Same answer on any engine: {@code handoff sweep --engine spark --master local[2]} writes byte for byte the
 * {@code sweep.csv} and {@code sweep.png} of {@code --engine local}, and the same JSON line (but for time and paths),
 * run through the CLI exactly as a user runs it (the engine found by ServiceLoader, its own SparkContext started and
 * stopped).
 */
class SparkEngineMatchesLocalTest {

    @Test
    void localAndSparkOnLocal2WriteTheSameFilesByteForByte(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        Cli.Result l = Cli.run(Cli.smallLoadSweep(local.toString(), "--engine", "local"));
        assertThat(l.code()).as(l.err()).isZero();
        Cli.Result s = Cli.run(Cli.smallLoadSweep(spark.toString(), "--engine", "spark", "--master", "local[2]"));
        assertThat(s.code()).as(s.err()).isZero();

        assertThat(Files.readAllBytes(spark.resolve("sweep.csv"))).isEqualTo(Files.readAllBytes(local.resolve("sweep.csv")));
        assertThat(Files.readAllBytes(spark.resolve("sweep.png"))).isEqualTo(Files.readAllBytes(local.resolve("sweep.png")));
        assertThat(s.jsonWithoutTimeAndPaths()).isEqualTo(l.jsonWithoutTimeAndPaths());
        assertThat(Files.readAllLines(spark.resolve("sweep.csv"))).hasSize(1 + 2 * 2 * 2);

        assertThat(s.err()).contains("on the spark engine", "master local[2], 2 task slots", "Spark UI at http://",
                "sweep load: 8/8 cells done");
        assertThat(s.err()).containsPattern("sweep load: 1/8 cells done \\(load = (0\\.5|2), seed [12], "
                + "(icq-tabular|shortest-path)\\); [0-9.]+s elapsed, ETA [0-9.hms]+");
        assertThat(spark.resolve("cells").toFile().list()).hasSize(8)
                .allMatch(f -> f.matches("v(0\\.5|2\\.0)_s[12]_(icq-tabular|shortest-path)\\.json"));
        assertThat(Files.readString(spark.resolve("cells/v0.5_s1_icq-tabular.json"))).contains("\"worker\":\"executor driver on ");
    }

    @Test
    void aSecondRunOnTheSameFolderHasNothingLeftToMeasure(@TempDir Path dir) {
        String out = dir.resolve("s").toString();
        String[] line = {"sweep", Cli.sample("synthetic-ring10.workflow.json"), "--axis", "handoffs", "--values",
                "1000,4000", "--seeds", "1..2", "--algo", "icq-tabular,independent,oracle", "--engine", "spark",
                "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--out", out};
        assertThat(Cli.run(line).code()).isZero();
        Cli.Result again = Cli.run(line);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("no Spark UI", "12 of 12 cells already finished in " + out
                + "; nothing left to measure").doesNotContain("cells done");
        Cli.Result local = Cli.run(line[0], line[1], line[2], line[3], line[4], line[5], line[6], line[7], line[8],
                line[9], "--out", dir.resolve("l").toString());
        assertThat(local.code()).isZero();
        assertThat(dir.resolve("s/sweep.csv")).hasSameBinaryContentAs(dir.resolve("l/sweep.csv"));
    }
}
