package dev.handoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cpu-report}: a CSV row per policy, a PNG, one program per task and a JSON last line. */
class CpuReportCommandTest {
    @TempDir
    Path out;

    private JsonNode report(String... extra) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        List<String> args = new java.util.ArrayList<>(List.of(
            CliContractTest.samples().resolve("cpu-hackers-delight.workflow.json").toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            code = new CommandLine(new CpuReportCommand()).execute(args.toArray(String[]::new));
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void writesTablePlotProgramsAndJsonSummary() throws Exception {
        JsonNode json = report("--seeds", "1..2", "--handoffs", "20000");
        assertThat(json.path("tasks").asInt()).isEqualTo(19);
        assertThat(json.path("fixedPipelines").asInt()).isEqualTo(192);
        assertThat(json.path("bestFixed").path("solved").asInt()).isEqualTo(17);
        assertThat(json.path("icqTabular").path("solvedPerSeed")).hasSize(2);

        List<String> csv = Files.readAllLines(out.resolve("cpu-report.csv"));
        assertThat(csv.get(0)).startsWith("policy,kind,seed,solved,tasks,accuracy,mean_cost,mean_return");
        assertThat(csv).hasSize(1 + 4 + 2 + 192);
        assertThat(csv).anyMatch(l -> l.startsWith("icq-tabular mean,")).anyMatch(l -> l.startsWith("oracle seed 2,"));

        byte[] png = Files.readAllBytes(out.resolve("cpu-report.png"));
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");

        String hd01 = Files.readString(out.resolve("programs/hd01.s"));
        assertThat(hd01).startsWith("# task: hd01").contains("# vectors passed: ").contains("# cost: ");
        assertThat(Files.list(out.resolve("programs")).filter(p -> p.toString().endsWith(".s")).count()).isEqualTo(19);
        assertThat(out.resolve("programs/best-fixed/hd05.s")).exists();
        assertThat(out.resolve("programs/oracle-seed2/hd05.s")).exists();
    }

    @Test
    void neuralIcqIsTrainedOnItsOwnBudgetAndReportedBesideTheOthers() throws Exception {
        JsonNode json = report("--seeds", "1..1", "--handoffs", "5000", "--neural-handoffs", "3000");
        assertThat(json.path("neuralHandoffs").asLong()).isEqualTo(3000);
        assertThat(json.path("icqNeural").path("solvedPerSeed")).hasSize(1);
        assertThat(json.path("icqNeural").path("meanCost").asDouble()).isPositive();
        List<String> csv = Files.readAllLines(out.resolve("cpu-report.csv"));
        assertThat(csv).hasSize(1 + 3 + 3 + 192);
        assertThat(csv).anyMatch(l -> l.startsWith("icq-neural seed 1,icq-neural,1,")).anyMatch(l -> l.startsWith("icq-neural mean,"));
        assertThat(Files.list(out.resolve("programs/icq-neural-seed1")).count()).isEqualTo(19);
    }
}
