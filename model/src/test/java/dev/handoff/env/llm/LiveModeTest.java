package dev.handoff.env.llm;

import dev.handoff.env.StepOutcome;
import dev.handoff.util.Rng;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveModeTest {
    @TempDir
    Path dir;
    private StubChatServer stub;

    @BeforeEach
    void start() throws IOException {
        // The stub "solves" a question by answering its length: unique per question, checkable after a replay.
        stub = new StubChatServer(req -> {
            String prompt = req.get("messages").get(0).get("content").asText();
            return StubChatServer.Reply.ok("Counting characters.\n#### " + prompt.length());
        });
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private LiveEndpoint endpoint(double cap) {
        return new LiveEndpoint(stub.baseUrl(), "stub-model", "stub-gpt", null, 0.3, 2, 0.02, cap);
    }

    @Test
    void everyLiveAnswerIsInTheReplayFileEvenWhenCallsFail() throws IOException {
        RecordedAnswers book = Gsm8kData.freshCopy();
        Path file = dir.resolve("live.jsonl");
        Map<Integer, String> answered = new HashMap<>();
        List<Integer> failed = new ArrayList<>();
        try (ReplayLog log = ReplayLog.open(file)) {
            LiveAnswerer live = new LiveAnswerer(new ChatCompletionsClient(endpoint(100), System::getenv), book, log,
                    CostModel.defaults());
            for (int k = 0; k < 10; k++) {
                switch (k) {
                    case 2 -> stub.then(new StubChatServer.Reply(200, StubChatServer.completion("slow"), 1500, null));
                    case 4 -> stub.then(new StubChatServer.Reply(500, "{}", 0, null));
                    case 6 -> stub.then(new StubChatServer.Reply(200, "{\"choices\":[{\"message\":{}}]}", 0, null));
                    default -> {
                    }
                }
                try {
                    answered.put(k, live.answer(k).answer());
                } catch (LiveCallException e) {
                    failed.add(k);
                }
            }
            assertThat(live.calls()).isEqualTo(9);
        }
        assertThat(failed).containsExactly(6);
        assertThat(Files.readAllLines(file)).hasSize(9);

        RecordedAnswers replayed = Gsm8kData.freshCopy();
        assertThat(replayed.loadReplay(file)).isEqualTo(9);
        int m = replayed.modelIndex("stub-gpt");
        for (Map.Entry<Integer, String> e : answered.entrySet()) {
            assertThat(replayed.answer(m, e.getKey())).isEqualTo(e.getValue());
            String prompt = ChatCompletionsClient.gsm8kPrompt(replayed.question(e.getKey()));
            assertThat(replayed.finalNumber(m, e.getKey())).isEqualTo(prompt.length());
        }
        assertThat(replayed.hasAnswer(m, 6)).isFalse();
        assertThat(replayed.records(m)).hasSize(9);
    }

    @Test
    void spendCapStopsFurtherCalls() {
        RecordedAnswers book = Gsm8kData.freshCopy();
        Map<String, CostModel.ModelCost> prices = new HashMap<>(CostModel.defaults().models());
        prices.put("stub-gpt", new CostModel.ModelCost(10, 30, 1, 0));
        CostModel costs = new CostModel(4, prices);
        // each stub reply reports 100 + 50 tokens: $0.0025 at these prices; a cap of $0.004 allows two calls
        LiveAnswerer live = new LiveAnswerer(new ChatCompletionsClient(endpoint(0.004), System::getenv), book, null, costs);
        live.answer(0);
        live.answer(1);
        assertThat(live.spent()).isEqualTo(0.005);
        assertThatThrownBy(() -> live.answer(2)).isInstanceOf(LiveCallException.class).hasMessageContaining("spend cap");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aLiveRunReplaysIdenticallyFromItsReplayFile() throws IOException {
        Path file = dir.resolve("run.jsonl");
        Workflow base = LlmMathSamples.sampleMixtralGpt4();
        Map<String, Object> costs = Map.of("models", Map.of("stub-gpt", Map.of("inputPerMTok", 10, "outputPerMTok", 30)));
        Map<String, Object> liveGpt4 = Map.of("baseUrl", stub.baseUrl(), "model", "stub-model", "modelId", "stub-gpt",
                "timeoutSeconds", 5, "spendCapDollars", 10);
        Workflow live = base.withEnvironment(base.environment().with("costs", costs).with("replayFile", file.toString())
                .with("live", Map.of("gpt4", liveGpt4)));
        LlmMathKind kind = new LlmMathKind();
        assertThat(kind.validate(live)).isEmpty();
        double[] liveRewards = run(kind.createLlmMath(live));
        int calls = stub.requests().size();
        assertThat(calls).isPositive();
        assertThat(Files.exists(file)).isTrue();

        // offline: the same agent now bound to the recorded "stub-gpt" answers, no endpoint
        Map<String, Object> agents = new HashMap<>();
        agents.put("mixtral", Map.of("model", RecordedAnswers.MIXTRAL_8X7B_INSTRUCT));
        agents.put("comparator", Map.of("tool", LlmMathSettings.ANSWER_COMPARATOR));
        agents.put("gpt4", Map.of("model", "stub-gpt"));
        Workflow offline = base.withEnvironment(base.environment().with("costs", costs).with("replayFile", file.toString())
                .with("agents", agents));
        assertThat(kind.validate(offline)).isEmpty();
        double[] replayRewards = run(kind.createLlmMath(offline));
        assertThat(replayRewards).containsExactly(liveRewards);
        assertThat(stub.requests()).hasSize(calls);
    }

    /** 30 training episodes, always escalating to GPT-4; returns the episode returns. */
    private static double[] run(LlmMathEnvironment env) {
        env.reset(new Rng(11));
        StepOutcome out = new StepOutcome();
        double[] returns = new double[30];
        for (int e = 0; e < returns.length; e++) {
            do {
                int agent = env.nextDecision();
                int action = agent == 1 && env.features()[env.schema().indexOf("answered_gpt4")] == 1
                        ? env.action(1, 0, 1) : env.action(agent, 0, 0);
                env.step(action, out);
            } while (!out.episodeEnded);
            returns[e] = out.episodeReturn;
        }
        return returns;
    }
}
