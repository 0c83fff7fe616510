package dev.handoff.env.routing;

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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds routing workflows: one router agent per node (topology order), two handoffs per link, a packet artifact
 * (destination, source, hops, age) and the Q-routing interface (destination only). The three samples are
 * {@link #sixBySix}, {@link #lata} and {@link #abilene}.
 */
public final class RoutingWorkflows {
    /** Canvas the layout is scaled into, in pixels. */
    public static final double CANVAS_WIDTH = 2200;
    public static final double CANVAS_HEIGHT = 1400;
    private static final double MARGIN = 50;

    /** Largest hop count a packet's {@code hops} feature reports (larger counts are clamped). */
    public static final int HOPS_MAX = 63;
    /** Largest age a packet's {@code age} feature reports (older packets are clamped). */
    public static final double AGE_MAX = 256;
    /** Backlog buckets of a router's private state: 0, 1, 2–3, 4–7, 8–15, 16–31, 32–63, 64+. */
    public static final int BACKLOG_BUCKETS = 8;

    /** A router's single option: forwarding the packet on the link its action names. */
    public static final OptionSpec FORWARD = new OptionSpec("forward", "Forward", "send the packet on the chosen link");

    private RoutingWorkflows() {
    }

    /** Boyan &amp; Littman's irregular 6×6 grid, at load 2.5 (where shortest paths congest the centre bridge). */
    public static Workflow sixBySix(Path dataDir) throws IOException {
        Topology t = Topology.read(dataDir.resolve("boyan-littman/6x6.net"));
        return fromTopology("routing-6x6", t, 2.5,
                "Boyan & Littman's irregular 6x6 grid (NIPS 1993, Figure 1): two halves joined by the centre bridge "
                        + "20-21 and the top row 32-33. At this load shortest paths congest the bridge; Q-routing "
                        + "(tabular IC-Q with the destination as interface, gamma = 1) learns to spread traffic.");
    }

    /** The 116-router LATA telephone network of the same paper, at load 3.0 (shortest paths saturate near 2.7). */
    public static Workflow lata(Path dataDir) throws IOException {
        Topology t = Topology.read(dataDir.resolve("boyan-littman/lata.net"));
        return fromTopology("routing-lata", t, 3.0,
                "The 116-router LATA telephone network used by Boyan & Littman (NIPS 1993). At this load shortest "
                        + "paths saturate their busiest router; Q-routing spreads the traffic.");
    }

    /**
     * Abilene, the Internet2 research backbone of 2005 (Internet Topology Zoo, CC BY 4.0), at its cities' positions,
     * at load 4.0 (shortest paths saturate near 3.6).
     */
    public static Workflow abilene(Path dataDir) throws IOException {
        Topology t = Topology.read(dataDir.resolve("topology-zoo/Abilene.graphml"));
        return fromTopology("routing-abilene", t, 4.0,
                "Abilene, the Internet2 backbone (Internet Topology Zoo, Knight et al. 2011, CC BY 4.0); routers at "
                        + "their cities' coordinates.");
    }

    /** The artifact of the routing kind: a packet. */
    public static ArtifactSchema packetSchema(int routers) {
        return new ArtifactSchema(List.of(
                FeatureSpec.integer("destination", 0, routers - 1, "router the packet is addressed to (agent index)"),
                FeatureSpec.integer("source", 0, routers - 1, "router that injected the packet (agent index)"),
                FeatureSpec.integer("hops", 0, HOPS_MAX, "links the packet has crossed so far (clamped)"),
                FeatureSpec.real("age", 0, AGE_MAX, "time since the packet was injected (clamped)")));
    }

    /** A router's private state: its backlog (packets queued at or heading to it), in logarithmic buckets. */
    public static PrivateStateSpec backlogState() {
        return new PrivateStateSpec("backlog", BACKLOG_BUCKETS,
                "packets queued at or on their way to this router: 0, 1, 2-3, 4-7, 8-15, 16-31, 32-63, 64+");
    }

    /** Q-routing's interface: the destination only, without the private state. */
    public static InterfaceSpec qRoutingInterface() {
        return new InterfaceSpec(List.of(ObservationTerm.select("destination")), false);
    }

    /** Agent id of the router at topology index {@code i}. */
    public static String routerId(int i) {
        return "r" + i;
    }

    /** A routing workflow for any topology: routers in topology order, each link as two handoffs. */
    public static Workflow fromTopology(String name, Topology topology, double load, String description) {
        int n = topology.nodeCount();
        List<AgentSpec> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agents.add(new AgentSpec(routerId(i), topology.nodes().get(i).name(), "router", List.of(FORWARD), backlogState(),
                    qRoutingInterface()));
        }
        List<HandoffSpec> handoffs = new ArrayList<>();
        int[][] adj = topology.adjacency();
        for (int i = 0; i < n; i++) {
            for (int j : adj[i]) {
                handoffs.add(new HandoffSpec(routerId(i), routerId(j)));
            }
        }
        Map<String, Object> params = RoutingParameters.DEFAULTS.withLoad(load).toParameters();
        TrainingSettings training = new TrainingSettings("icq-tabular", 1.0, StepSizeSpec.constant(0.5),
                EpsilonSpec.constant(0.0), 500_000, List.of(1L), 1000);
        return new Workflow(Workflow.FORMAT_VERSION, "handoff-workbench", name, description, packetSchema(n), agents,
                handoffs, new EnvironmentSpec(RoutingKind.ID, params), training, layout(topology));
    }

    /**
     * Canvas positions from the topology's coordinates, scaled into about 1000×700 px with the aspect ratio kept.
     * Unit-square ({@code .net}) y points up and longitude/latitude is drawn north up with x shrunk by cos(latitude);
     * routers without coordinates go on a circle.
     */
    public static Layout layout(Topology topology) {
        int n = topology.nodeCount();
        boolean geographic = false;
        double latSum = 0;
        int positioned = 0;
        for (Topology.Node node : topology.nodes()) {
            if (node.hasPosition()) {
                positioned++;
                latSum += node.y();
                geographic |= Math.abs(node.x()) > 1.5 || Math.abs(node.y()) > 1.5;
            }
        }
        double xScale = geographic && positioned > 0 ? Math.cos(Math.toRadians(latSum / positioned)) : 1;
        double[] x = new double[n];
        double[] y = new double[n];
        boolean[] has = new boolean[n];
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        int missing = 0;
        for (int i = 0; i < n; i++) {
            Topology.Node node = topology.nodes().get(i);
            if (!node.hasPosition()) {
                missing++;
                continue;
            }
            has[i] = true;
            x[i] = node.x() * xScale;
            y[i] = -node.y(); // north / up is the top of the canvas
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        if (positioned == 0) {
            minX = -1;
            maxX = 1;
            minY = -1;
            maxY = 1;
        }
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double scale = Math.min((CANVAS_WIDTH - 2 * MARGIN) / spanX, (CANVAS_HEIGHT - 2 * MARGIN) / spanY);
        double offX = (CANVAS_WIDTH - scale * spanX) / 2;
        double offY = (CANVAS_HEIGHT - scale * spanY) / 2;
        Map<String, Layout.Point> points = new TreeMap<>();
        int k = 0;
        for (int i = 0; i < n; i++) {
            double px;
            double py;
            if (has[i]) {
                px = offX + (x[i] - minX) * scale;
                py = offY + (y[i] - minY) * scale;
            } else {
                double angle = 2 * Math.PI * k++ / missing;
                double r = Math.min(CANVAS_WIDTH, CANVAS_HEIGHT) / 2 - MARGIN;
                px = CANVAS_WIDTH / 2 + r * Math.cos(angle);
                py = CANVAS_HEIGHT / 2 + r * Math.sin(angle);
            }
            points.put(routerId(i), new Layout.Point(Math.round(px * 10) / 10.0, Math.round(py * 10) / 10.0));
        }
        return new Layout(points);
    }
}
