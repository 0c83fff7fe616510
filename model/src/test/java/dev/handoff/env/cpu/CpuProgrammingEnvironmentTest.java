package dev.handoff.env.cpu;

import dev.handoff.cpu.DecodedProgram;
import dev.handoff.cpu.HackersDelightTask;
import dev.handoff.cpu.HackersDelightTasks;
import dev.handoff.cpu.Machine;
import dev.handoff.cpu.Program;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.util.Rng;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.WorkflowValidator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CpuProgrammingEnvironmentTest {
    // Action indices in the sample: a = option * |successors| + target.
    private static final int PLANNER_D0_L4 = 0;          // planner: 4 options x [coder]
    private static final int PLANNER_D5_L3 = 3;
    private static final int CODER_SMALL_TO_TESTER = 2;   // coder: 4 options x [tester, optimizer]
    private static final int CODER_SMALL_TO_OPTIMIZER = 3;
    private static final int TESTER_FULL_SUBMIT = 3;      // tester: 2 options x [STOP, coder, planner]
    private static final int TESTER_PUBLIC_SUBMIT = 0;
    private static final int OPTIMIZER_TO_TESTER = 0;     // optimizer: 1 option x [tester]

    private final CpuProgrammingKind kind = new CpuProgrammingKind();

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("sample-workflows"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    private static Workflow sampleWithTasks(String... ids) {
        Workflow w = CpuProgrammingKind.sampleWorkflow();
        return w.withEnvironment(w.environment().with("tasks", List.of(ids))
            .with("dataDir", root().resolve("sample-workflows/data/cpu-programming").toString()));
    }

    @Test
    void theSampleWorkflowFileIsTheKindsSampleAndIsValid() throws Exception {
        Path file = root().resolve("sample-workflows/cpu-hackers-delight.workflow.json");
        Workflow w = WorkflowJson.read(file);
        assertThat(w.agents()).extracting(AgentSpec::role).containsExactly("planner", "coder", "tester", "optimizer");
        assertThat(new WorkflowValidator(List.of(kind)).validate(w)).isEmpty();
        assertThat(WorkflowJson.write(w)).isEqualTo(WorkflowJson.write(CpuProgrammingKind.sampleWorkflow()));
    }

    @Test
    void withoutATaskListEpisodesDrawFromAllNineteenTasks() {
        HandoffEnvironment env = kind.create(CpuProgrammingKind.sampleWorkflow());
        env.reset(new Rng(2));
        StepOutcome out = new StepOutcome();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int episode = 0; episode < 150; episode++) {
            env.nextDecision();
            seen.add(((CpuProgrammingEnvironment) env).currentTaskId());
            env.step(PLANNER_D0_L4, out);
            env.nextDecision();
            env.step(0, out);                    // coder: tiny -> tester
            env.nextDecision();
            env.step(TESTER_FULL_SUBMIT, out);
            assertThat(out.episodeEnded).isTrue();
        }
        assertThat(seen).hasSize(19);
    }

    @Test
    void validationNamesUnknownRolesOptionsFeaturesAndTasks() {
        Workflow w = sampleWithTasks("hd01", "hd99");
        List<AgentSpec> agents = new ArrayList<>(w.agents());
        agents.set(0, agents.get(0).withOptions(List.of(new OptionSpec("d2-L4", null, null))));
        agents.set(3, agents.get(3).withRole("poet"));
        List<FeatureSpec> features = new ArrayList<>(w.artifact().features());
        features.add(FeatureSpec.integer("mood", 0, 3, null));
        Workflow bad = w.withAgents(agents).withArtifact(new dev.handoff.workflow.ArtifactSchema(features));
        List<String> paths = kind.validate(bad).stream().map(Problem::path).toList();
        assertThat(paths).contains("/agents/0/options/0/id", "/agents/3/role",
            "/artifact/features/" + (features.size() - 1) + "/name", "/environment/parameters/tasks/1");
    }

    @Test
    void plannerCoderTesterPipelineSolvesHd01ToHd05AndIsRewarded() {
        HandoffEnvironment env = kind.create(sampleWithTasks("hd01", "hd02", "hd03", "hd04", "hd05"));
        env.reset(new Rng(11));
        StepOutcome out = new StepOutcome();
        List<HackersDelightTask> tasks = HackersDelightTasks.load(root().resolve("sample-workflows/data/cpu-programming"));
        for (int episode = 0; episode < 10; episode++) {
            double costs = 0;
            int[] plan = {PLANNER_D0_L4, CODER_SMALL_TO_OPTIMIZER, OPTIMIZER_TO_TESTER, TESTER_FULL_SUBMIT};
            for (int k = 0; k < plan.length; k++) {
                int agent = env.nextDecision();
                assertThat(agent).isEqualTo(new int[] {0, 1, 3, 2}[k]);
                assertThat(env.viewKey()).isBetween(0, env.viewCount(agent) - 1);
                env.step(plan[k], out);
                assertThat(out.reward).isNegative();
                assertThat(out.tau).isPositive();
                costs += out.reward;
                assertThat(out.episodeEnded).isEqualTo(k == plan.length - 1);
            }
            CpuProgrammingEnvironment cpu = (CpuProgrammingEnvironment) env;
            assertThat(out.stopped()).isTrue();
            assertThat(out.terminalReward).isEqualTo(1.0);
            assertThat(out.episodeReturn).isGreaterThan(0.9).isLessThan(1.0);
            assertThat(costs).isGreaterThan(-0.1);
            Program p = cpu.currentProgram();
            HackersDelightTask task = HackersDelightTasks.byId(tasks, cpu.currentTaskId());
            assertThat(task.allVectors().allPass(DecodedProgram.decode(p), new Machine(), 1000)).isTrue();
        }
    }

    @Test
    void aProgramThatPassesThePublicVectorsButFailsHeldOutOnesIsNotRewarded() {
        // hd18 at grammar d5 with 6 instructions: the first program the public vectors accept fails a held-out one
        // (the synthesiser's full-set check rejects it; the coder here sees public vectors only).
        Workflow w = sampleWithTasks("hd18");
        List<AgentSpec> agents = new ArrayList<>(w.agents());
        agents.set(0, agents.get(0).withOptions(List.of(new OptionSpec("d5-L6", null, null))));
        HandoffEnvironment env = kind.create(w.withAgents(agents));
        env.reset(new Rng(3));
        StepOutcome out = new StepOutcome();
        env.nextDecision();
        env.step(0, out);                       // planner: d5-L6 -> coder
        env.nextDecision();
        env.step(CODER_SMALL_TO_TESTER, out);   // coder: small -> tester
        env.nextDecision();
        CpuProgrammingEnvironment cpu = (CpuProgrammingEnvironment) env;
        assertThat(cpu.currentProgram()).isNotNull();
        env.step(TESTER_PUBLIC_SUBMIT, out);     // tester: public vectors, submit
        assertThat(cpu.currentFeatures()[CpuFeature.PUBLIC_PASS_SHARE.ordinal()]).isEqualTo(1.0);
        assertThat(out.stopped()).isTrue();
        assertThat(out.terminalReward).isZero();
        assertThat(out.episodeReturn).isNegative();
        HackersDelightTask hd18 = HackersDelightTasks.byId(
            HackersDelightTasks.load(root().resolve("sample-workflows/data/cpu-programming")), "hd18");
        DecodedProgram p = DecodedProgram.decode(cpu.currentProgram());
        assertThat(hd18.publicVectors().allPass(p, new Machine(), 1000)).isTrue();
        assertThat(hd18.heldOutVectors().allPass(p, new Machine(), 1000)).isFalse();
    }

    @Test
    void theFullTestRevealsTheHeldOutFailureToTheTester() {
        Workflow w = sampleWithTasks("hd18");
        List<AgentSpec> agents = new ArrayList<>(w.agents());
        agents.set(0, agents.get(0).withOptions(List.of(new OptionSpec("d5-L6", null, null))));
        CpuProgrammingEnvironment env = (CpuProgrammingEnvironment) kind.create(w.withAgents(agents));
        env.reset(new Rng(3));
        StepOutcome out = new StepOutcome();
        env.nextDecision();
        env.step(0, out);
        env.nextDecision();
        env.step(CODER_SMALL_TO_TESTER, out);
        env.nextDecision();
        env.step(4, out);                       // tester: full, send back to the coder
        double[] f = env.currentFeatures();
        assertThat(f[CpuFeature.HELD_OUT_CHECKED.ordinal()]).isEqualTo(1.0);
        assertThat(f[CpuFeature.HELD_OUT_PASSED.ordinal()]).isZero();
        assertThat(out.receiver).isEqualTo(1);
    }

    @Test
    void theBestFixedPipelineSolvesEveryEasyTaskAndTheRankingPutsSolvedTasksFirst() {
        Workflow w = sampleWithTasks("hd01", "hd02", "hd07", "hd13");
        List<AgentSpec> agents = new ArrayList<>(w.agents());
        agents.set(1, agents.get(1).withOptions(List.of(new OptionSpec("tiny", null, null), new OptionSpec("small", null, null))));
        List<FixedPipelines.Score> scores = FixedPipelines.evaluateAll(kind, w.withAgents(agents));
        assertThat(scores).hasSize(4 * 4 * 6 * 1);
        FixedPipelines.Score best = scores.get(0);
        assertThat(best.solved()).isEqualTo(4);
        assertThat(best.describe()).contains("tester: ").contains("→ STOP");
        for (int k = 1; k < scores.size(); k++) {
            FixedPipelines.Score a = scores.get(k - 1);
            FixedPipelines.Score b = scores.get(k);
            assertThat(a.solved() > b.solved() || a.solved() == b.solved() && a.meanCost() <= b.meanCost()).isTrue();
        }
        // a pipeline in which the tester always sends the program back never submits before the cap: it is judged then
        assertThat(scores).anyMatch(s -> s.describe().contains("tester: public → coder") && s.solved() == 4);
        assertThat(scores.get(scores.size() - 1).solved()).isLessThan(4);
    }

    @Test
    void theOracleJointStateTellsTasksApartThatTheAgentsCannot() {
        // hd01 and hd02 look the same to every agent (arity 1, BitVec result): only the joint key differs.
        HandoffEnvironment env = kind.create(sampleWithTasks("hd01", "hd02"));
        env.reset(new Rng(5));
        java.util.Map<String, java.util.Set<Integer>> jointByTask = new java.util.HashMap<>();
        java.util.Map<String, java.util.Set<Integer>> viewByTask = new java.util.HashMap<>();
        StepOutcome out = new StepOutcome();
        for (int episode = 0; episode < 20; episode++) {
            env.nextDecision();
            String task = ((CpuProgrammingEnvironment) env).currentTaskId();
            int joint = env.jointStateAccess().jointStateKey();
            assertThat(joint).isBetween(0, env.jointStateAccess().jointStateCount() - 1);
            jointByTask.computeIfAbsent(task, t -> new java.util.HashSet<>()).add(joint);
            viewByTask.computeIfAbsent(task, t -> new java.util.HashSet<>()).add(env.viewKey());
            env.step(PLANNER_D0_L4, out);
            env.nextDecision();
            env.step(CODER_SMALL_TO_TESTER, out);
            env.nextDecision();
            env.step(TESTER_FULL_SUBMIT, out);
        }
        assertThat(jointByTask).containsOnlyKeys("hd01", "hd02");
        assertThat(viewByTask.get("hd01")).isEqualTo(viewByTask.get("hd02"));
        assertThat(jointByTask.get("hd01")).doesNotContainAnyElementsOf(jointByTask.get("hd02"));
    }

    @Test
    void theSameSeedGivesTheSameEpisodes() {
        Workflow w = sampleWithTasks("hd01", "hd07", "hd10", "hd13");
        assertThat(randomReturns(w, 5)).isEqualTo(randomReturns(w, 5)).isNotEqualTo(randomReturns(w, 6));
    }

    @Test
    void relativeDataDirectoriesAreFoundAboveTheWorkingDirectoryAndMissingOnesAreReported() {
        Workflow w = CpuProgrammingKind.sampleWorkflow();
        assertThat(kind.validate(w.withEnvironment(w.environment().with("dataDir", "sample-workflows/data/cpu-programming"))))
            .isEmpty();
        List<Problem> problems = kind.validate(w.withEnvironment(w.environment().with("dataDir", "no/such/dir")));
        assertThat(problems).extracting(Problem::path).containsExactly("/environment/parameters/dataDir");
        assertThat(problems.get(0).message()).contains("no/such/dir");
    }

    @Test
    void episodesAreCutAtMaxHandoffsAndJudged() {
        Workflow w = sampleWithTasks("hd01");
        w = w.withEnvironment(w.environment().with("maxHandoffs", 3));
        HandoffEnvironment env = kind.create(w);
        env.reset(new Rng(1));
        StepOutcome out = new StepOutcome();
        // planner -> coder -> tester, then the tester sends it back: the third handoff ends the episode.
        int[] plan = {PLANNER_D0_L4, CODER_SMALL_TO_TESTER, 4};
        for (int a : plan) {
            env.nextDecision();
            env.step(a, out);
        }
        assertThat(out.episodeEnded).isTrue();
        assertThat(out.stopped()).isTrue();
        assertThat(out.terminalReward).isEqualTo(1.0);
    }

    @Test
    void stepsAllocateNothingOnceTheCodersSearchesAreCached() {
        com.sun.management.ThreadMXBean bean =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        HandoffEnvironment env = kind.create(sampleWithTasks("hd01", "hd03", "hd07"));
        Rng rng = new Rng(9);
        env.reset(rng);
        StepOutcome out = new StepOutcome();
        long episodes = 0;
        for (int k = 0; k < 30_000; k++) { // warm-up: fills the search cache and lets the JIT compile
            episodes += walk(env, rng, out);
        }
        long thread = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(thread);
        for (int k = 0; k < 30_000; k++) {
            episodes += walk(env, rng, out);
        }
        long allocated = bean.getThreadAllocatedBytes(thread) - before;
        assertThat(episodes).isPositive();
        assertThat(allocated).as("bytes allocated by 30,000 handoffs").isLessThan(20_000);
    }

    /** One random handoff with the coder kept off the large budget; 1 when an episode ended. */
    private static int walk(HandoffEnvironment env, Rng rng, StepOutcome out) {
        int agent = env.nextDecision();
        int a = rng.nextInt(env.actionCount(agent));
        if (agent == 1 && a >= 6) {
            a -= 2;
        }
        env.viewKey();
        env.step(a, out);
        if (!out.stopped()) {
            env.receiverViewKey();
        }
        return out.episodeEnded ? 1 : 0;
    }

    private List<Double> randomReturns(Workflow w, long seed) {
        HandoffEnvironment env = kind.create(w);
        Rng rng = new Rng(seed);
        env.reset(rng);
        StepOutcome out = new StepOutcome();
        List<Double> returns = new ArrayList<>();
        while (returns.size() < 40) {
            int agent = env.nextDecision();
            int a = rng.nextInt(env.actionCount(agent));
            // keep the coder off the large budget so the test stays fast
            if (agent == 1 && a >= 6) {
                a -= 2;
            }
            env.step(a, out);
            if (out.episodeEnded) {
                returns.add(out.episodeReturn);
            }
        }
        return returns;
    }
}
