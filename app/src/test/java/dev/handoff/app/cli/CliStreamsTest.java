package dev.handoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One convention for every command (issue 18.10): problems and warnings on stderr, one {@code path: message} line each,
 * exit 2 and nothing on stdout; on success the result is one JSON object, the last line on stdout.
 */
class CliStreamsTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int stdoutMark;
    private int stderrMark;

    private static String sample(String name) {
        return CliContractTest.samples().resolve(name).toString();
    }

    /** Runs one command; returns its exit code, with only this command's output in {@link #out()} / {@link #err()}. */
    private int run(String... args) {
        stdoutMark = console.stdout().length();
        stderrMark = console.stderr().length();
        return HandoffCli.run(args);
    }

    private String out() {
        return console.stdout().substring(stdoutMark);
    }

    private String err() {
        return console.stderr().substring(stderrMark);
    }

    private void assertSucceededWithAJsonResult(String command) throws Exception {
        List<String> lines = out().lines().toList();
        assertThat(lines).as(command + " stdout").isNotEmpty();
        JsonNode result = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(result.isObject()).as(command + " result").isTrue();
        assertThat(out()).as(command + " stdout carries no problem lines").doesNotContain(": warning: ")
                .doesNotContainPattern("(?m)^/\\S*: ");
    }

    private void assertRefusedOnStderr(String command) {
        assertThat(out()).as(command + " stdout on invalid input").isEmpty();
        assertThat(err()).as(command + " stderr").isNotBlank();
    }

    @Test
    void everyCommandPutsProblemsOnStderrAndItsResultOnStdout(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.workflow.json");
        Files.writeString(bad, Files.readString(Path.of(sample("synthetic-gap.workflow.json")))
                .replace("\"lambda\": 1.0", "\"lambda\": \"abc\""));
        String ring = sample("synthetic-ring10.workflow.json");
        Path run = dir.resolve("run");
        Path bundle = dir.resolve("bundle");

        Map<String, String[][]> cases = new LinkedHashMap<>();
        cases.put("validate", new String[][] {{"validate", ring}, {"validate", bad.toString()}});
        cases.put("train", new String[][] {{"train", ring, "--seed", "1", "--handoffs", "20000", "--out", run.toString()},
                {"train", bad.toString()}});
        cases.put("export", new String[][] {{"export", run.toString(), "--out", bundle.toString()},
                {"export", dir.resolve("no-run").toString(), "--out", dir.resolve("b2").toString()}});
        cases.put("evaluate", new String[][] {{"evaluate", bundle.toString(), ring, "--episodes", "200"},
                {"evaluate", bundle.toString(), bad.toString()}});
        cases.put("exact", new String[][] {{"exact", sample("synthetic-gap.workflow.json")}, {"exact", bad.toString()}});
        cases.put("new", new String[][] {{"new", "synthetic", "--out", dir.resolve("new.workflow.json").toString()},
                {"new", "synthetic", "--lambda", "NaN", "--out", dir.resolve("nan.workflow.json").toString()}});
        cases.put("import", new String[][] {
                {"import", CliContractTest.samples().resolve("data/routing/topology-zoo/Abilene.graphml").toString(), "--out",
                        dir.resolve("abilene.workflow.json").toString()},
                {"import", dir.resolve("none.graphml").toString(), "--out", dir.resolve("x.workflow.json").toString()}});
        cases.put("sweep", new String[][] {{"sweep", ring, "--axis", "handoffs", "--values", "1000,2000", "--seeds", "1..1",
                "--out", dir.resolve("sweep").toString()}, {"sweep", bad.toString(), "--axis", "gap", "--values", "0,1",
                "--out", dir.resolve("sweep2").toString()}});
        cases.put("cpu-report", new String[][] {{"cpu-report", sample("cpu-hackers-delight.workflow.json"), "--seeds", "1..1",
                "--handoffs", "2000", "--out", dir.resolve("cpu").toString()}, {"cpu-report", bad.toString(), "--out",
                dir.resolve("cpu2").toString()}});

        TreeSet<String> commands = new TreeSet<>(new CommandLine(new HandoffCli()).getSubcommands().keySet());
        commands.remove("help");
        assertThat(cases.keySet()).as("a case for every command").containsExactlyInAnyOrderElementsOf(commands);

        for (Map.Entry<String, String[][]> c : cases.entrySet()) {
            assertThat(run(c.getValue()[0])).as(c.getKey() + ": " + err()).isZero();
            assertSucceededWithAJsonResult(c.getKey());
            assertThat(run(c.getValue()[1])).as(c.getKey() + " on invalid input").isEqualTo(2);
            assertRefusedOnStderr(c.getKey());
        }
        assertThat(dir.resolve("nan.workflow.json")).doesNotExist();
    }

    @Test
    void aWarningGoesToStderrAndTheCommandStillSucceeds(@TempDir Path dir) throws Exception {
        Path loop = dir.resolve("loop.workflow.json");
        Files.writeString(loop, Files.readString(Path.of(sample("synthetic-ring10.workflow.json")))
                .replace("\"from\": \"a2\",\n      \"to\": \"a3\"", "\"from\": \"a2\",\n      \"to\": \"a2\""));
        assertThat(run("validate", loop.toString())).as(err()).isZero();
        assertThat(err().lines().toList()).containsExactly("/handoffs/6: warning: agent \"a2\" hands the artifact to itself: no "
                + "scalar crosses an interface here, it learns from its own Q-values (a retry); remove the handoff if it is "
                + "not meant");
        JsonNode result = new ObjectMapper().readTree(out().strip());
        assertThat(result.get("valid").asBoolean()).isTrue();
        assertThat(result.get("warnings").asInt()).isEqualTo(1);
        assertThat(run("train", loop.toString(), "--seed", "1", "--handoffs", "20000")).isZero();
        assertThat(err()).contains("/handoffs/6: warning: agent \"a2\" hands the artifact to itself");
    }
}
