package dev.handoff.views.training.extension.routing;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.StepOutcome;
import dev.handoff.env.routing.PacketNetwork;
import dev.handoff.env.routing.RoutingEnvironment;
import dev.handoff.env.routing.RoutingKind;
import dev.handoff.env.routing.RoutingMetrics;
import dev.handoff.env.routing.RoutingParameters;
import dev.handoff.env.routing.RoutingPolicy;
import dev.handoff.env.routing.RoutingRun;
import dev.handoff.train.SeedRun;
import dev.handoff.util.Rng;
import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.extension.MeasuredPanel;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The routing panel on a trained seed: its greedy policy, <b>frozen</b> (no exploration, no learning), routes a fresh
 * network at the workflow's load beside the two baselines ({@link RoutingRun.Baseline}: shortest paths and the oracle
 * router), each from the same traffic seed, first {@code warmup} time units unmeasured, then {@code measured} ones.
 * Per policy: packets delivered and dropped, mean delivery time, share of deliveries on a shortest path (the
 * routing kind's {@link RoutingMetrics}); per router: the packets it forwarded in the measured stretch under each policy
 * (how the learned routes spread the traffic that shortest paths pile onto the bridges).
 */
public final class RoutingPanelViewModel implements MeasuredPanel {
    /** Unmeasured time every policy runs first (the network fills up). */
    public static final double WARMUP = 500;
    /** Measured simulated time per policy. */
    public static final double MEASURED = 2_000;
    /** The traffic seed every policy's network is reset from. */
    public static final long TRAFFIC_SEED = 1;

    /** One policy's measured stretch and the packets each router forwarded in it. */
    public record PolicyResult(String policy, RoutingRun.Summary summary, long[] forwardedByRouter) {
    }

    private final String title;
    private final String header;
    private final List<String> routers;
    private final List<PolicyResult> results;

    private RoutingPanelViewModel(String title, String header, List<String> routers, List<PolicyResult> results) {
        this.title = title;
        this.header = header;
        this.routers = routers;
        this.results = results;
    }

    /** The panel on {@code seed} with the standard stretch ({@value #WARMUP} + {@value #MEASURED} time units). */
    public static RoutingPanelViewModel measure(TrainedWorkflow trained, SeedRun seed) {
        return measure(trained.workflow(), trained.kind(), seed, WARMUP, MEASURED);
    }

    /** The panel on {@code seed} (never changed: its greedy policy runs on a network of its own). */
    public static RoutingPanelViewModel measure(Workflow workflow, EnvironmentKind kind, SeedRun seed, double warmup,
                                                double measured) {
        String who = seed.algorithm().cliName() + " seed " + seed.seed();
        List<PolicyResult> results = new ArrayList<>();
        results.add(greedy(workflow, kind, seed, who + " (greedy, frozen)", warmup, measured));
        for (RoutingRun.Baseline b : RoutingRun.Baseline.values()) {
            results.add(baseline(workflow, b, warmup, measured));
        }
        List<String> routers = workflow.agents().stream().map(a -> a.id()).toList();
        double load = results.get(0).summary().load();
        RoutingRun.Summary g = results.get(0).summary();
        RoutingRun.Summary sp = results.get(1).summary();
        String header = String.format(Locale.ROOT, "%s's greedy policy, frozen (no exploration, no learning), routes a "
                        + "fresh network at load %s beside the baselines, all from traffic seed %d: %s time units of warm-up, "
                        + "then %s measured. Mean delivery time %s against shortest paths' %s.", who, trim(load), TRAFFIC_SEED,
                trim(warmup), trim(measured), time(g.meanDeliveryTime()), time(sp.meanDeliveryTime()));
        return new RoutingPanelViewModel("Routing of " + who, header, routers, List.copyOf(results));
    }

    /** {@code seed}'s greedy actions through a routing environment of the workflow: the actions see what training saw. */
    private static PolicyResult greedy(Workflow workflow, EnvironmentKind kind, SeedRun seed, String name, double warmup,
                                       double measured) {
        // this extension serves the routing kind only, so the kind's simulator is the routing environment
        RoutingEnvironment env = (RoutingEnvironment) kind.create(workflow);
        Rng rng = new Rng(TRAFFIC_SEED);
        env.reset(rng.split());
        StepOutcome out = new StepOutcome();
        long[] forwarded = new long[env.agentCount()];
        advance(env, seed, out, env.network().now() + warmup, new long[forwarded.length]);
        env.metrics().clear(env.network().now());
        advance(env, seed, out, env.network().now() + measured, forwarded);
        return new PolicyResult(name, RoutingRun.summarise(env.network()), forwarded);
    }

    private static void advance(RoutingEnvironment env, SeedRun seed, StepOutcome out, double until, long[] forwarded) {
        while (env.network().now() < until) {
            int router = env.nextDecision();
            forwarded[router]++;
            env.step(seed.greedyAction(env, router), out);
        }
    }

    /** A baseline as {@link RoutingRun#sweep} runs it at the workflow's load, counting what each router forwards. */
    static PolicyResult baseline(Workflow workflow, RoutingRun.Baseline baseline, double warmup, double measured) {
        RoutingParameters p = RoutingParameters.from(workflow.environment());
        Rng rng = new Rng(TRAFFIC_SEED);
        PacketNetwork net = new PacketNetwork(RoutingKind.neighbours(workflow), p.load(), p.maxPacketsInFlight(),
                p.queueLimit(), new RoutingMetrics(Math.max(1, measured / 100)));
        net.reset(rng.split());
        RoutingPolicy policy = baseline.policy(rng.split());
        long[] forwarded = new long[net.routerCount()];
        RoutingRun.advance(net, policy, net.now() + warmup);
        net.metrics().clear(net.now());
        RoutingRun.advance(net, n -> {
            forwarded[n.currentRouter()]++;
            return policy.choose(n);
        }, net.now() + measured);
        return new PolicyResult(baseline.id(), RoutingRun.summarise(net), forwarded);
    }

    /** The seed's greedy policy first, then shortest paths, then the oracle router. */
    public List<PolicyResult> results() {
        return results;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String header() {
        return header;
    }

    @Override
    public Table table() {
        List<List<String>> rows = new ArrayList<>();
        for (PolicyResult r : results) {
            RoutingRun.Summary s = r.summary();
            rows.add(List.of(r.policy(), String.valueOf(s.delivered()), String.valueOf(s.dropped()),
                    time(s.meanDeliveryTime()), Double.isNaN(s.routingAccuracy()) ? "–"
                            : String.format(Locale.ROOT, "%.1f%%", 100 * s.routingAccuracy())));
        }
        return new Table(List.of("policy", "delivered", "dropped", "mean delivery time", "on a shortest path"), rows);
    }

    @Override
    public Bars bars() {
        double[][] values = new double[results.size()][];
        for (int i = 0; i < results.size(); i++) {
            values[i] = java.util.Arrays.stream(results.get(i).forwardedByRouter()).asDoubleStream().toArray();
        }
        return new Bars("Packets each router forwarded in the measured stretch", "packets forwarded", routers,
                results.stream().map(PolicyResult::policy).toList(), values);
    }

    private static String time(double t) {
        return Double.isNaN(t) ? "–" : String.format(Locale.ROOT, "%.2f", t);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
