package dev.handoff.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inputs of issue 18.1 and 18.2 as a user gives them: wrong-typed environment parameters are refused by validate
 * and by train (exit 2, one {@code path: message} line), and {@code handoff new} writes nothing it would refuse.
 */
class RefusedInputTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"lambda\": 1.0 | \"lambda\": \"abc\"      | /environment/parameters/lambda: expected a number in [0, 1.998], found the string \"abc\"",
            "\"lambda\": 1.0 | \"lambda\": \"NaN\"      | /environment/parameters/lambda: expected a number in [0, 1.998], found the string \"NaN\"",
            "\"lambda\": 1.0 | \"lambda\": \"Infinity\" | /environment/parameters/lambda: expected a number in [0, 1.998], found the string \"Infinity\"",
            "\"lambda\": 1.0 | \"lambda\": \"0.5\"      | /environment/parameters/lambda: expected a number in [0, 1.998], found the string \"0.5\"",
            "\"eta\": 0.05   | \"eta\": \"NaN\"         | /environment/parameters/eta: expected a number in [0, 1], found the string \"NaN\""})
    void aWrongTypedParameterIsRefusedByValidateAndByTrain(String written, String replaced, String problem, @TempDir Path dir)
            throws Exception {
        String json = Files.readString(CliContractTest.samples().resolve("synthetic-gap.workflow.json"));
        assertThat(json).contains(written);
        Path file = dir.resolve("gap.workflow.json");
        Files.writeString(file, json.replace(written, replaced));
        for (String command : new String[] {"validate", "train"}) {
            int before = console.stderr().length();
            assertThat(HandoffCli.run(command, file.toString())).as(command).isEqualTo(2);
            assertThat(console.stderr().substring(before).lines().toList()).as(command).containsExactly(problem);
        }
        assertThat(console.stdout()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--lambda | NaN | /environment/parameters/lambda: expected a number in [0, 1.998], found NaN",
            "--lambda | -1  | /environment/parameters/lambda: expected a number in [0, 1.998], found -1.0",
            "--eta    | 2   | /environment/parameters/eta: expected a number in [0, 1], found 2.0",
            "--agents | 0   | --agents: the synthetic ring hands each even agent to the next three, so it needs at least 4 agents, is 0"})
    void newWritesNothingItWouldRefuse(String flag, String value, String problem, @TempDir Path dir) {
        Path out = dir.resolve("new.workflow.json");
        assertThat(HandoffCli.run("new", "synthetic", flag, value, "--out", out.toString())).isEqualTo(2);
        assertThat(console.stderr().lines().toList()).containsExactly(problem);
        assertThat(out).doesNotExist();
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void newWritesAValidWorkflowAndSaysWhatItWrote(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ring6.workflow.json");
        assertThat(HandoffCli.run("new", "synthetic", "--agents", "6", "--lambda", "0.5", "--out", out.toString())).isZero();
        assertThat(HandoffCli.run("validate", out.toString())).isZero();
        assertThat(console.stdout().lines().findFirst().orElseThrow()).contains("\"agents\":6", "\"kind\":\"synthetic\"");
        assertThat(Files.readString(out)).contains("\"lambda\": 0.5", "\"eta\": 0.05");
    }
}
