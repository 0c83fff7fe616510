package dev.handoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI contract scripts rely on: exit codes, one problem per line, a JSON object as the last stdout line. */
class CliContractTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    static Path samples() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root with sample-workflows/").isNotNull();
        return p.resolve("sample-workflows");
    }

    private String out() {
        return console.stdout();
    }

    private JsonNode lastLineJson() throws Exception {
        List<String> lines = out().lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void validSampleValidatesWithExitZero() throws Exception {
        assertThat(HandoffCli.run("validate", samples().resolve("synthetic-ring10.workflow.json").toString())).isZero();
        assertThat(lastLineJson().get("valid").asBoolean()).isTrue();
    }

    @Test
    void invalidWorkflowExitsTwoWithOneLinePerProblem(@TempDir Path dir) throws Exception {
        String json = Files.readString(samples().resolve("synthetic-ring10.workflow.json"))
                .replace("\"to\": \"a1\"", "\"to\": \"a99\"")
                .replace("\"gamma\": 0.95", "\"gamma\": 1.5");
        Path bad = dir.resolve("bad.workflow.json");
        Files.writeString(bad, json);
        assertThat(HandoffCli.run("validate", bad.toString())).isEqualTo(2);
        assertThat(out()).isEmpty();
        List<String> lines = console.stderr().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("/handoffs/0/to: ") && l.contains("a99"));
        assertThat(lines).anyMatch(l -> l.startsWith("/training/gamma: "));
        assertThat(lines).allMatch(l -> l.matches("^/\\S*: .+"));
    }

    @Test
    void newWritesTheShippedSampleForEverySampleTemplate(@TempDir Path dir) throws Exception {
        for (String[] t : List.of(new String[] {"cpu-hackers-delight", "cpu-hackers-delight.workflow.json"},
                new String[] {"llm-math-mixtral-gpt4", "llm-math-mixtral-gpt4.workflow.json"},
                new String[] {"llm-math-gpt3-ladder", "llm-math-gpt3-ladder.workflow.json"})) {
            Path written = dir.resolve(t[0] + ".workflow.json");
            assertThat(HandoffCli.run("new", t[0], "--out", written.toString())).as(t[0]).isZero();
            assertThat(HandoffCli.run("validate", written.toString())).as(t[0]).isZero();
            assertThat(Files.readString(written)).as(t[0]).isEqualTo(Files.readString(samples().resolve(t[1])));
        }
        assertThat(HandoffCli.run("new", "no-such-template", "--out", dir.resolve("x.json").toString())).isEqualTo(2);
    }

    @Test
    void malformedJsonIsAnInputErrorNotACrash(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.workflow.json");
        Files.writeString(bad, "{ \"formatVersion\": 1, \"agents\": [ ");
        assertThat(HandoffCli.run("validate", bad.toString())).isEqualTo(2);
        assertThat(console.stderr()).contains("line");
    }

    @Test
    void trainPrintsASummaryAndWritesARunFolder(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        int code = HandoffCli.run("train", samples().resolve("synthetic-ring10.workflow.json").toString(), "--seeds", "1..2",
                "--handoffs", "3000000", "--out", run.toString());
        assertThat(code).isZero();
        JsonNode s = lastLineJson();
        assertThat(s.get("algo").asText()).isEqualTo("icq-tabular");
        assertThat(s.get("seeds")).hasSize(2);
        assertThat(s.get("handoffs").asLong()).isEqualTo(3_000_000);
        assertThat(s.get("handoffsPerSecond").asDouble()).isPositive();
        assertThat(s.get("wallSeconds").asDouble()).isPositive();
        double oracle = s.get("oracleReturn").asDouble();
        assertThat(s.get("meanReturn").asDouble()).isGreaterThan(oracle - 0.01 * Math.abs(oracle));
        assertThat(run.resolve("metrics.csv")).exists();
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(1 + 2 * 60);
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("finished");
        assertThat(manifest.get("workflowHash").asText()).hasSize(64);
        assertThat(manifest.get("seeds")).hasSize(2);
        assertThat(manifest.get("versions").get("app").asText()).isNotBlank();
    }

    @Test
    void unknownAlgorithmIsAnInputError() {
        assertThat(HandoffCli.run("train", samples().resolve("synthetic-ring10.workflow.json").toString(), "--algo", "magic"))
                .isEqualTo(2);
        assertThat(console.stderr()).contains("icq-tabular");
    }

    @Test
    void exactOnTheGapSampleReportsAPositiveInterfaceGap() throws Exception {
        assertThat(HandoffCli.run("exact", samples().resolve("synthetic-gap.workflow.json").toString())).isZero();
        JsonNode r = lastLineJson();
        assertThat(r.get("interfaceGapQ").asDouble()).isPositive();
        assertThat(r.get("interfaceGapQSup").asDouble()).isLessThanOrEqualTo(r.get("aisBound").asDouble());
        assertThat(r.get("policyLoss").asDouble()).isPositive();
        assertThat(r.get("tMix").asLong()).isPositive();
        assertThat(r.get("stateCount").asInt()).isEqualTo(360);
    }

    @Test
    void aRunResumesExportsAndEvaluatesFromTheCommandLine(@TempDir Path dir) throws Exception {
        String gap = samples().resolve("synthetic-gap.workflow.json").toString();
        Path run = dir.resolve("run");
        assertThat(HandoffCli.run("train", gap, "--seed", "4", "--handoffs", "200000", "--out", run.toString())).isZero();
        assertThat(HandoffCli.run("train", "--resume", run.toString(), "--handoffs", "400000")).isZero();
        JsonNode resumed = lastLineJson();
        assertThat(resumed.get("handoffs").asLong()).isEqualTo(400_000);

        Path straight = dir.resolve("straight");
        assertThat(HandoffCli.run("train", gap, "--seed", "4", "--handoffs", "400000", "--out", straight.toString())).isZero();
        assertThat(Files.readAllBytes(run.resolve("checkpoints/icq-tabular-seed4.ckpt")))
                .isEqualTo(Files.readAllBytes(straight.resolve("checkpoints/icq-tabular-seed4.ckpt")));

        Path bundle = dir.resolve("bundle");
        assertThat(HandoffCli.run("export", run.toString(), "--out", bundle.toString(), "--format", "csv")).isZero();
        assertThat(bundle.resolve("bundle.json")).exists();
        assertThat(bundle.resolve("agents/a0.csv")).exists();
        assertThat(HandoffCli.run("evaluate", bundle.toString(), gap, "--episodes", "2000")).isZero();
        JsonNode eval = lastLineJson();
        assertThat(eval.get("exactReturn").asDouble()).isEqualTo(resumed.get("returnsBySeed").get(0).asDouble());

        String eight = samples().resolve("routing-6x6.workflow.json").toString();
        assertThat(HandoffCli.run("evaluate", bundle.toString(), eight)).isEqualTo(2);
        assertThat(console.stderr()).contains("does not fit");
    }
}
