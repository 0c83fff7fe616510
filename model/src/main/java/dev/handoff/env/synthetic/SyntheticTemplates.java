package dev.handoff.env.synthetic;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.Layout;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.PrivateStateSpec;
import dev.handoff.workflow.StepSizeSpec;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds synthetic workflows as ICQ.md §5 defines them: n agents on a ring, even agents hand off to i+1..i+3,
 * odd agents to i+1, i+2 or STOP; every agent sees only the visible progress and its own busy flag.
 */
public final class SyntheticTemplates {
    /** The paper's ring: n = 10 agents (ICQ.md §5). */
    public static final int DEFAULT_AGENTS = 10;
    /** The smallest ring in which an even agent's three successors are three other agents (fewer: self-loops, repeats). */
    public static final int MIN_AGENTS = 4;

    private SyntheticTemplates() {
    }

    /**
     * The ring of {@code agents} agents with gap knob {@code lambda} and mixing knob {@code eta}, the other parameters at
     * their ICQ.md §5 defaults (0 agents: the artifact, parameters and training settings alone). Everything is written as
     * given: validate the result.
     */
    public static Workflow ring(String name, int agents, double lambda, double eta) {
        SyntheticParameters d = SyntheticParameters.DEFAULTS;
        ArtifactSchema schema = new ArtifactSchema(List.of(
                FeatureSpec.integer(SyntheticKind.PROGRESS, 0, d.progressLevels() - 1,
                        "visible progress of the task; " + (d.progressLevels() - 1) + " = done"),
                FeatureSpec.integer(SyntheticKind.DIFFICULTY, 0, d.difficultyLevels() - 1,
                        "hidden difficulty regime of the task stream (no agent sees it by default)")));
        List<AgentSpec> specs = new ArrayList<>();
        List<HandoffSpec> handoffs = new ArrayList<>();
        Map<String, Layout.Point> positions = new TreeMap<>();
        for (int i = 0; i < agents; i++) {
            String id = "a" + i;
            specs.add(new AgentSpec(id, "Agent " + i, i % 2 == 0 ? "worker" : "finisher",
                    List.of(new OptionSpec("quick", "Quick", "short option, lower success"),
                            new OptionSpec("thorough", "Thorough", "longer option, higher success")),
                    new PrivateStateSpec("busy", 2, "1 when the agent is busy (slower options)"),
                    new InterfaceSpec(List.of(ObservationTerm.select(SyntheticKind.PROGRESS)), true)));
            int fanOut = i % 2 == 0 ? 3 : 2;
            for (int k = 1; k <= fanOut; k++) {
                handoffs.add(new HandoffSpec(id, "a" + ((i + k) % agents)));
            }
            if (i % 2 == 1) {
                handoffs.add(new HandoffSpec(id, HandoffSpec.STOP));
            }
            double angle = 2 * Math.PI * i / agents - Math.PI / 2;
            positions.put(id, new Layout.Point(Math.round(420 + 300 * Math.cos(angle)), Math.round(360 + 300 * Math.sin(angle))));
        }
        positions.put(HandoffSpec.STOP, new Layout.Point(420, 360));
        Layout layout = new Layout(positions);
        Map<String, Object> parameters = new TreeMap<>();
        parameters.put(SyntheticParameters.LAMBDA, lambda);
        parameters.put(SyntheticParameters.ETA, eta);
        parameters.put("progressLevels", d.progressLevels());
        parameters.put("difficultyLevels", d.difficultyLevels());
        parameters.put("busyProbability", d.busyProbability());
        parameters.put("stepCost", d.stepCost());
        parameters.put("rGoal", d.rGoal());
        TrainingSettings training = new TrainingSettings("icq-tabular", 0.95, StepSizeSpec.harmonic(10, 100),
                new EpsilonSpec(1.0, 0.1, 2_000_000), 6_000_000, List.of(1L, 2L, 3L), 50_000);
        return new Workflow(Workflow.FORMAT_VERSION, null, name,
                "The synthetic IC-SMDP of the IC-Q paper: " + agents + " agents on a ring, gap knob λ = " + lambda + ", mixing knob η = " + eta + ".",
                schema, specs, handoffs, new EnvironmentSpec(SyntheticKind.ID, parameters), training, layout);
    }
}
