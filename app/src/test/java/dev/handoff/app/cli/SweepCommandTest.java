package dev.handoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code handoff sweep}: exit codes, the CSV, the PNG and the JSON last line with its slopes. */
class SweepCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static String sample(String name) {
        return CliContractTest.samples().resolve(name).toString();
    }

    private String err() {
        return console.stderr();
    }

    private JsonNode lastLineJson() throws Exception {
        List<String> lines = console.stdout().lines().toList();
        assertThat(lines).isNotEmpty();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void unknownAxisExitsTwoAndNamesTheKnownOnes(@TempDir Path dir) {
        int code = HandoffCli.run("sweep", sample("routing-6x6.workflow.json"), "--axis", "lod", "--values", "1,2",
                "--out", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("unknown axis \"lod\"", "load", "handoffs");
        assertThat(dir.resolve("sweep.csv")).doesNotExist();
    }

    @Test
    void axisTheKindDoesNotSupportExitsTwo(@TempDir Path dir) {
        int code = HandoffCli.run("sweep", sample("synthetic-ring10.workflow.json"), "--axis", "load", "--values", "1,2",
                "--out", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("needs a routing workflow", "synthetic");
    }

    @Test
    void badValuesAndPoliciesExitTwo(@TempDir Path dir) {
        assertThat(HandoffCli.run("sweep", sample("routing-6x6.workflow.json"), "--axis", "load", "--values", "0,1",
                "--out", dir.toString())).isEqualTo(2);
        assertThat(err()).contains("a load must be a positive number");
        assertThat(HandoffCli.run("sweep", sample("routing-6x6.workflow.json"), "--axis", "load", "--values", "1,x",
                "--out", dir.toString())).isEqualTo(2);
        assertThat(HandoffCli.run("sweep", sample("routing-6x6.workflow.json"), "--axis", "load", "--values", "1",
                "--algo", "icq-tabular,dijkstra", "--out", dir.toString())).isEqualTo(2);
        assertThat(err()).contains("unknown policy \"dijkstra\"");
    }

    @Test
    void anEngineNotOnTheClassPathOrOptionsItDoesNotTakeExitTwo(@TempDir Path dir) {
        String ring = sample("synthetic-ring10.workflow.json");
        assertThat(HandoffCli.run("sweep", ring, "--axis", "handoffs", "--values", "100", "--engine", "spark",
                "--out", dir.toString())).isEqualTo(2);
        assertThat(err()).contains("no engine \"spark\" on the class path (found: local)", "run through ./handoff");
        assertThat(HandoffCli.run("sweep", ring, "--axis", "handoffs", "--values", "100", "--master", "local[2]",
                "--out", dir.toString())).isEqualTo(2);
        assertThat(err()).contains("--engine local: the local engine takes no engine options");
        assertThat(HandoffCli.run("sweep", ring, "--axis", "handoffs", "--values", "100", "--out",
                "hdfs://namenode/sweeps")).isEqualTo(2);
        assertThat(err()).contains("--out: the local engine writes to a local folder");
        assertThat(dir.resolve("sweep.csv")).doesNotExist();
    }

    @Test
    void aSweepRunAgainOnItsFolderResumesAndAnotherSweepThereIsRefused(@TempDir Path dir) throws Exception {
        String ring = sample("synthetic-ring10.workflow.json");
        assertThat(HandoffCli.run("sweep", ring, "--axis", "handoffs", "--values", "100,1000", "--seeds", "1..2",
                "--out", dir.toString())).as(err()).isZero();
        byte[] csv = Files.readAllBytes(dir.resolve("sweep.csv"));
        assertThat(dir.resolve("cells")).isDirectoryContaining("glob:**v100.0_s1_icq-tabular.json");
        assertThat(HandoffCli.run("sweep", ring, "--axis", "handoffs", "--values", "100,1000", "--seeds", "1..2",
                "--out", dir.toString())).as(err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("sweep.csv"))).isEqualTo(csv);
        assertThat(err()).contains("sweep: 4 of 4 cells already finished in " + dir + "; nothing left to measure");
        assertThat(HandoffCli.run("sweep", ring, "--axis", "handoffs", "--values", "100", "--algo", "independent",
                "--out", dir.toString())).isEqualTo(2);
        assertThat(err()).contains("--out: " + dir + " holds another sweep's results");
    }

    @Test
    void routingLoadSweepWritesCsvPngAndAJsonLastLineWithSlopes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        int code = HandoffCli.run("sweep", sample("routing-6x6.workflow.json"), "--axis", "load", "--values", "0.5,1,2",
                "--seeds", "1..2", "--handoffs", "30000", "--algo", "icq-tabular,shortest-path", "-O", "measure=500",
                "-O", "warmup=200", "--out", out.toString());
        assertThat(code).as(err()).isZero();
        assertThat(err()).contains("sweep load: 12/12 cells done");

        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv.get(0)).isEqualTo("load,seed,policy,deliveryTime,delivered,dropped,routingAccuracy");
        assertThat(csv).hasSize(1 + 3 * 2 * 2);

        JsonNode json = lastLineJson();
        assertThat(json.get("axis").asText()).isEqualTo("load");
        assertThat(json.get("values")).hasSize(3);
        assertThat(json.get("seeds").toString()).isEqualTo("[1,2]");
        JsonNode metrics = json.get("metrics");
        assertThat(metrics).hasSize(4 * 2);
        JsonNode time = metrics.get(0);
        assertThat(time.get("metric").asText()).isEqualTo("deliveryTime");
        assertThat(time.get("mean")).hasSize(3);
        assertThat(time.get("mean").get(0).asDouble()).isBetween(3.0, 10.0);
        assertThat(time.get("slope").get("slope").isNumber()).isTrue();
        assertThat(time.get("slope").get("ci95").isNumber()).isTrue();
        assertThat(time.get("slope").get("seedsFitted").asInt()).isEqualTo(2);

        BufferedImage png = pngAt(out.resolve("sweep.png"));
        assertThat(png.getWidth()).isGreaterThanOrEqualTo(800);
        assertThat(png.getHeight()).isBetween(500, 2000);
    }

    @Test
    void handoffsSweepOnTheSyntheticSampleFitsTheOracleGapSlope(@TempDir Path dir) throws Exception {
        int code = HandoffCli.run("sweep", sample("synthetic-ring10.workflow.json"), "--axis", "handoffs", "--values",
                "1000,10000,100000", "--seeds", "1..2", "--out", dir.toString());
        assertThat(code).as(err()).isZero();
        JsonNode json = lastLineJson();
        assertThat(json.get("handoffs").isNull()).as("no single training budget on the handoffs axis").isTrue();
        JsonNode gap = null;
        for (JsonNode m : json.get("metrics")) {
            if (m.get("metric").asText().equals("oracleGap")) {
                gap = m;
            }
        }
        assertThat(gap).as("oracle gap series").isNotNull();
        assertThat(gap.get("slope").get("slope").asDouble()).isNegative();
        // the return itself is negative or positive depending on the instance: its slope is either fitted or explained
        JsonNode ret = json.get("metrics").get(0);
        assertThat(ret.get("slope").get("slope").isNumber() || !ret.get("skipped").isEmpty()).isTrue();
        pngAt(dir.resolve("sweep.png"));
    }

    private static BufferedImage pngAt(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img).isNotNull();
        return img;
    }
}
