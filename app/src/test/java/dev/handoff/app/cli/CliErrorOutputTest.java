package dev.handoff.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19.10: what {@code ./handoff} prints on errors is plain text a script or a log can take: no ANSI escape codes
 * when stderr is not a terminal, no line with an empty path, and every type error of a file, not only the first.
 */
class CliErrorOutputTest {
    private static final char ESC = 0x1b;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @AfterEach
    void forgetForcedAnsi() {
        System.clearProperty("picocli.ansi");
    }

    @Test
    void aMissingFileIsNamedAtTheStartOfItsLine(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.workflow.json");
        assertThat(HandoffCli.run("train", missing.toString())).isEqualTo(2);
        assertThat(console.stderr().lines().toList()).singleElement()
                .satisfies(l -> assertThat(l).isEqualTo(missing + ": file not found"));
    }

    @Test
    void malformedJsonAndADirectoryAreNamedByTheirPath(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.workflow.json");
        Files.writeString(broken, "{ \"formatVersion\": 1, \"agents\": [ ");
        Path folder = Files.createDirectory(dir.resolve("folder.workflow.json"));
        assertThat(HandoffCli.run("validate", broken.toString())).isEqualTo(2);
        assertThat(HandoffCli.run("exact", folder.toString())).isEqualTo(2);
        assertThat(console.stdout()).isEmpty(); // problems go to stderr for every command (issue 18.10)
        assertThat(console.stderr().lines().toList()).satisfiesExactly(
                l -> assertThat(l).startsWith(broken + ": not valid JSON at line 1"),
                l -> assertThat(l).startsWith(folder + ": cannot read the file: "));
        assertThat(console.stdout() + console.stderr()).doesNotContain("\n: ").doesNotStartWith(": ");
    }

    @Test
    void aFileWithTwoTypeErrorsReportsBoth(@TempDir Path dir) throws Exception {
        String json = Files.readString(CliContractTest.samples().resolve("synthetic-gap.workflow.json"))
                .replace("\"gamma\": 0.95", "\"gamma\": \"0.95\"")
                .replaceFirst("\"name\": \"Agent 0\"", "\"name\": 0");
        Path bad = dir.resolve("two-errors.workflow.json");
        Files.writeString(bad, json);
        assertThat(HandoffCli.run("train", bad.toString())).isEqualTo(2);
        assertThat(console.stderr().lines().toList()).containsExactlyInAnyOrder(
                "/agents/0/name: expected a string, found 0",
                "/training/gamma: expected a number, found the string \"0.95\"");
    }

    @Test
    void usageAfterABadOptionIsPlainTextEvenWhenATerminalRunsTheCommand() {
        System.setProperty("picocli.ansi", "true"); // what picocli decides when stdin and stdout are a terminal
        assertThat(HandoffCli.run("train", "--bogus")).isEqualTo(2);
        assertThat(console.stderr()).contains("Unknown option: '--bogus'").contains("Usage: handoff train");
        assertThat(console.stderr().indexOf(ESC)).as("ANSI escape in stderr").isEqualTo(-1);
    }

    /** The launch scripts build with Maven, whose console library ends with a colour reset even in batch mode. */
    @Test
    void theLaunchScriptsMavenBuildPrintsNoEscapeCodes() throws Exception {
        Path root = CliContractTest.samples().getParent();
        Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-o", "-N", "validate").directory(root.resolve("app").toFile())
                .redirectErrorStream(true).start();
        byte[] out = mvn.getInputStream().readAllBytes();
        assertThat(mvn.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(mvn.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        assertThat(new String(out, StandardCharsets.UTF_8).indexOf(ESC)).as("ANSI escape in Maven's output").isEqualTo(-1);
        assertThat(List.of(Files.readString(root.resolve("handoff")), Files.readString(root.resolve("workbench"))))
                .allSatisfy(script -> assertThat(script).contains("mvn -B -q"));
    }
}
