package dev.handoff.workflow.edit;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.Layout;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small documents for the edit tests: a Solver → Verifier → STOP pair and the synthetic ring. */
final class TinyWorkflows {
    private TinyWorkflows() {
    }

    static Workflow solverVerifier() {
        AgentSpec solver = new AgentSpec("solver", "Solver", "solve", List.of(), null,
                new InterfaceSpec(List.of(ObservationTerm.select("progress")), true));
        AgentSpec verifier = new AgentSpec("verifier", "Verifier", "check", List.of(), null,
                new InterfaceSpec(List.of(), true));
        return new Workflow(1, "test", "pair", null,
                new ArtifactSchema(List.of(FeatureSpec.integer("progress", 0, 5, "visible progress"))),
                List.of(solver, verifier), List.of(new HandoffSpec("verifier", HandoffSpec.STOP)),
                new EnvironmentSpec("synthetic", Map.of()), new TrainingSettings("icq-tabular", 0.95, null, null, 1000, null, null),
                new Layout(Map.of("solver", new Layout.Point(0, 0), "verifier", new Layout.Point(300, 0))));
    }

    static Workflow ring(int n) {
        List<AgentSpec> agents = new ArrayList<>();
        List<HandoffSpec> handoffs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agents.add(new AgentSpec("a" + i, "Agent " + i, "worker", List.of(), null, null));
        }
        for (int i = 0; i < n; i++) {
            handoffs.add(new HandoffSpec("a" + i, "a" + ((i + 1) % n)));
            handoffs.add(new HandoffSpec("a" + i, "a" + ((i + 2) % n)));
            handoffs.add(new HandoffSpec("a" + i, i % 2 == 0 ? "a" + ((i + 3) % n) : HandoffSpec.STOP));
        }
        return new Workflow(1, "test", "ring", null, new ArtifactSchema(List.of()), agents, handoffs,
                new EnvironmentSpec("synthetic", Map.of()), null, null);
    }
}
