package dev.handoff.env.cpu;

import dev.handoff.cpu.DecodedProgram;
import dev.handoff.cpu.Difficulty;
import dev.handoff.cpu.Grammar;
import dev.handoff.cpu.HackersDelightTask;
import dev.handoff.cpu.Machine;
import dev.handoff.cpu.Program;
import dev.handoff.cpu.SearchBudget;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.JointStateAccess;
import dev.handoff.env.StepOutcome;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.util.Rng;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * The cpu-programming IC-SMDP: each episode one Hacker's Delight task is drawn and agents hand a program under
 * construction to each other (planner, coder, tester, optimizer, wired as the workflow draws them). An option's
 * reward is minus its cost (a per-handoff cost plus the candidates it tried and the instructions it executed); its
 * duration is {@code τ = 1 + ⌊log2(1 + instructions / 1000)⌋}, its work on a log scale. Handing to STOP submits the
 * program: the terminal reward is 1 when it passes every vector of the task, public and held out, else 0. After
 * {@code maxHandoffs} handoffs the program is submitted as it stands. The hot path allocates nothing once the
 * coder's searches are cached.
 *
 * <p>The centralised oracle's joint state is (holder, task, every agent's private state, the union of every agent's
 * observation terms): it sees all that any agent sees, plus which task it is, which no agent sees.
 */
public final class CpuProgrammingEnvironment implements HandoffEnvironment {
    private final CpuSettings settings;
    private final SynthesisCache cache;
    private final List<HackersDelightTask> tasks;
    private final int[] taskIndex;
    private final int[][] grammarSizes;
    private final Machine machine = new Machine();

    private final int n;
    private final CpuRole[] role;
    private final int[][] successor;
    private final int[] optionCount;
    private final Difficulty[][] optDifficulty;
    private final int[][] optLength;
    private final SearchBudget[][] optBudget;
    private final boolean[][] optFull;
    private final InterfaceMap[] maps;
    private final int[] privateValues;
    private final CpuFeature[] featureAt;
    private final double[] features;
    private final int startAgent;
    private final InterfaceMap jointMap;
    private final JointStateAccess joint;

    private Rng rng;
    private boolean needsEpisode = true;
    private int holder;
    private int receiver;

    // The artifact: a program under construction for one task.
    private int task;
    private int taskPosition;
    private boolean planned;
    private Difficulty difficulty;
    private int lengthBound;
    private SynthesisCache.Entry program;
    private boolean optimized;
    private double publicShare;
    private boolean heldOutChecked;
    private boolean heldOutPassed;
    private long candidatesSpent;
    private int coderRuns;
    private int handoffs;
    private final int[] actsBy;
    private double episodeReturn;
    private double discount;

    CpuProgrammingEnvironment(Workflow workflow, CpuSettings settings, SynthesisCache cache, List<InterfaceMap> maps) {
        this.settings = settings;
        this.cache = cache;
        this.tasks = cache.tasks();
        List<String> ids = settings.taskIds().isEmpty()
            ? tasks.stream().map(HackersDelightTask::id).toList() : settings.taskIds();
        this.taskIndex = new int[ids.size()];
        for (int k = 0; k < taskIndex.length; k++) {
            taskIndex[k] = indexOfTask(ids.get(k));
        }
        this.grammarSizes = new int[tasks.size()][Difficulty.values().length];
        for (int t = 0; t < tasks.size(); t++) {
            for (Difficulty d : Difficulty.values()) {
                grammarSizes[t][d.ordinal()] = Grammar.of(tasks.get(t), d).size();
            }
        }
        this.n = workflow.agents().size();
        this.role = new CpuRole[n];
        this.successor = new int[n][];
        this.optionCount = new int[n];
        this.optDifficulty = new Difficulty[n][];
        this.optLength = new int[n][];
        this.optBudget = new SearchBudget[n][];
        this.optFull = new boolean[n][];
        this.maps = maps.toArray(new InterfaceMap[0]);
        this.privateValues = new int[n];
        this.actsBy = new int[n];
        for (int i = 0; i < n; i++) {
            AgentSpec a = workflow.agents().get(i);
            role[i] = CpuRole.byId(a.role());
            privateValues[i] = a.privateStateCount();
            List<String> succ = workflow.successors(a.id());
            successor[i] = new int[succ.size()];
            for (int s = 0; s < succ.size(); s++) {
                successor[i][s] = HandoffSpec.STOP.equals(succ.get(s)) ? STOP : workflow.agentIndex(succ.get(s));
            }
            int k = a.options().size();
            optionCount[i] = k;
            optDifficulty[i] = new Difficulty[k];
            optLength[i] = new int[k];
            optBudget[i] = new SearchBudget[k];
            optFull[i] = new boolean[k];
            for (int o = 0; o < k; o++) {
                String id = a.options().get(o).id();
                switch (role[i]) {
                    case PLANNER -> {
                        optDifficulty[i][o] = CpuRole.planDifficulty(id);
                        optLength[i][o] = CpuRole.planLength(id);
                    }
                    case CODER -> optBudget[i][o] = CpuRole.budget(id);
                    case TESTER -> optFull[i][o] = id.equals("full");
                    default -> { }
                }
            }
        }
        ArtifactSchema schema = workflow.artifact();
        this.featureAt = new CpuFeature[schema.features().size()];
        for (int f = 0; f < featureAt.length; f++) {
            featureAt[f] = CpuFeature.byName(schema.features().get(f).name());
        }
        this.features = new double[featureAt.length];
        this.startAgent = settings.startAgent() == null ? 0 : workflow.agentIndex(settings.startAgent());
        List<ObservationTerm> union = new ArrayList<>();
        for (AgentSpec a : workflow.agents()) {
            if (a.observation() != null) {
                for (ObservationTerm term : a.observation().terms()) {
                    if (!union.contains(term)) {
                        union.add(term);
                    }
                }
            }
        }
        this.jointMap = InterfaceMap.compile(schema,
            new AgentSpec("oracle", null, null, List.of(), null, new InterfaceSpec(union, false)));
        this.joint = new JointStateAccess() {
            @Override
            public int jointStateCount() {
                int privateStates = 1;
                for (int v : privateValues) {
                    privateStates *= v;
                }
                return n * taskIndex.length * privateStates * jointMap.viewCount();
            }

            @Override
            public int jointStateKey() {
                return jointKey();
            }

            @Override
            public int receiverJointStateKey() {
                return jointKey();
            }
        };
    }

    /** Mixed radix: holder, task position, each agent's private state, then the union view (least significant). */
    private int jointKey() {
        int key = holder * taskIndex.length + taskPosition;
        for (int k = 0; k < n; k++) {
            key = key * privateValues[k] + privateState(k);
        }
        return key * jointMap.viewCount() + jointMap.key(features, 0);
    }

    @Override
    public JointStateAccess jointStateAccess() {
        return joint;
    }

    private int indexOfTask(String id) {
        for (int t = 0; t < tasks.size(); t++) {
            if (tasks.get(t).id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task " + id);
    }

    @Override
    public int agentCount() {
        return n;
    }

    @Override
    public int actionCount(int agent) {
        return optionCount[agent] * successor[agent].length;
    }

    @Override
    public int target(int agent, int action) {
        return successor[agent][action % successor[agent].length];
    }

    @Override
    public int viewCount(int agent) {
        return maps[agent].viewCount();
    }

    @Override
    public int encodingSize(int agent) {
        return maps[agent].encodingSize();
    }

    @Override
    public void reset(Rng rng) {
        this.rng = rng;
        this.needsEpisode = true;
    }

    @Override
    public int nextDecision() {
        if (needsEpisode) {
            startEpisode();
        }
        return holder;
    }

    private void startEpisode() {
        taskPosition = rng.nextInt(taskIndex.length);
        task = taskIndex[taskPosition];
        planned = false;
        difficulty = settings.defaultDifficulty();
        lengthBound = settings.defaultLength();
        program = null;
        optimized = false;
        publicShare = 0;
        heldOutChecked = false;
        heldOutPassed = false;
        candidatesSpent = 0;
        coderRuns = 0;
        handoffs = 0;
        java.util.Arrays.fill(actsBy, 0);
        episodeReturn = 0;
        discount = 1;
        holder = startAgent;
        needsEpisode = false;
        refreshFeatures();
    }

    @Override
    public int viewKey() {
        return maps[holder].key(features, privateState(holder));
    }

    @Override
    public void encodeView(float[] out) {
        maps[holder].encode(features, privateState(holder), out, 0);
    }

    @Override
    public int receiverViewKey() {
        return maps[receiver].key(features, privateState(receiver));
    }

    @Override
    public void encodeReceiverView(float[] out) {
        maps[receiver].encode(features, privateState(receiver), out, 0);
    }

    /** Agent {@code k}'s private state: how often it has acted on this artifact (capped by its declared values). */
    private int privateState(int k) {
        return Math.min(actsBy[k], privateValues[k] - 1);
    }

    @Override
    public void step(int action, StepOutcome out) {
        int i = holder;
        int o = action / successor[i].length;
        int j = successor[i][action % successor[i].length];
        long candidates = 0;
        long instructions = 0;
        HackersDelightTask t = tasks.get(task);
        switch (role[i]) {
            case PLANNER -> {
                planned = true;
                difficulty = optDifficulty[i][o];
                lengthBound = optLength[i][o];
            }
            case CODER -> {
                SynthesisCache.Entry e = cache.get(task, difficulty, lengthBound, optBudget[i][o]);
                candidates = e.result().candidatesTried();
                instructions = e.result().instructionsExecuted();
                candidatesSpent += candidates;
                coderRuns++;
                if (e.result().found()) {
                    program = e;
                    optimized = false;
                    publicShare = 1;
                    heldOutChecked = false;
                    heldOutPassed = false;
                }
            }
            case TESTER -> {
                if (program == null) {
                    publicShare = 0;
                } else {
                    long before = machine.stepsExecuted();
                    DecodedProgram p = current();
                    int pub = t.publicVectors().countPassing(p, machine, Machine.DEFAULT_STEP_LIMIT);
                    publicShare = pub / (double) t.publicVectors().size();
                    if (optFull[i][o]) {
                        int held = t.heldOutVectors().countPassing(p, machine, Machine.DEFAULT_STEP_LIMIT);
                        heldOutChecked = true;
                        heldOutPassed = pub == t.publicVectors().size() && held == t.heldOutVectors().size();
                    }
                    instructions = machine.stepsExecuted() - before;
                }
            }
            case OPTIMIZER -> {
                if (program != null && !optimized) {
                    long before = machine.stepsExecuted();
                    int pub = t.publicVectors().countPassing(program.optimized(), machine, Machine.DEFAULT_STEP_LIMIT);
                    instructions = machine.stepsExecuted() - before;
                    if (pub == t.publicVectors().size()) {
                        optimized = true;
                        publicShare = 1;
                    }
                }
            }
        }
        actsBy[i]++;
        handoffs++;
        double reward = -(settings.stepCost() + settings.candidateCost() * candidates
            + settings.instructionCost() * instructions);
        int tau = 1 + (int) (Math.log1p(instructions / 1000.0) / Math.log(2));
        episodeReturn += discount * reward;
        discount *= Math.pow(settings.gamma(), tau);
        out.agent = i;
        out.action = action;
        out.reward = reward;
        out.tau = tau;
        if (j == STOP || handoffs >= settings.maxHandoffs()) {
            double terminal = submissionPasses() ? 1.0 : 0.0;
            episodeReturn += discount * terminal;
            out.receiver = STOP;
            out.terminalReward = terminal;
            out.episodeEnded = true;
            out.episodeReturn = episodeReturn;
            needsEpisode = true;
            receiver = STOP;
        } else {
            out.receiver = j;
            out.terminalReward = 0;
            out.episodeEnded = false;
            out.episodeReturn = 0;
            receiver = j;
            holder = j;
        }
        refreshFeatures();
    }

    /** The judge: the current program passes every vector of the task, public and held out. */
    private boolean submissionPasses() {
        if (program == null) {
            return false;
        }
        HackersDelightTask t = tasks.get(task);
        DecodedProgram p = current();
        return t.publicVectors().allPass(p, machine, Machine.DEFAULT_STEP_LIMIT)
            && t.heldOutVectors().allPass(p, machine, Machine.DEFAULT_STEP_LIMIT);
    }

    private DecodedProgram current() {
        return optimized ? program.optimized() : program.raw();
    }

    private void refreshFeatures() {
        for (int f = 0; f < featureAt.length; f++) {
            features[f] = featureValue(featureAt[f]);
        }
    }

    private double featureValue(CpuFeature f) {
        HackersDelightTask t = tasks.get(task);
        return switch (f) {
            case ARITY -> t.arity();
            case RETURNS_BOOL -> t.returnsBool() ? 1 : 0;
            case GRAMMAR_SIZE -> grammarSizes[task][difficulty.ordinal()];
            case PLANNED -> planned ? 1 : 0;
            case LENGTH_BOUND -> planned ? lengthBound : 0;
            case PROGRAM_LENGTH -> program == null ? 0 : Math.min(32, current().length());
            case ASSEMBLES -> program == null ? 0 : 1;
            case PUBLIC_PASS_SHARE -> publicShare;
            case HELD_OUT_CHECKED -> heldOutChecked ? 1 : 0;
            case HELD_OUT_PASSED -> heldOutPassed ? 1 : 0;
            case BUDGET_SPENT -> Math.min(1.0, Math.log10(1 + candidatesSpent) / 6.0);
            case CODER_RUNS -> Math.min(3, coderRuns);
            case OPTIMIZED -> optimized ? 1 : 0;
            case HANDOFFS -> Math.min(12, handoffs);
        };
    }

    // ---- inspection (tests, UI: which task, which program) ----

    /** Id of the current episode's task. */
    public String currentTaskId() {
        return tasks.get(task).id();
    }

    /** The current program (null when there is none). */
    public Program currentProgram() {
        return program == null ? null : current().source();
    }

    /** The current artifact's feature vector in the workflow's schema order (a copy). */
    public double[] currentFeatures() {
        return features.clone();
    }
}
