package dev.handoff.sweep;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.train.Algorithm;
import dev.handoff.train.GreedyReturn;
import dev.handoff.train.Checkpointing;
import dev.handoff.train.TrainingPlan;
import dev.handoff.train.TrainingSession;
import dev.handoff.workflow.Workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code handoffs} axis (the number of samples T), for any kind: train each algorithm for T handoffs and report
 * the return J of its greedy policy (exact where the kind has a finite model, simulated otherwise), and with a finite
 * model also the oracle gap J* − J.
 */
public final class HandoffsAxis implements SweepAxis {
    public static final String ID = "handoffs";
    public static final String EPISODES = "episodes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "handoffs T (training samples)";
    }

    @Override
    public boolean supports(Workflow workflow) {
        return workflow.training() != null;
    }

    @Override
    public String unsupportedReason(Workflow workflow) {
        return "axis \"handoffs\" needs a workflow with training settings";
    }

    @Override
    public String problemWith(double value) {
        return value >= 1 && value == Math.rint(value) && value < 1e15 ? null : "T must be a whole number of handoffs ≥ 1";
    }

    @Override
    public Workflow apply(Workflow workflow, double value) {
        return workflow.withTraining(workflow.training().withHandoffs((long) value));
    }

    @Override
    public Map<String, String> options() {
        return Map.of(EPISODES, "simulated episodes per greedy-return estimate where the kind has no exact model (default "
                + TrainingPlan.SIMULATED_EPISODES + ")");
    }

    @Override
    public SweepDesign design(Workflow base, SweepSettings settings) {
        for (String key : settings.options().keySet()) {
            if (!options().containsKey(key)) {
                throw new IllegalArgumentException("axis handoffs has no option \"" + key + "\" (known: " + options().keySet() + ")");
            }
        }
        long episodes = Math.round(settings.option(EPISODES, TrainingPlan.SIMULATED_EPISODES));
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be ≥ 1");
        }
        EnvironmentKind kind = WorkflowLoading.kindOf(base);
        List<String> names = settings.policies().isEmpty() ? List.of(base.training().algorithm()) : settings.policies();
        List<Algorithm> algorithms = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        for (String name : names) {
            Algorithm a = Algorithm.parse(name);
            if (a == Algorithm.ORACLE && kind.create(base).jointStateAccess() == null) {
                throw new IllegalArgumentException("the " + kind.id() + " kind exposes no joint state: no \"oracle\" learner");
            }
            algorithms.add(a);
            policies.add(a.cliName());
        }
        FiniteSmdp model = GreedyReturn.modelOf(base, kind);
        Double oracle = GreedyReturn.oracleReturn(model);
        List<SweepMetric> metrics = new ArrayList<>();
        metrics.add(new SweepMetric("greedyReturn", "return J of the greedy policy", oracle == null));
        if (oracle != null) {
            metrics.add(new SweepMetric("oracleGap", "oracle gap J* − J of the greedy policy", true));
        }
        List<SweepAlgorithm> cells = new ArrayList<>();
        for (int i = 0; i < algorithms.size(); i++) {
            Algorithm algorithm = algorithms.get(i);
            String policy = policies.get(i);
            cells.add(SweepAlgorithm.trained(policy, (value, seed, runFolder) -> {
                Workflow w = apply(base, value);
                long t = (long) value;
                double j = greedyReturnAfterTraining(w, kind, algorithm, seed, t, episodes, runFolder);
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("greedyReturn", j);
                if (oracle != null) {
                    m.put("oracleGap", oracle - j);
                }
                return List.of(new SweepReading(policy, m));
            }));
        }
        return new SweepDesign(ID, label(), cells, metrics);
    }

    /**
     * One seed of {@code algorithm} trained for {@code t} handoffs by a training session (no component probes; a run
     * folder in {@code runFolder} unless it is null), then the return J of its greedy policy; NaN if it diverged.
     */
    private static double greedyReturnAfterTraining(Workflow w, EnvironmentKind kind, Algorithm algorithm, long seed, long t,
                                                    long episodes, Path runFolder) throws InterruptedException {
        TrainingPlan plan = TrainingPlan.of(w, kind, List.of(algorithm), List.of(seed), t).withParallelism(1)
                .withComponents(TrainingPlan.ComponentCadence.NONE).withCheckpointing(Checkpointing.atEndOnly())
                .withSimulatedEpisodes(episodes)
                .withOutput(runFolder == null ? TrainingPlan.Output.NONE : TrainingPlan.Output.into(runFolder));
        TrainingSession.Result r = TrainingSession.create(plan).runToEnd(null);
        return r.trainers().get(0).divergence() != null ? Double.NaN : r.summary().returnsBySeed().get(0);
    }
}
