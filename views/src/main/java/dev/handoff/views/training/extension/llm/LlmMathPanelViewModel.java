package dev.handoff.views.training.extension.llm;

import dev.handoff.env.llm.LlmMathBaselines;
import dev.handoff.env.llm.LlmMathEnvironment;
import dev.handoff.env.llm.LlmMathEvaluation;
import dev.handoff.env.llm.LlmMathKind;
import dev.handoff.env.llm.PolicyScore;
import dev.handoff.train.SeedRun;
import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.extension.MeasuredPanel;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The llm-math panel on a trained seed: its greedy policy answers every held-out question once
 * ({@link LlmMathEvaluation#heldOut}, as the cost-weight sweep scores learners), beside the kind's fixed policies
 * ({@link LlmMathBaselines#all}: each model alone, the best fixed cascade, the perfect router). Per policy: accuracy,
 * dollars per question and reward under the workflow's grading and λ; per agent: the held-out questions whose submitted
 * answer was that agent's, and how many of those were right (where the greedy policy routes the work).
 */
public final class LlmMathPanelViewModel implements MeasuredPanel {
    /** What one agent contributed to the greedy policy's held-out answers. */
    public record AgentShare(String agent, int submitted, int correct) {
    }

    private final String title;
    private final PolicyScore greedy;
    private final List<PolicyScore> baselines;
    private final List<AgentShare> shares;
    private final int unanswered;
    private final List<String> liveAgents;

    private LlmMathPanelViewModel(String title, PolicyScore greedy, List<PolicyScore> baselines, List<AgentShare> shares,
                                  int unanswered, List<String> liveAgents) {
        this.title = title;
        this.greedy = greedy;
        this.baselines = baselines;
        this.shares = shares;
        this.unanswered = unanswered;
        this.liveAgents = liveAgents;
    }

    public static LlmMathPanelViewModel measure(TrainedWorkflow trained, SeedRun seed) {
        // this extension serves the llm-math kind only
        return measure(trained.workflow(), (LlmMathKind) trained.kind(), seed);
    }

    /** The panel on {@code seed} (never changed: its greedy policy answers on an environment of its own). */
    public static LlmMathPanelViewModel measure(Workflow workflow, LlmMathKind kind, SeedRun seed) {
        String who = seed.algorithm().cliName() + " seed " + seed.seed();
        LlmMathEnvironment env = kind.createLlmMath(workflow);
        int[] submitted = new int[env.agentCount()];
        int[] correct = new int[env.agentCount()];
        int[] none = new int[1];
        PolicyScore greedy = LlmMathEvaluation.heldOut(env, who + " (greedy)", (agent, view) -> seed.greedyAction(env, agent), e -> {
            int a = e.lastSubmittedAgent();
            if (a < 0) {
                none[0]++;
            } else {
                submitted[a]++;
                correct[a] += e.lastCorrect() ? 1 : 0;
            }
        });
        List<AgentShare> shares = new ArrayList<>();
        for (int a = 0; a < env.agentCount(); a++) {
            shares.add(new AgentShare(env.agentId(a), submitted[a], correct[a]));
        }
        return new LlmMathPanelViewModel("Held-out answers of " + who, greedy, LlmMathBaselines.all(env), List.copyOf(shares),
                none[0], List.copyOf(env.settings().live().keySet()));
    }

    public PolicyScore greedy() {
        return greedy;
    }

    /** The kind's fixed policies, as {@link LlmMathBaselines#all} lists them. */
    public List<PolicyScore> baselines() {
        return baselines;
    }

    /** Per agent, in workflow order. */
    public List<AgentShare> shares() {
        return shares;
    }

    /** Held-out questions for which the greedy policy submitted no answer. */
    public int unanswered() {
        return unanswered;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String header() {
        StringBuilder by = new StringBuilder();
        for (AgentShare s : shares) {
            if (s.submitted() > 0) {
                by.append(by.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.0f%%", s.agent(),
                        100.0 * s.submitted() / greedy.questions()));
            }
        }
        return String.format(Locale.ROOT, "%s answers each of the %d held-out questions once (no exploration, no learning); "
                        + "grading: %s; cost weight λ = %s per dollar. Accuracy %.1f%% at $%.5f per question; submitted "
                        + "answers by agent: %s%s.", greedy.policy(), greedy.questions(), greedy.grading().id(),
                greedy.costWeight(), 100 * greedy.accuracy(), greedy.costPerQuestion(), by.length() == 0 ? "none" : by,
                unanswered == 0 ? "" : "; " + unanswered + " without an answer")
                + (liveAgents.isEmpty() ? "" : " Live endpoints (" + String.join(", ", liveAgents) + ") answered the "
                + "questions not yet in the replay file, within the workflow's spend cap.");
    }

    @Override
    public Table table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(greedy));
        baselines.forEach(b -> rows.add(row(b)));
        return new Table(List.of("policy", "accuracy", "$ per question", "reward (correct − λ·$)"), rows);
    }

    private static List<String> row(PolicyScore s) {
        return List.of(s.policy(), String.format(Locale.ROOT, "%.1f%%", 100 * s.accuracy()),
                String.format(Locale.ROOT, "%.5f", s.costPerQuestion()), String.format(Locale.ROOT, "%.4f", s.reward()));
    }

    @Override
    public Bars bars() {
        double[][] values = new double[2][shares.size()];
        for (int a = 0; a < shares.size(); a++) {
            values[0][a] = shares.get(a).submitted();
            values[1][a] = shares.get(a).correct();
        }
        return new Bars("Whose answer the greedy policy submitted", "held-out questions",
                shares.stream().map(AgentShare::agent).toList(), List.of("submitted", "correct"), values);
    }
}
