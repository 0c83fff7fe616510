package dev.handoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The neural settings come from the workflow's training.neural, each flag overriding one field (issue 14.3). */
class NeuralOptionsTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static Path gapWithNeuralBlock(Path dir) throws Exception {
        String json = Files.readString(CliContractTest.samples().resolve("synthetic-gap.workflow.json"))
                .replace("\"evaluationWindow\": 50000", "\"evaluationWindow\": 50000,\n    \"neural\": {\"width\": 8, \"depth\": 1}");
        Path file = dir.resolve("gap-neural.workflow.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void theRunTrainsWithTheWorkflowsBlockAndTheFlagsOverTheDefaults(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        int code = HandoffCli.run("train", gapWithNeuralBlock(dir).toString(), "--algo", "icq-neural", "--seed", "1",
                "--handoffs", "600", "--learning-rate", "0.01", "--polyak-tau", "0.05", "--out", run.toString());
        assertThat(code).as(console.stderr()).isZero();
        JsonNode s = new ObjectMapper().readTree(run.resolve("neural-settings.json").toFile());
        assertThat(s.get("width").asInt()).isEqualTo(8);
        assertThat(s.get("depth").asInt()).isEqualTo(1);
        assertThat(s.get("learningRate").asDouble()).isEqualTo(0.01);
        assertThat(s.get("target").get("polyakTau").asDouble()).isEqualTo(0.05);
        assertThat(s.get("batchSize").asInt()).isEqualTo(32);
    }

    @Test
    void aBadFlagIsRefusedByItsNameWithExitTwo(@TempDir Path dir) throws Exception {
        String gap = CliContractTest.samples().resolve("synthetic-gap.workflow.json").toString();
        assertThat(HandoffCli.run("train", gap, "--algo", "icq-neural", "--width", "0", "--scalar-mode", "fresh")).isEqualTo(2);
        assertThat(console.stderr().lines().toList()).containsExactly("--width: width must be at least 1, is 0",
                "--scalar-mode: unknown scalar mode \"fresh\" (known: stored, requery)");
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void aResumedRunKeepsItsNetworkSettings(@TempDir Path dir) {
        assertThat(HandoffCli.run("train", "--resume", dir.toString(), "--width", "32")).isEqualTo(2);
        assertThat(console.stderr()).contains("network settings");
    }

    @Test
    void flagsAreNamedAfterTheDocumentsFields() {
        assertThat(NeuralOptions.flag("learningRate")).isEqualTo("--learning-rate");
        assertThat(NeuralOptions.flag("width")).isEqualTo("--width");
        assertThat(NeuralOptions.flag("requeryMemory")).isEqualTo("--requery-memory");
        for (String field : dev.handoff.workflow.NeuralSpec.fieldNames()) {
            assertThat(new picocli.CommandLine(new TrainCommand()).getCommandSpec().findOption(NeuralOptions.flag(field)))
                    .as(field).isNotNull();
        }
    }
}
