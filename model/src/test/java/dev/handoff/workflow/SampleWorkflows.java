package dev.handoff.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Workflows built in code for tests: a valid one that uses every field of the document format. */
public final class SampleWorkflows {
    private SampleWorkflows() {
    }

    /**
     * Three agents (writer, verifier, editor) over a five-feature artifact; every optional field set at least once,
     * doubles like 0.95, 0.1 and 1e-4, integral doubles in feature bounds, an empty list, layout points and a partial
     * neural block.
     */
    public static Workflow everyField() {
        ArtifactSchema schema = new ArtifactSchema(List.of(
                FeatureSpec.integer("progress", 0, 10, "How far the draft is"),
                FeatureSpec.real("quality", 0, 1, "Estimated quality"),
                new FeatureSpec("stage", FeatureType.CATEGORY, null, null, List.of("draft", "review", "done"), null),
                FeatureSpec.bool("flagged", "Raised by the verifier"),
                FeatureSpec.real("difficulty", 0.1, 0.95, "Hidden: no agent sees it")));
        AgentSpec writer = new AgentSpec("writer", "Writer", "drafts the answer",
                List.of(new OptionSpec("quick", "Quick draft", "cheap, noisy"), new OptionSpec("thorough", "Thorough", null)),
                new PrivateStateSpec("queue", 3, "jobs waiting"),
                new InterfaceSpec(List.of(ObservationTerm.select("progress"), ObservationTerm.binned("quality", 4)), null));
        AgentSpec verifier = new AgentSpec("verifier", "Verifier", null,
                List.of(new OptionSpec("check", null, null)),
                null,
                new InterfaceSpec(List.of(new ObservationTerm("quality", 0.1, 0.95, null, 5), ObservationTerm.select("stage"),
                        ObservationTerm.select("flagged")), false));
        AgentSpec editor = new AgentSpec("editor", "Editor", "polishes",
                List.of(new OptionSpec("light", "Light edit", null), new OptionSpec("deep", "Deep edit", null)),
                new PrivateStateSpec("busy", 2, null),
                new InterfaceSpec(List.of(new ObservationTerm("progress", 0.0, 9.0, 3, null),
                        new ObservationTerm("progress", null, null, null, 4)), true));
        List<HandoffSpec> handoffs = List.of(
                new HandoffSpec("writer", "verifier", "check"),
                new HandoffSpec("writer", "editor"),
                new HandoffSpec("verifier", "writer", "revise"),
                new HandoffSpec("verifier", HandoffSpec.STOP, "submit"),
                new HandoffSpec("editor", "verifier"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("steps", 10);
        params.put("noise", 0.3);
        params.put("learningRate", 1e-4);
        params.put("bigCount", 12345678901L);
        params.put("label", "demo");
        params.put("strict", true);
        params.put("costs", List.of(1, 2.5, 0.1));
        params.put("nested", Map.of("b", 2, "a", List.of()));
        EnvironmentSpec env = new EnvironmentSpec("synthetic", params);
        NeuralSpec neural = NeuralSpec.NONE.with("width", 16).with("learningRate", 1e-3).with("polyakTau", 0.01)
                .with("scalarMode", "requery");
        TrainingSettings training = new TrainingSettings("icq-tabular", 0.95, StepSizeSpec.harmonic(1.0, 10.0),
                new EpsilonSpec(0.3, 0.1, 5000), 20000, List.of(1L, 2L, 3L), 500, neural);
        Layout layout = Layout.EMPTY.with("writer", new Layout.Point(100.5, 40))
                .with("verifier", new Layout.Point(320, 40.25))
                .with("editor", new Layout.Point(100, 200))
                .with(HandoffSpec.STOP, new Layout.Point(540, 40));
        return new Workflow(Workflow.FORMAT_VERSION, null, "Every field", "A workflow that uses every field",
                schema, List.of(writer, verifier, editor), handoffs, env, training, layout);
    }

    /** A small valid workflow: one agent that can only stop, no optional fields. */
    public static Workflow minimal() {
        ArtifactSchema schema = new ArtifactSchema(List.of(FeatureSpec.integer("n", 0, 3, null)));
        AgentSpec solo = new AgentSpec("solo", null, null, List.of(new OptionSpec("go", null, null)), null,
                new InterfaceSpec(List.of(ObservationTerm.select("n")), null));
        return new Workflow(Workflow.FORMAT_VERSION, null, "Minimal", null, schema, List.of(solo),
                List.of(new HandoffSpec("solo", HandoffSpec.STOP)), new EnvironmentSpec("synthetic", Map.of()),
                new TrainingSettings("icq-tabular", 1.0, StepSizeSpec.constant(0.1), EpsilonSpec.constant(0.1), 1000, List.of(7L), null),
                Layout.EMPTY);
    }
}
