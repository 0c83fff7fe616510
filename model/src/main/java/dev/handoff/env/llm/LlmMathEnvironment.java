package dev.handoff.env.llm;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.checkpoint.Checkpointable;
import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.JointStateAccess;
import dev.handoff.env.StepOutcome;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.util.Rng;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.FeatureType;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * The llm-math IC-SMDP: the artifact is one GSM8K question being worked on. LLM workers answer it (their recorded
 * answer in replay mode), cheap tools only decide; the holder's action is an option (answer / keep /
 * prefer-previous) and a handoff target, STOP submitting the current answer. Option reward = −λ·dollars of the
 * option; terminal reward = 1 if the submitted answer is correct under the run's {@link Grading}, else 0.
 * Training episodes draw questions uniformly from the training split; in held-out mode they walk the held-out
 * questions in order.
 *
 * <p>A checkpoint holds the episode in progress (question, answers so far, holder, spend), the split position and the
 * counters; the RNG is the caller's. In live mode the answers fetched so far live in the recorded-answer book, not in
 * the checkpoint.
 */
public final class LlmMathEnvironment implements HandoffEnvironment, Checkpointable {
    /** Option codes. */
    static final int ANSWER = 0;
    static final int KEEP = 1;
    static final int PREFER_PREVIOUS = 2;

    private static final int F_QUESTION_CHARS = 0;
    private static final int F_ANSWERED = 1;
    private static final int F_ANSWER_COUNT = 2;
    private static final int F_LATEST_HAS_FINAL = 3;
    private static final int F_PREVIOUS_HAS_FINAL = 4;
    private static final int F_LAST_TWO_AGREE = 5;
    private static final int F_LATEST_CHARS = 6;
    private static final int F_SPENT = 7;
    private static final int F_SUBMITTING_PREVIOUS = 8;

    private final LlmMathSettings settings;
    private final RecordedAnswers book;
    private final QuestionSplit split;
    private final String[] agentIds;
    private final int[] agentModel;
    private final String[] modelIdOfAgent;
    private final LiveAnswerer[] live;
    private final LlmMathSettings.Latency[] latency;
    private final int[][] optionOf;
    private final int[][] targets;
    private final InterfaceMap[] maps;
    private final int entry;
    private final ArtifactSchema schema;
    private final int[] featureKind;
    private final int[] featureArg;
    private final double[] features;
    private final InterfaceMap jointMap;

    // episode state
    private Rng rng;
    private boolean heldOut;
    private int cursor;
    private int question;
    private final int[] answers;
    private int answerCount;
    private int current;
    private double spent;
    private int handoffs;
    private int holder;
    private final boolean[] answered;
    private boolean ended = true;
    private int deciderBeforeStep;

    // last finished episode
    private int lastQuestion = -1;
    private boolean lastCorrect;
    private double lastCost;
    private int lastSubmittedAgent = -1;
    private long episodes;

    LlmMathEnvironment(Workflow workflow, LlmMathSettings settings, RecordedAnswers book, LiveAnswerer[] liveByAgent) {
        this.settings = settings;
        this.book = book;
        this.split = QuestionSplit.of(book.questionCount(), settings.testFraction(), settings.splitSeed());
        this.schema = workflow.artifact();
        int n = workflow.agents().size();
        agentIds = new String[n];
        agentModel = new int[n];
        modelIdOfAgent = new String[n];
        optionOf = new int[n][];
        targets = new int[n][];
        maps = new InterfaceMap[n];
        live = liveByAgent;
        latency = new LlmMathSettings.Latency[n];
        for (int i = 0; i < n; i++) {
            AgentSpec a = workflow.agents().get(i);
            agentIds[i] = a.id();
            LlmMathSettings.AgentBinding b = settings.agents().get(a.id());
            if (b != null && b.isLlm()) {
                modelIdOfAgent[i] = live != null && live[i] != null ? live[i].modelId() : b.model();
                agentModel[i] = book.addModel(modelIdOfAgent[i]);
                latency[i] = settings.latency().get(modelIdOfAgent[i]);
            } else {
                agentModel[i] = -1;
            }
            optionOf[i] = new int[a.options().size()];
            for (int o = 0; o < optionOf[i].length; o++) {
                optionOf[i][o] = LlmMathKind.optionCode(a.options().get(o).id());
            }
            List<String> succ = workflow.successors(a.id());
            targets[i] = new int[succ.size()];
            for (int j = 0; j < succ.size(); j++) {
                targets[i][j] = succ.get(j).equals(dev.handoff.workflow.HandoffSpec.STOP) ? STOP
                        : workflow.agentIndex(succ.get(j));
            }
            maps[i] = InterfaceMap.compile(schema, a);
        }
        entry = settings.entryAgent() == null ? 0 : workflow.agentIndex(settings.entryAgent());
        int fc = schema.features().size();
        featureKind = new int[fc];
        featureArg = new int[fc];
        features = new double[fc];
        for (int f = 0; f < fc; f++) {
            String name = schema.features().get(f).name();
            featureKind[f] = featureKind(name);
            if (featureKind[f] == F_ANSWERED) {
                featureArg[f] = workflow.agentIndex(name.substring(LlmMathFeatures.ANSWERED_PREFIX.length()));
            }
        }
        answers = new int[settings.maxHandoffs() + 1];
        answered = new boolean[n];
        jointMap = InterfaceMap.compile(schema, oracleSpec(schema, settings.oracleBins()));
    }

    /** The feature code of a feature name, or -1 when the kind cannot compute it. */
    static int featureKind(String name) {
        if (name == null) {
            return -1;
        }
        if (name.startsWith(LlmMathFeatures.ANSWERED_PREFIX)) {
            return F_ANSWERED;
        }
        return switch (name) {
            case LlmMathFeatures.QUESTION_CHARS -> F_QUESTION_CHARS;
            case LlmMathFeatures.ANSWER_COUNT -> F_ANSWER_COUNT;
            case LlmMathFeatures.LATEST_HAS_FINAL -> F_LATEST_HAS_FINAL;
            case LlmMathFeatures.PREVIOUS_HAS_FINAL -> F_PREVIOUS_HAS_FINAL;
            case LlmMathFeatures.LAST_TWO_AGREE -> F_LAST_TWO_AGREE;
            case LlmMathFeatures.LATEST_CHARS -> F_LATEST_CHARS;
            case LlmMathFeatures.SPENT -> F_SPENT;
            case LlmMathFeatures.SUBMITTING_PREVIOUS -> F_SUBMITTING_PREVIOUS;
            default -> -1;
        };
    }

    /** Whether a feature is a 0/1 flag (else a count or an amount). */
    static boolean isFlag(int kind) {
        return kind == F_ANSWERED || kind == F_LATEST_HAS_FINAL || kind == F_PREVIOUS_HAS_FINAL
                || kind == F_LAST_TWO_AGREE || kind == F_SUBMITTING_PREVIOUS;
    }

    static boolean isAnsweredFlag(int kind) {
        return kind == F_ANSWERED;
    }

    /** The centralised oracle's "agent": it sees every feature, real ones binned. */
    private static AgentSpec oracleSpec(ArtifactSchema schema, int bins) {
        List<ObservationTerm> terms = new ArrayList<>();
        for (FeatureSpec f : schema.features()) {
            terms.add(f.type() == FeatureType.REAL ? ObservationTerm.binned(f.name(), bins) : ObservationTerm.select(f.name()));
        }
        return new AgentSpec("oracle", "centralised oracle", null, List.of(), null, new InterfaceSpec(terms, false));
    }

    // ------------------------------------------------------------------ HandoffEnvironment

    @Override
    public int agentCount() {
        return agentIds.length;
    }

    @Override
    public int actionCount(int agent) {
        return optionOf[agent].length * targets[agent].length;
    }

    @Override
    public int target(int agent, int action) {
        return targets[agent][action % targets[agent].length];
    }

    /** The option code of an action (its option is {@code action / targetCount}). */
    int option(int agent, int action) {
        return optionOf[agent][action / targets[agent].length];
    }

    /** The action index of (option index in the agent's options, target index in its successors). */
    public int action(int agent, int optionIndex, int targetIndex) {
        return optionIndex * targets[agent].length + targetIndex;
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
        this.cursor = 0;
        startEpisode();
    }

    @Override
    public int nextDecision() {
        if (ended) {
            startEpisode();
        }
        deciderBeforeStep = holder;
        return holder;
    }

    @Override
    public int viewKey() {
        return maps[holder].key(features, 0);
    }

    @Override
    public void encodeView(float[] out) {
        maps[holder].encode(features, 0, out, 0);
    }

    @Override
    public void step(int action, StepOutcome out) {
        int agent = holder;
        int opt = option(agent, action);
        int to = target(agent, action);
        double cost;
        int tau;
        if (opt == ANSWER && agentModel[agent] >= 0) {
            int m = agentModel[agent];
            if (!book.hasAnswer(m, question)) {
                if (live == null || live[agent] == null) {
                    throw new IllegalStateException("model \"" + modelIdOfAgent[agent] + "\" has no recorded answer to question "
                            + question + " and agent \"" + agentIds[agent] + "\" has no live endpoint");
                }
                live[agent].answer(question);
            }
            int chars = book.answerChars(m, question);
            cost = settings.costs().cost(modelIdOfAgent[agent], book.questionChars(question), chars);
            tau = switch (settings.duration()) {
                case TOKENS -> (int) Math.min(Integer.MAX_VALUE, settings.costs().generatedTokens(modelIdOfAgent[agent], chars));
                case LATENCY -> latency[agent].millis(settings.costs().tokens(chars));
                case CALLS -> 1;
            };
            if (answerCount < answers.length) {
                answers[answerCount++] = agent;
            } else {
                System.arraycopy(answers, 1, answers, 0, answers.length - 1);
                answers[answers.length - 1] = agent;
            }
            current = answerCount - 1;
            answered[agent] = true;
        } else {
            cost = agentModel[agent] >= 0 ? 0 : settings.toolCost();
            tau = 1;
            if (opt == PREFER_PREVIOUS && answerCount >= 2) {
                current = answerCount - 2;
            }
        }
        spent += cost;
        handoffs++;
        out.agent = agent;
        out.action = action;
        out.reward = -settings.costWeight() * cost;
        out.tau = tau;
        out.episodeEnded = false;
        out.terminalReward = 0;
        out.episodeReturn = 0;
        if (to == STOP || handoffs >= settings.maxHandoffs()) {
            boolean correct = current >= 0 && book.correct(agentModel[answers[current]], question, settings.grading());
            out.receiver = STOP;
            out.terminalReward = correct ? 1 : 0;
            out.episodeEnded = true;
            out.episodeReturn = out.terminalReward - settings.costWeight() * spent;
            lastQuestion = question;
            lastCorrect = correct;
            lastCost = spent;
            lastSubmittedAgent = current >= 0 ? answers[current] : -1;
            episodes++;
            ended = true;
        } else {
            out.receiver = to;
            holder = to;
        }
        computeFeatures();
    }

    @Override
    public int receiverViewKey() {
        return maps[holder].key(features, 0);
    }

    @Override
    public void encodeReceiverView(float[] out) {
        maps[holder].encode(features, 0, out, 0);
    }

    @Override
    public JointStateAccess jointStateAccess() {
        return new JointStateAccess() {
            @Override
            public int jointStateCount() {
                return agentIds.length * jointMap.viewCount();
            }

            @Override
            public int jointStateKey() {
                return holder * jointMap.viewCount() + jointMap.key(features, 0);
            }

            @Override
            public int receiverJointStateKey() {
                return holder * jointMap.viewCount() + jointMap.key(features, 0);
            }
        };
    }

    // ------------------------------------------------------------------ episodes

    private void startEpisode() {
        if (rng == null) {
            throw new IllegalStateException("reset(rng) before the first decision");
        }
        if (heldOut) {
            question = split.test()[cursor];
            cursor = (cursor + 1) % split.test().length;
        } else {
            question = split.train()[rng.nextInt(split.train().length)];
        }
        answerCount = 0;
        current = -1;
        spent = 0;
        handoffs = 0;
        holder = entry;
        java.util.Arrays.fill(answered, false);
        ended = false;
        computeFeatures();
    }

    private void computeFeatures() {
        int latest = answerCount > 0 ? agentModel[answers[answerCount - 1]] : -1;
        int previous = answerCount > 1 ? agentModel[answers[answerCount - 2]] : -1;
        for (int f = 0; f < features.length; f++) {
            double v;
            switch (featureKind[f]) {
                case F_QUESTION_CHARS -> v = book.questionChars(question);
                case F_ANSWERED -> v = answered[featureArg[f]] ? 1 : 0;
                case F_ANSWER_COUNT -> v = answerCount;
                case F_LATEST_HAS_FINAL -> v = latest >= 0 && book.hasFinalAnswer(latest, question) ? 1 : 0;
                case F_PREVIOUS_HAS_FINAL -> v = previous >= 0 && book.hasFinalAnswer(previous, question) ? 1 : 0;
                case F_LAST_TWO_AGREE -> v = latest >= 0 && previous >= 0 && Gsm8kGrader.sameNumber(
                        book.finalNumber(latest, question), book.finalNumber(previous, question)) ? 1 : 0;
                case F_LATEST_CHARS -> v = latest >= 0 ? book.answerChars(latest, question) : 0;
                case F_SPENT -> v = spent;
                case F_SUBMITTING_PREVIOUS -> v = current >= 0 && current < answerCount - 1 ? 1 : 0;
                default -> throw new IllegalStateException("unknown feature kind " + featureKind[f]);
            }
            features[f] = v;
        }
    }

    // ------------------------------------------------------------------ checkpoints

    @Override
    public void saveState(StateWriter out) {
        out.putInt(heldOut ? 1 : 0).putInt(cursor).putInt(question).putInts(answers).putInt(answerCount).putInt(current)
                .putDouble(spent).putInt(handoffs).putInt(holder);
        int[] flags = new int[answered.length];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = answered[i] ? 1 : 0;
        }
        out.putInts(flags).putInt(ended ? 1 : 0).putInt(deciderBeforeStep);
        out.putInt(lastQuestion).putInt(lastCorrect ? 1 : 0).putDouble(lastCost).putInt(lastSubmittedAgent).putLong(episodes);
        out.putDoubles(features);
    }

    @Override
    public void restoreState(StateReader in) {
        heldOut = in.getInt() == 1;
        cursor = in.getInt();
        question = in.getInt();
        int[] a = in.getInts(answers.length);
        System.arraycopy(a, 0, answers, 0, a.length);
        answerCount = in.getInt();
        current = in.getInt();
        spent = in.getDouble();
        handoffs = in.getInt();
        holder = in.getInt();
        int[] flags = in.getInts(answered.length);
        for (int i = 0; i < flags.length; i++) {
            answered[i] = flags[i] == 1;
        }
        ended = in.getInt() == 1;
        deciderBeforeStep = in.getInt();
        lastQuestion = in.getInt();
        lastCorrect = in.getInt() == 1;
        lastCost = in.getDouble();
        lastSubmittedAgent = in.getInt();
        episodes = in.getLong();
        double[] f = in.getDoubles(features.length);
        System.arraycopy(f, 0, features, 0, f.length);
        if (question < 0 || question >= book.questionCount() || holder < 0 || holder >= agentIds.length
                || answerCount < 0 || answerCount > answers.length || current < -1 || current >= Math.max(answerCount, 1)
                || cursor < 0 || cursor >= Math.max(split.test().length, 1)) {
            throw new CheckpointException("the checkpoint's llm-math episode does not fit this workflow's questions and agents");
        }
    }

    // ------------------------------------------------------------------ evaluation support

    /** Held-out mode: episodes walk the held-out questions in order (from the first one at the next reset). */
    public void setHeldOut(boolean heldOut) {
        this.heldOut = heldOut;
        this.cursor = 0;
        this.ended = true;
    }

    public boolean heldOut() {
        return heldOut;
    }

    public QuestionSplit split() {
        return split;
    }

    public LlmMathSettings settings() {
        return settings;
    }

    public RecordedAnswers answers() {
        return book;
    }

    /** The agent deciding at the last {@link #nextDecision()}. */
    public int decidingAgent() {
        return deciderBeforeStep;
    }

    public String agentId(int agent) {
        return agentIds[agent];
    }

    /** The model an agent answers with (its index in {@link #answers()}), or -1 for a tool. */
    public int agentModel(int agent) {
        return agentModel[agent];
    }

    /** The artifact's current feature vector (read-only view for tests and inspectors). */
    public double[] features() {
        return features.clone();
    }

    public ArtifactSchema schema() {
        return schema;
    }

    public InterfaceMap interfaceMap(int agent) {
        return maps[agent];
    }

    public int currentQuestion() {
        return question;
    }

    public int lastQuestion() {
        return lastQuestion;
    }

    public boolean lastCorrect() {
        return lastCorrect;
    }

    /** Dollars spent on the last finished episode. */
    public double lastCost() {
        return lastCost;
    }

    /** The agent whose answer the last episode submitted (-1: none). */
    public int lastSubmittedAgent() {
        return lastSubmittedAgent;
    }

    public long episodes() {
        return episodes;
    }
}
