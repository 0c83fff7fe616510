package dev.handoff.env.cpu;

import dev.handoff.cpu.HackersDelightTask;
import dev.handoff.cpu.HackersDelightTasks;
import dev.handoff.env.StepOutcome;
import dev.handoff.env.llm.ChatCompletionsClient;
import dev.handoff.env.llm.LiveEndpoint;
import dev.handoff.util.Rng;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The live coder against a real HTTP server on 127.0.0.1, and its replay file. */
class LiveCoderTest {
    private static final String HD01 = "```asm\n    addi t0, a0, -1\n    and a0, a0, t0\n```";
    private static final List<HackersDelightTask> TASKS =
        HackersDelightTasks.load(CpuExperimentTest.root().resolve("sample-workflows/data/cpu-programming"));

    @TempDir
    Path dir;

    private static HackersDelightTask task(String id) {
        return TASKS.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private LlmCoder coder(CpuStubChatServer stub, double timeoutSeconds, double capDollars) {
        LiveEndpoint e = new LiveEndpoint(stub.baseUrl(), "stub-model", null, null, timeoutSeconds, 2, 0.05, capDollars);
        return new LlmCoder(new ChatCompletionsClient(e, k -> null), dir.resolve("replay.jsonl"), 1.0, 2.0);
    }

    /** hd01 with a special case on one held-out input: passes all 48 public vectors, fails that held-out one. */
    private static String hd01FailingHeldOut() {
        HackersDelightTask t = task("hd01");
        Set<Integer> publicInputs = new java.util.HashSet<>();
        for (int r = 0; r < t.publicVectors().size(); r++) {
            publicInputs.add(t.publicVectors().a0(r));
        }
        int held = -1;
        for (int r = 0; r < t.heldOutVectors().size() && held == -1; r++) {
            if (!publicInputs.contains(t.heldOutVectors().a0(r))) {
                held = r;
            }
        }
        assertThat(held).isGreaterThanOrEqualTo(0);
        return "addi t0, a0, -1\nand t2, a0, t0\nli t1, " + t.heldOutVectors().a0(held)
            + "\nbne a0, t1, done\naddi t2, t2, 1\ndone:\nmv a0, t2\n";
    }

    @Test
    void correctReplyAssemblesAndPassesEveryPublicVector() throws Exception {
        try (CpuStubChatServer stub = new CpuStubChatServer().then(CpuStubChatServer.Reply.ok(HD01));
             LlmCoder c = coder(stub, 5, 1)) {
            LlmCoder.Attempt a = c.code(task("hd01"));
            assertThat(a.passesPublic()).isTrue();
            assertThat(a.program().length()).isEqualTo(2);
            assertThat(a.instructions()).isGreaterThan(0);
            assertThat(stub.requests()).hasSize(1);
            String prompt = stub.requests().get(0).path("messages").path(0).path("content").asText();
            assertThat(prompt).contains("(bvand x (bvsub x #x00000001))").contains("a0");
            assertThat(stub.requests().get(0).path("model").asText()).isEqualTo("stub-model");
            assertThat(c.code(task("hd01"))).isSameAs(a);
            assertThat(stub.requests()).as("one call per task").hasSize(1);
        }
    }

    @Test
    void programFailingHeldOutVectorsPassesPublicButIsNotRewarded() throws Exception {
        try (CpuStubChatServer stub = new CpuStubChatServer().then(CpuStubChatServer.Reply.ok(hd01FailingHeldOut()))) {
            Path replay = dir.resolve("replay.jsonl");
            CpuProgrammingKind kind = new CpuProgrammingKind();
            CpuProgrammingEnvironment env = (CpuProgrammingEnvironment) kind.create(liveWorkflow(stub.baseUrl(), replay));
            StepOutcome out = runPipeline(env, TESTER_PUBLIC_SUBMIT);
            assertThat(env.currentFeatures()[publicShareIndex(env)]).isEqualTo(1.0);
            assertThat(out.episodeEnded).isTrue();
            assertThat(out.terminalReward).isZero();
            assertThat(env.vectorsPassed()).isEqualTo(63);
        }
    }

    @Test
    void correctLiveProgramIsRewardedInTheEnvironmentAndReplaysOffline() throws Exception {
        Path replay = dir.resolve("replay.jsonl");
        double liveReturn;
        try (CpuStubChatServer stub = new CpuStubChatServer().then(CpuStubChatServer.Reply.ok(HD01))) {
            CpuProgrammingEnvironment env = (CpuProgrammingEnvironment) new CpuProgrammingKind()
                .create(liveWorkflow(stub.baseUrl(), replay));
            StepOutcome out = runPipeline(env, TESTER_FULL_SUBMIT);
            assertThat(out.terminalReward).isEqualTo(1.0);
            assertThat(env.currentProgram().length()).isEqualTo(2);
            liveReturn = out.episodeReturn;
        }
        String lines = Files.readString(replay);
        assertThat(lines.lines()).hasSize(1);
        assertThat(lines).contains("\"task\":\"hd01\"").contains("and a0, a0, t0").doesNotContain("Authorization");
        // offline: the replay file alone, no server running
        CpuProgrammingEnvironment offline = (CpuProgrammingEnvironment) new CpuProgrammingKind()
            .create(liveWorkflow(null, replay));
        StepOutcome out = runPipeline(offline, TESTER_FULL_SUBMIT);
        assertThat(out.terminalReward).isEqualTo(1.0);
        assertThat(out.episodeReturn).isEqualTo(liveReturn);
    }

    @Test
    void unassemblableReplyGivesNoProgramAndSaysWhy() throws Exception {
        try (CpuStubChatServer stub = new CpuStubChatServer()
                .then(CpuStubChatServer.Reply.ok("```asm\n    addi t0, a0\n    frobnicate a0, a0\n```"));
             LlmCoder c = coder(stub, 5, 1)) {
            LlmCoder.Attempt a = c.code(task("hd01"));
            assertThat(a.assembles()).isFalse();
            assertThat(a.problem()).startsWith("does not assemble: line");
            assertThat(a.reply()).contains("frobnicate");
            assertThat(Files.readString(dir.resolve("replay.jsonl"))).contains("frobnicate");
        }
    }

    @Test
    void slowReplyTimesOutThenTheRetrySucceeds() throws Exception {
        try (CpuStubChatServer stub = new CpuStubChatServer()
                .then(new CpuStubChatServer.Reply(200, HD01, 2_000))
                .then(CpuStubChatServer.Reply.ok(HD01));
             LlmCoder c = coder(stub, 0.5, 1)) {
            long t0 = System.nanoTime();
            LlmCoder.Attempt a = c.code(task("hd01"));
            assertThat(a.passesPublic()).isTrue();
            assertThat(stub.requests()).hasSize(2);
            assertThat((System.nanoTime() - t0) / 1e9).isGreaterThanOrEqualTo(0.5);
        }
    }

    @Test
    void http500ThenSuccessIsRetried() throws Exception {
        try (CpuStubChatServer stub = new CpuStubChatServer()
                .then(new CpuStubChatServer.Reply(500, "overloaded", 0))
                .then(CpuStubChatServer.Reply.ok(HD01));
             LlmCoder c = coder(stub, 5, 1)) {
            assertThat(c.code(task("hd01")).passesPublic()).isTrue();
            assertThat(stub.requests()).hasSize(2);
            assertThat(c.calls()).isEqualTo(1);
        }
    }

    @Test
    void spendCapStopsNewCallsAndRetriesGiveUpWithAProblem() throws Exception {
        // 400 prompt + 100 completion tokens at $1 and $2 per Mtok = $0.0006 per call; the cap is $0.0005
        try (CpuStubChatServer stub = new CpuStubChatServer().then(CpuStubChatServer.Reply.ok(HD01));
             LlmCoder c = coder(stub, 5, 0.0005)) {
            assertThat(c.code(task("hd01")).passesPublic()).isTrue();
            assertThat(c.spent()).isEqualTo(0.0006, org.assertj.core.data.Offset.offset(1e-12));
            LlmCoder.Attempt refused = c.code(task("hd02"));
            assertThat(refused.assembles()).isFalse();
            assertThat(refused.problem()).contains("spend cap");
            assertThat(stub.requests()).hasSize(1);
        }
        try (CpuStubChatServer stub = new CpuStubChatServer(); LlmCoder c = coder(stub, 5, 1)) {
            LlmCoder.Attempt failed = c.code(task("hd03"));  // script empty: 503 on every attempt
            assertThat(failed.problem()).contains("failed after 3 attempts");
            assertThat(stub.requests()).hasSize(3);
        }
    }

    @Test
    void apiKeyInTheWorkflowIsRefusedAndLiveOptionNeedsLiveSettings() throws Exception {
        Workflow w = liveWorkflow("http://127.0.0.1:9/v1", dir.resolve("r.jsonl"));
        Map<String, Object> live = new LinkedHashMap<>(castMap(w.environment().parameters().get("live")));
        live.put("apiKey", "sk-secret");
        List<Problem> problems = new CpuProgrammingKind().validate(w.withEnvironment(w.environment().with("live", live)));
        assertThat(problems).anyMatch(p -> p.message().contains("API key must not be written"));
        Map<String, Object> params = new LinkedHashMap<>(w.environment().parameters());
        params.remove("live");
        Workflow noLive = w.withEnvironment(new dev.handoff.workflow.EnvironmentSpec(CpuProgrammingKind.ID, params));
        assertThat(new CpuProgrammingKind().validate(noLive)).anyMatch(p -> p.path().equals("/environment/parameters/live"));
    }

    @Test
    void extractAssemblyTakesTheFencedBlock() {
        assertThat(LlmCoder.extractAssembly("Here:\n```riscv\nadd a0, a0, a1\n```\nDone.")).isEqualTo("add a0, a0, a1\n");
        assertThat(LlmCoder.extractAssembly("add a0, a0, a1")).isEqualTo("add a0, a0, a1");
    }

    // planner d0-L4 → coder (0); coder llm → tester (0); tester option * 3 + target (STOP = 0)
    private static final int TESTER_PUBLIC_SUBMIT = 0;
    private static final int TESTER_FULL_SUBMIT = 3;

    private static StepOutcome runPipeline(CpuProgrammingEnvironment env, int testerAction) {
        env.reset(new Rng(1));
        StepOutcome out = new StepOutcome();
        assertThat(env.nextDecision()).isZero();
        env.step(0, out);
        assertThat(env.nextDecision()).isEqualTo(1);
        env.step(0, out);
        assertThat(env.nextDecision()).isEqualTo(2);
        env.step(testerAction, out);
        return out;
    }

    private static int publicShareIndex(CpuProgrammingEnvironment env) {
        return 7; // publicPassShare in the sample's feature order
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Workflow liveWorkflow(String baseUrl, Path replay) throws Exception {
        Workflow w = WorkflowJson.read(CpuExperimentTest.root().resolve("sample-workflows/cpu-hackers-delight.workflow.json"));
        List<AgentSpec> agents = new ArrayList<>();
        for (AgentSpec a : w.agents()) {
            if (a.id().equals("coder")) {
                a = new AgentSpec(a.id(), a.name(), a.role(), List.of(new OptionSpec("llm", "Ask the LLM", null)),
                    a.privateState(), a.observation());
            }
            agents.add(a);
        }
        Map<String, Object> live = new LinkedHashMap<>();
        if (baseUrl != null) {
            live.put("baseUrl", baseUrl);
            live.put("model", "stub-model");
            live.put("timeoutSeconds", 5);
            live.put("maxRetries", 1);
            live.put("initialBackoffSeconds", 0.05);
        }
        live.put("replayFile", replay.toString());
        return w.withAgents(agents).withEnvironment(w.environment().with("live", live).with("tasks", List.of("hd01")));
    }
}
