package dev.handoff.env.synthetic;

import dev.handoff.env.FiniteModelKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;

/** The environment kind {@code synthetic}: the exactly solvable IC-SMDP of ICQ.md §5. */
public final class SyntheticKind implements FiniteModelKind {
    public static final String ID = "synthetic";
    public static final String PROGRESS = "progress";
    public static final String DIFFICULTY = "difficulty";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Problem> validate(Workflow w) {
        List<Problem> problems = new ArrayList<>();
        SyntheticParameters prm = SyntheticParameters.read(w.environment(), problems);
        if (w.training() != null && !(w.training().gamma() < 1)) {
            problems.add(new Problem("/training/gamma", "the synthetic kind is a continuing discounted task: γ must be < 1"));
        }
        ArtifactSchema schema = w.artifact();
        if (schema == null) {
            problems.add(new Problem("/artifact", "the synthetic kind needs the features \"progress\" and \"difficulty\""));
        } else {
            requireFeature(problems, schema, PROGRESS, 0, prm.progressLevels() - 1);
            requireFeature(problems, schema, DIFFICULTY, 0, prm.difficultyLevels() - 1);
        }
        for (int i = 0; i < w.agents().size(); i++) {
            AgentSpec a = w.agents().get(i);
            if (a.options().size() != SyntheticParameters.OPTIONS) {
                problems.add(new Problem("/agents/" + i + "/options",
                        "a synthetic agent has exactly two options (quick, thorough); found " + a.options().size()));
            }
            if (a.privateState() == null || a.privateState().values() != 2) {
                problems.add(new Problem("/agents/" + i + "/privateState",
                        "a synthetic agent's private state is busy/idle: {\"name\": \"busy\", \"values\": 2}"));
            }
        }
        return problems;
    }

    private static void requireFeature(List<Problem> problems, ArtifactSchema schema, String name, int lo, int hi) {
        int idx = schema.indexOf(name);
        int expectedIdx = PROGRESS.equals(name) ? SyntheticEnvironment.PROGRESS : SyntheticEnvironment.DIFFICULTY;
        if (idx < 0) {
            problems.add(new Problem("/artifact/features", "the synthetic kind needs the feature \"" + name + "\""));
            return;
        }
        FeatureSpec f = schema.features().get(idx);
        String path = "/artifact/features/" + idx;
        if (idx != expectedIdx) {
            problems.add(new Problem(path, "\"" + name + "\" must be feature number " + expectedIdx + " in the synthetic kind"));
        }
        if (f.cardinality() != hi - lo + 1 || f.lo() != lo) {
            problems.add(new Problem(path, "\"" + name + "\" must be an int feature with range " + lo + ".." + hi));
        }
    }

    @Override
    public HandoffEnvironment create(Workflow w) {
        return new SyntheticEnvironment(SyntheticParameters.from(w.environment()), new SyntheticWorkflowGraph(w), w.training().gamma());
    }

    @Override
    public FiniteSmdp exactModel(Workflow w) {
        return SyntheticModel.build(SyntheticParameters.from(w.environment()), new SyntheticWorkflowGraph(w), w.training().gamma());
    }
}
