package dev.handoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.train.RunFolder;
import dev.handoff.train.SeedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code handoff sweep --keep-runs} as a user runs it: the cells' run folders are ordinary run folders, so
 * {@code handoff export} and {@code handoff train --resume} work on them, on the handoffs axis (a training session)
 * and on the load axis (the training phase before the measurement, restored as {@code --resume} does); an axis that
 * trains nothing is refused.
 */
class SweepKeepRunsCliTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static String sample(String name) {
        return CliContractTest.samples().resolve(name).toString();
    }

    @Test
    void aHandoffsCellsRunFolderExportsAndResumes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        int code = HandoffCli.run("sweep", sample("synthetic-ring10.workflow.json"), "--axis", "handoffs", "--values",
                "500,1000", "--seeds", "1..2", "--algo", "icq-tabular", "--keep-runs", "--out", out.toString());
        assertThat(code).as(console.stderr()).isZero();
        assertThat(console.stderr()).contains("run folders in " + out.resolve("runs"));
        Path run = out.resolve("runs/handoffs=1000/icq-tabular-seed2");
        assertThat(out.resolve("runs/handoffs=500").toFile().list()).containsExactlyInAnyOrder("icq-tabular-seed1",
                "icq-tabular-seed2");

        assertThat(HandoffCli.run("export", run.toString(), "--out", dir.resolve("bundle").toString()))
                .as(console.stderr()).isZero();
        assertThat(dir.resolve("bundle/bundle.json")).exists();
        assertThat(dir.resolve("bundle/agents").toFile().list()).hasSize(10);

        String before = Files.readString(run.resolve("metrics.csv"));
        assertThat(HandoffCli.run("train", "--resume", run.toString(), "--handoffs", "3000")).as(console.stderr()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("finished");
        assertThat(manifest.get("handoffs").asLong()).isEqualTo(3000);
        assertThat(Files.readString(run.resolve("metrics.csv"))).as("the resumed run appends to the cell's rows")
                .startsWith(before).hasLineCount((int) before.lines().count() + 1);
    }

    @Test
    void aLoadCellsRunFolderHoldsItsTrainingPhaseExportsAndRestores(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        int code = HandoffCli.run("sweep", sample("routing-6x6.workflow.json"), "--axis", "load", "--values", "1",
                "--seeds", "1", "--handoffs", "5000", "--algo", "icq-tabular,shortest-path", "-O", "measure=200",
                "-O", "warmup=50", "--keep-runs", "--out", out.toString());
        assertThat(code).as(console.stderr()).isZero();
        assertThat(out.resolve("runs/load=1").toFile().list()).as("the baseline trains nothing")
                .containsExactly("icq-tabular-seed1");
        Path run = out.resolve("runs/load=1/icq-tabular-seed1");
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("handoffs").asLong()).isEqualTo(5000);
        assertThat(summary.get("returnEvaluation").asText()).contains("not evaluated", "delivery time");
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).as("a header and one row per 1000-handoff window")
                .hasSize(1 + 5);

        assertThat(HandoffCli.run("export", run.toString(), "--out", dir.resolve("bundle").toString()))
                .as(console.stderr()).isZero();
        assertThat(dir.resolve("bundle/bundle.json")).exists();
        // what train --resume starts from (the CLI's resume itself is exercised on the handoffs cell: on routing its
        // final greedy return simulates 20,000 episodes, a minute of CI time)
        RunFolder folder = RunFolder.open(run);
        assertThat(folder.status()).isEqualTo("finished");
        try (SeedRun restored = folder.restore(1, 8000)) {
            assertThat(restored.handoffs()).as("the checkpoint is at the end of the training phase").isEqualTo(5000);
            assertThat(restored.runUntil(5500, null)).as("and trains on").isTrue();
        }
    }

    @Test
    void costWeightCellsKeepTheirLearnersRunFoldersButNotTheFixedPolicies(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        int code = HandoffCli.run("sweep", sample("llm-math-gpt3-ladder.workflow.json"), "--axis", "cost-weight",
                "--values", "300", "--seeds", "1", "--handoffs", "3000", "--algo", "icq-tabular", "--keep-runs",
                "--out", out.toString());
        assertThat(code).as(console.stderr()).isZero();
        assertThat(out.resolve("runs/cost-weight=300").toFile().list()).containsExactly("icq-tabular-seed1");
        RunFolder folder = RunFolder.open(out.resolve("runs/cost-weight=300/icq-tabular-seed1"));
        assertThat(folder.handoffs()).isEqualTo(3000);
        assertThat(Files.readString(folder.dir().resolve("workflow.json"))).as("the workflow at this value")
                .contains("\"costWeight\": 300.0");
    }

    @Test
    void keepRunsOnAnAxisThatTrainsNothingExitsTwo(@TempDir Path dir) {
        int code = HandoffCli.run("sweep", sample("synthetic-ring10.workflow.json"), "--axis", "gap", "--values", "0.1",
                "--seeds", "1", "--keep-runs", "--out", dir.resolve("s").toString());
        assertThat(code).isEqualTo(2);
        assertThat(console.stderr()).contains("--keep-runs: no cell of the gap sweep trains learners");
        assertThat(dir.resolve("s")).doesNotExist();
    }
}
