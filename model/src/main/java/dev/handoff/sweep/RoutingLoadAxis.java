package dev.handoff.sweep;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.env.routing.RoutingEnvironment;
import dev.handoff.env.routing.RoutingKind;
import dev.handoff.env.routing.RoutingParameters;
import dev.handoff.env.routing.RoutingRun;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedRuns;
import dev.handoff.workflow.Workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code load} axis of the routing kind (Boyan &amp; Littman 1994, Figure 2/3): packets injected per time unit.
 * At each load every policy routes a fresh network and is measured over the same stretch of simulated time:
 * <ul>
 *   <li>a learner ({@code icq-tabular}, which with γ = 1 and the destination as interface is Q-routing, or
 *       {@code independent}) is trained from an empty network with the workflow's settings for {@code --handoffs}
 *       handoffs by its {@link SeedRun}, then measured <b>while it keeps learning</b> (as Q-routing does in the
 *       paper), with the workflow's ε schedule continuing (the 6×6 sample's ε is 0: the greedy policy);</li>
 *   <li>a baseline ({@code shortest-path}, {@code oracle-router}) runs {@code warmup} time units unmeasured first.</li>
 * </ul>
 * Metrics: average delivery time, packets delivered and dropped in the stretch, routing accuracy (share of
 * delivered packets that went along a shortest path).
 */
public final class RoutingLoadAxis implements SweepAxis {
    public static final String ID = "load";
    public static final String MEASURE = "measure";
    public static final String WARMUP = "warmup";
    public static final double DEFAULT_MEASURE = 5000;
    public static final double DEFAULT_WARMUP = 1000;
    static final List<String> DEFAULT_POLICIES = List.of(Algorithm.ICQ_TABULAR.cliName(),
            RoutingRun.Baseline.SHORTEST_PATH.id(), RoutingRun.Baseline.ORACLE.id());

    static final List<SweepMetric> METRICS = List.of(
            new SweepMetric("deliveryTime", "delivery time (time units)", true),
            new SweepMetric("delivered", "packets delivered (measured stretch)", false),
            new SweepMetric("dropped", "packets dropped (measured stretch)", true),
            new SweepMetric("routingAccuracy", "share of routes on a shortest path", true));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "load (packets injected per time unit)";
    }

    @Override
    public boolean supports(Workflow workflow) {
        return workflow.environment() != null && RoutingKind.ID.equals(workflow.environment().kind());
    }

    @Override
    public String unsupportedReason(Workflow workflow) {
        return "axis \"load\" needs a routing workflow (environment kind \"routing\"); this one is \""
                + workflow.environment().kind() + "\"";
    }

    @Override
    public String problemWith(double value) {
        return value > 0 && Double.isFinite(value) ? null : "a load must be a positive number of packets per time unit";
    }

    @Override
    public Workflow apply(Workflow workflow, double value) {
        return workflow.withEnvironment(workflow.environment().with(RoutingParameters.LOAD, value));
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put(MEASURE, "measured stretch of simulated time per policy and load (default " + (int) DEFAULT_MEASURE + ")");
        o.put(WARMUP, "unmeasured time the baselines run first (default " + (int) DEFAULT_WARMUP + ")");
        return o;
    }

    @Override
    public SweepDesign design(Workflow base, SweepSettings settings) {
        for (String key : settings.options().keySet()) {
            if (!options().containsKey(key)) {
                throw new IllegalArgumentException("axis load has no option \"" + key + "\" (known: " + options().keySet() + ")");
            }
        }
        double measure = settings.option(MEASURE, DEFAULT_MEASURE);
        double warmup = settings.option(WARMUP, DEFAULT_WARMUP);
        if (!(measure > 0) || !(warmup >= 0)) {
            throw new IllegalArgumentException("measure must be > 0 and warmup ≥ 0 time units");
        }
        long handoffs = settings.handoffs() != null ? settings.handoffs() : base.training().handoffs();
        if (handoffs <= 0) {
            throw new IllegalArgumentException("--handoffs must be positive");
        }
        List<String> policies = settings.policies().isEmpty() ? DEFAULT_POLICIES : settings.policies();
        EnvironmentKind kind = WorkflowLoading.kindOf(base);
        List<PolicyRun> runs = new ArrayList<>();
        for (String p : policies) {
            runs.add(policyRun(p, kind, handoffs, warmup, measure));
        }
        List<SweepAlgorithm> algorithms = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            String policy = policies.get(i);
            PolicyRun run = runs.get(i);
            SweepMeasurement m = (value, seed, runFolder) ->
                    List.of(reading(policy, run.run(apply(base, value), value, seed, runFolder)));
            algorithms.add(RoutingRun.Baseline.byId(policy) == null ? SweepAlgorithm.trained(policy, m)
                    : SweepAlgorithm.of(policy, m));
        }
        return new SweepDesign(ID, label(), algorithms, METRICS);
    }

    /**
     * One compared policy at one load and seed: a fresh network, its measured stretch summarised; a learner writes the
     * run folder of its training phase into {@code runFolder} (null: none).
     */
    @FunctionalInterface
    interface PolicyRun {
        RoutingRun.Summary run(Workflow workflow, double load, long seed, Path runFolder);
    }

    /** The run of a policy named on the command line: a routing baseline, or a learner trained by the trainer. */
    static PolicyRun policyRun(String name, EnvironmentKind kind, long handoffs, double warmup, double measure) {
        RoutingRun.Baseline b = RoutingRun.Baseline.byId(name);
        if (b != null) {
            return (w, load, seed, runFolder) -> RoutingRun.sweep(w, new double[] {load}, b, seed, warmup, measure).get(0);
        }
        Algorithm a;
        try {
            a = Algorithm.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown policy \"" + name + "\" for the routing load sweep (known: "
                    + "icq-tabular, independent, shortest-path, oracle-router)");
        }
        if (a == Algorithm.ORACLE) {
            throw new IllegalArgumentException("\"oracle\" learns on the joint state, which the routing kind does not "
                    + "enumerate; the centralised baseline here is \"oracle-router\"");
        }
        return (w, load, seed, runFolder) -> learnerRun(w, kind, a, seed, handoffs, measure, runFolder);
    }

    /**
     * Trains {@code algorithm} for {@code handoffs} handoffs from an empty network, then measures {@code measure} time
     * units while the learners keep learning (the trainer's wire unchanged). With a {@code runFolder} (not null) the
     * training phase is written there as a run folder, its checkpoint at {@code handoffs}.
     */
    static RoutingRun.Summary learnerRun(Workflow w, EnvironmentKind kind, Algorithm algorithm, long seed, long handoffs,
                                         double measure, Path runFolder) {
        try (SeedRun trainer = SeedRuns.create(w, kind, algorithm, seed, Long.MAX_VALUE, null)) {
            return trainAndMeasure(w, trainer, handoffs, measure, runFolder);
        }
    }

    private static RoutingRun.Summary trainAndMeasure(Workflow w, SeedRun trainer, long handoffs, double measure,
                                                      Path runFolder) {
        RoutingEnvironment env = (RoutingEnvironment) trainer.environment();
        double load = env.network().load();
        if (!TrainedRunFolder.train(trainer, w, handoffs, runFolder,
                "a load sweep cell: it is read by the delivery time measured after training")) {
            return new RoutingRun.Summary(load, 0, 0, Double.NaN, Double.NaN, env.network().inFlight());
        }
        env.metrics().clear(env.network().now());
        double end = env.network().now() + measure;
        while (env.network().now() < end) {
            if (!trainer.runUntil(trainer.handoffs() + 1, null)) {
                return new RoutingRun.Summary(load, 0, 0, Double.NaN, Double.NaN, env.network().inFlight());
            }
        }
        return RoutingRun.summarise(env.network());
    }

    static SweepReading reading(String policy, RoutingRun.Summary s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("deliveryTime", s.meanDeliveryTime());
        m.put("delivered", (double) s.delivered());
        m.put("dropped", (double) s.dropped());
        m.put("routingAccuracy", s.routingAccuracy());
        return new SweepReading(policy, m);
    }
}
