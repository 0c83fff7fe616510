package dev.handoff.app.cli;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.WorkflowJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's hostile inputs to the CLI, each as it was reported (items 3, 5, 6, 7, 8): every one now exits 2 with one
 * plain {@code where: what} line naming the file and its JSON Pointer or line, or (item 5) trains with a visible note.
 */
class HostileInputCliTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;
    private Path ring;

    @BeforeEach
    void ring() throws Exception {
        ring = CliContractTest.samples().resolve("synthetic-ring10.workflow.json");
    }

    private List<String> errLines() {
        return console.stderr().lines().toList();
    }

    /** A trained run folder and its exported bundle. */
    private Path[] runAndBundle() {
        Path run = dir.resolve("run");
        Path bundle = dir.resolve("bundle");
        assertThat(HandoffCli.run("train", ring.toString(), "--seeds", "1", "--handoffs", "2000", "--out", run.toString())).isZero();
        assertThat(HandoffCli.run("export", run.toString(), "--out", bundle.toString())).isZero();
        return new Path[] {run, bundle};
    }

    /** Writes {@code damaged} over a bundle's file, then runs {@code evaluate} on the bundle: its exit code. */
    private int evaluateWith(Path bundle, Path file, String damaged) throws Exception {
        Files.writeString(file, damaged);
        console.clear();
        return HandoffCli.run("evaluate", bundle.toString(), ring.toString());
    }

    @Test
    void item3_newRefusesAgentsBeyondTheLimitAtOnceAndWritesNothing() {
        for (String n : List.of("10000000", "100000")) {
            Path out = dir.resolve(n + ".workflow.json");
            assertThat(HandoffCli.run("new", "synthetic", "--agents", n, "--out", out.toString())).isEqualTo(2);
            assertThat(out).doesNotExist();
        }
        assertThat(errLines()).containsExactly("--agents: 10000000 agents exceed max-agents = 50000",
                "--agents: 100000 agents exceed max-agents = 50000");
    }

    @Test
    void item5_aWorkflowTooLargeForTheExactAnalysisTrainsAndSaysWhyItHasNoComponents() throws Exception {
        // 1,300 agents: 46,800 joint states, over max-exact-states; the model itself fits, so returns stay exact
        Path big = dir.resolve("ring1300.workflow.json");
        WorkflowJson.write(SyntheticTemplates.ring("ring 1300", 1300, 1.0, 0.05), big);
        assertThat(HandoffCli.run("train", big.toString(), "--seeds", "1", "--handoffs", "4000")).isZero();
        assertThat(errLines()).first().isEqualTo("note: the exact analysis cannot take 46800 joint states (max-exact-states"
                + " = 46340, and a dense 46800×46800 matrix of 36.9 GB): the error components are not measured");
        assertThat(errLines()).last().isEqualTo("finished");
        assertThat(console.stdout()).contains("\"returnEvaluation\":\"exact\"").doesNotContain("\"components\"");
    }

    @Test
    void item6_aQValueGivenAsTheStringNaNIsRefusedWithItsPlace() throws Exception {
        Path bundle = runAndBundle()[1];
        Path agent = bundle.resolve("agents/a0.json");
        String json = Files.readString(agent);
        assertThat(evaluateWith(bundle, agent, json.replaceFirst("\"q\" : \\[ [-0-9.Ee]+", "\"q\" : [ \"NaN\""))).isEqualTo(2);
        assertThat(errLines()).containsExactly(agent + "#/views/0/q/0: expected a number, found the string \"NaN\"");
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void item7_malformedGraphmlExitsTwoWithLineAndColumn() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.graphml"), "<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n");
        assertThat(HandoffCli.run("import", bad.toString(), "--out", dir.resolve("w.json").toString())).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().startsWith(bad + ":4:")
                .contains("not well-formed GraphML: The element type \"node\" must be terminated by the matching end-tag");
    }

    @Test
    void item8_garbageInARunFolderOrBundleIsOnePlainLineNeverJacksonsText() throws Exception {
        Path[] made = runAndBundle();
        Path run = made[0];
        Path bundle = made[1];
        Files.writeString(run.resolve("workflow.json"), "garbage{");
        console.clear();
        assertThat(HandoffCli.run("export", run.toString(), "--out", dir.resolve("b2").toString())).isEqualTo(2);
        assertThat(errLines()).containsExactly(run.resolve("workflow.json") + ": not valid JSON at line 1, column 1: "
                + "Unrecognized token 'garbage': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");

        Files.writeString(run.resolve("manifest.json"), "garbage{");
        console.clear();
        assertThat(HandoffCli.run("train", "--resume", run.toString())).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().startsWith(run.resolve("manifest.json") + ":1:");

        Path agent = bundle.resolve("agents/a1.json");
        String json = Files.readString(agent);
        assertThat(evaluateWith(bundle, agent, json.replace("\"viewCount\" : 12", "\"viewCount\" : \"x\""))).isEqualTo(2);
        assertThat(errLines()).containsExactly(agent + "#/viewCount: expected a whole number, found the string \"x\"");

        assertThat(evaluateWith(bundle, agent, json.substring(0, json.length() / 2))).isEqualTo(2); // truncated mid-file
        assertThat(errLines()).singleElement().asString().startsWith(agent + ":")
                .contains(": not valid JSON: the text ends early, inside an ").endsWith(" (is the file truncated?)");
        assertThat(console.stderr()).doesNotContain("Source").doesNotContain("REDACTED").doesNotContain("reference chain")
                .doesNotContain("dev.handoff.");
    }
}
