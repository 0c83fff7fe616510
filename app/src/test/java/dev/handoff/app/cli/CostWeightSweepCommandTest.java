package dev.handoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.app.cli.plot.CostAccuracyChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code handoff sweep --axis cost-weight} on the Mixtral → GPT-4 sample, end to end, and its cost–accuracy chart. */
class CostWeightSweepCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void twoCostWeightsWriteHeldOutFiguresForLearnersAndReferencesAndTheChartReadsThem(@TempDir Path dir) throws Exception {
        String file = CliContractTest.samples().resolve("llm-math-mixtral-gpt4.workflow.json").toString();
        int code = HandoffCli.run("sweep", file, "--axis", "cost-weight", "--values", "1,300", "--seeds", "1..1",
                "--handoffs", "100000", "--algo", "icq-tabular,oracle", "--out", dir.toString());
        assertThat(code).as(console.stderr()).isZero();
        List<String> lines = console.stdout().lines().toList();
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(json.get("axisLabel").asText()).contains("held-out", "grading: released-labels");
        assertThat(json.get("policies")).extracting(JsonNode::asText).containsExactly("icq-tabular", "oracle",
                "mixtral-8x7b-instruct alone", "gpt-4-1106-preview alone", "best fixed cascade", "perfect router");
        assertThat(Files.readAllLines(dir.resolve("sweep.csv"))).hasSize(1 + 2 * 6)
                .first().isEqualTo("cost-weight,seed,policy,accuracy,costPerQuestion,reward");
        assertThat(dir.resolve("sweep.png")).exists();

        Map<String, List<CostAccuracyChart.Point>> points = CostAccuracyChart.read(dir.resolve("sweep.csv"));
        List<CostAccuracyChart.Point> gpt4 = points.get("gpt-4-1106-preview alone");
        List<CostAccuracyChart.Point> mixtral = points.get("mixtral-8x7b-instruct alone");
        assertThat(gpt4.get(0).accuracy()).isGreaterThan(mixtral.get(0).accuracy());
        assertThat(gpt4.get(0).costPerQuestion()).isGreaterThan(mixtral.get(0).costPerQuestion());
        // at λ = 300 per dollar cost dominates: IC-Q spends no more than Mixtral alone plus a sliver
        assertThat(points.get("icq-tabular").get(1).costPerQuestion()).isLessThan(2 * mixtral.get(1).costPerQuestion());
        Path png = CostAccuracyChart.writePng(dir.resolve("sweep.csv"), "t", null, dir.resolve("scatter.png"));
        assertThat(Files.size(png)).isPositive();
    }
}
