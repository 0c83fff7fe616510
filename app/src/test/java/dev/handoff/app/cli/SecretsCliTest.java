package dev.handoff.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.env.llm.StubChatServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 "Secrets and live endpoints": a live llm-math run through the real CLI (its own JVM), against a local
 * chat-completions stub, with a known API key in the environment. The key reaches the server, and no file the run
 * wrote (workflow, run folder, checkpoints, replay file, agent traces, exported bundle, log files), nor its output,
 * contains it.
 */
class SecretsCliTest {
    @TempDir
    Path dir;

    private static final String KEY_ENV = "HANDOFF_TEST_API_KEY";

    /** The Mixtral → GPT-4 sample with its gpt4 agent answered live by {@code baseUrl}, its key named, not written. */
    private Path liveWorkflow(String baseUrl, Path replay) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode w = (ObjectNode) json.readTree(CliContractTest.samples().resolve("llm-math-mixtral-gpt4.workflow.json").toFile());
        ObjectNode p = (ObjectNode) w.get("environment").get("parameters");
        p.put("dataDirectory", CliContractTest.samples().resolve("data/gsm8k").toString());
        p.put("replayFile", replay.toString());
        ((ObjectNode) p.get("costs").get("models")).putObject("stub-gpt").put("inputPerMTok", 0.0).put("outputPerMTok", 0.0)
                .put("promptTokens", 0.0).put("samples", 1.0);
        p.putObject("live").putObject("gpt4").put("baseUrl", baseUrl).put("model", "stub-model").put("modelId", "stub-gpt")
                .put("apiKeyEnv", KEY_ENV).put("timeoutSeconds", 10).put("maxRetries", 1).put("initialBackoffSeconds", 0.01)
                .put("spendCapDollars", 1);
        Path file = dir.resolve("live.workflow.json");
        Files.writeString(file, w.toPrettyString());
        return file;
    }

    private int handoff(String key, Path data, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dhandoff.data=" + data, "-cp", System.getProperty("java.class.path"), HandoffCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.txt").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("stderr.txt").toFile()));
        pb.environment().put(KEY_ENV, key);
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("handoff %s finished", String.join(" ", args)).isTrue();
        return p.exitValue();
    }

    @Test
    void theKeyReachesTheServerAndNoFileTheRunWroteHoldsIt() throws Exception {
        String key = "sk-canary-" + UUID.randomUUID();
        Path data = dir.resolve("user-data");
        try (StubChatServer stub = new StubChatServer(req -> StubChatServer.Reply.ok("Counting.\n#### "
                + req.get("messages").get(0).get("content").asText().length()))) {
            Path workflow = liveWorkflow(stub.baseUrl(), dir.resolve("answers.jsonl"));
            assertThat(handoff(key, data, "validate", workflow.toString())).isZero();
            assertThat(handoff(key, data, "train", workflow.toString(), "--seeds", "1", "--handoffs", "400", "--out",
                    dir.resolve("run").toString(), "--traces", dir.resolve("traces").toString()))
                    .as(Files.readString(dir.resolve("stderr.txt"))).isZero();
            assertThat(handoff(key, data, "export", dir.resolve("run").toString(), "--out", dir.resolve("bundle").toString(),
                    "--format", "csv")).isZero();
            assertThat(handoff(key, data, "train", "--resume", dir.resolve("run").toString(), "--handoffs", "600")).isZero();

            assertThat(stub.authorizations()).as("live calls made").isNotEmpty().allMatch(("Bearer " + key)::equals);
        }
        // a failing call too, whose error is logged: the key must not be in the log either
        try (StubChatServer refusing = new StubChatServer(req -> new StubChatServer.Reply(401,
                "{\"error\": \"bad key\"}", 0, null))) {
            Files.delete(dir.resolve("live.workflow.json"));
            Path workflow = liveWorkflow(refusing.baseUrl(), dir.resolve("answers-2.jsonl"));
            assertThat(handoff(key, data, "train", workflow.toString(), "--seeds", "1", "--handoffs", "400")).isNotZero();
        }

        List<Path> written;
        try (var walk = Files.walk(dir)) {
            written = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(written).as("files the runs wrote")
                .anyMatch(f -> f.endsWith("answers.jsonl")).anyMatch(f -> f.toString().contains("checkpoints"))
                .anyMatch(f -> f.endsWith("bundle.json")).anyMatch(f -> f.toString().contains("logs"))
                .anyMatch(f -> f.getParent().endsWith("traces") && f.toString().endsWith(".jsonl"));
        assertThat(Files.readAllLines(dir.resolve("answers.jsonl"))).as("live answers recorded").isNotEmpty();
        byte[] needle = key.getBytes(StandardCharsets.UTF_8);
        for (Path f : written) {
            assertThat(indexOf(Files.readAllBytes(f), needle)).as("the key in %s", dir.relativize(f)).isNegative();
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
