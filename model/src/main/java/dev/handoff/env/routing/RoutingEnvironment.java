package dev.handoff.env.routing;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.checkpoint.Checkpointable;
import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.util.Rng;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.Workflow;

/**
 * The routing kind's IC-SMDP (ICQ.md §2, Q-routing as a special case): each decision is a router taking a packet
 * off its queue; the action is the link it forwards the packet on.
 *
 * <ul>
 *   <li>τ = the time from the packet entering this router (arriving, or being injected) until it reaches the neighbour,
 *       i.e. queueing time q plus transit s. {@link StepOutcome#tau} is τ rounded to the nearest whole time unit
 *       (≥ 1); the reward carries the exact time: R = −τ when γ = 1 (so the update Q += α(−τ + m − Q) is
 *       Q-routing's q + s + min Q_y(d,·) with the sign flipped), and R = −(1 − γ^τ)/ln(1/γ) (a cost of 1 per time
 *       unit, discounted continuously) when γ &lt; 1.</li>
 *   <li>Forwarding to a neighbour that is not the destination hands the packet off: the receiver is that router and
 *       its view is taken at the handoff instant (packet features on arrival: hops + 1, age at arrival; private state
 *       = the packets ahead of it at the receiver), as {@code netsim1.c} reads the neighbour's estimate when it sends.</li>
 *   <li>Delivery (the neighbour is the destination) is reported as {@link HandoffEnvironment#STOP} with
 *       {@code terminalReward} 0 and {@code episodeEnded}: the destination does not decide on its own packets, so its
 *       scalar is the terminal value 0, exactly Q-routing's "t = 0 when y = d". {@link #target} still names the
 *       destination router for that action, so link counts stay per link. {@code episodeReturn} = −delivery time.</li>
 *   <li>A packet forwarded to a router whose queue is full is dropped: STOP with {@code terminalReward} =
 *       −dropPenalty, {@code episodeReturn} = −(time so far + dropPenalty). Injections beyond the in-flight limit are
 *       dropped before any decision and only counted in {@link #metrics()}.</li>
 * </ul>
 *
 * <p>No {@link dev.handoff.env.JointStateAccess}: the joint state (every packet in flight and every queue) has no
 * finite enumeration, so {@link #jointStateAccess()} is null; the routing oracle is {@link OracleRouting}, which
 * reads the queues of the {@link PacketNetwork} directly.
 *
 * <p>A checkpoint holds the whole {@link PacketNetwork} (packets in flight, queues, event heap, clocks, metrics) and
 * the views of the decision and handoff in progress.
 */
public final class RoutingEnvironment implements HandoffEnvironment, Checkpointable {
    private final int n;
    private final int[][] neighbours;
    private final InterfaceMap[] interfaces;
    private final int[] backlogBuckets;
    private final PacketNetwork network;
    private final double gamma;
    private final double dropPenalty;

    private final int fDestination;
    private final int fSource;
    private final int fHops;
    private final int fAge;
    private final int hopsMax;
    private final double ageMax;

    private final double[] features;
    private final double[] receiverFeatures;
    private int agent = -1;
    private int privateState;
    private int receiver = -1;
    private int receiverPrivateState;

    public RoutingEnvironment(Workflow workflow) {
        this.n = workflow.agents().size();
        this.neighbours = RoutingKind.neighbours(workflow);
        ArtifactSchema schema = workflow.artifact();
        interfaces = new InterfaceMap[n];
        backlogBuckets = new int[n];
        for (int i = 0; i < n; i++) {
            interfaces[i] = InterfaceMap.compile(schema, workflow.agents().get(i));
            backlogBuckets[i] = workflow.agents().get(i).privateStateCount();
        }
        RoutingParameters parameters = RoutingParameters.from(workflow.environment());
        dropPenalty = parameters.dropPenalty();
        gamma = workflow.training() == null ? 1.0 : workflow.training().gamma();
        network = new PacketNetwork(neighbours, parameters.load(), parameters.maxPacketsInFlight(), parameters.queueLimit(),
                new RoutingMetrics(100));
        fDestination = schema.indexOf("destination");
        fSource = schema.indexOf("source");
        fHops = schema.indexOf("hops");
        fAge = schema.indexOf("age");
        hopsMax = (int) Math.round(schema.features().get(fHops).hi());
        ageMax = schema.features().get(fAge).hi();
        features = new double[schema.features().size()];
        receiverFeatures = new double[schema.features().size()];
    }

    /**
     * Bucket of a backlog among {@code buckets} values: 0, 1, 2–3, 4–7, ... (⌊log2 b⌋ + 1), the last one open-ended.
     */
    public static int backlogBucket(int backlog, int buckets) {
        if (buckets <= 1 || backlog <= 0) {
            return 0;
        }
        int b = 32 - Integer.numberOfLeadingZeros(backlog); // 1 → 1, 2..3 → 2, 4..7 → 3, ...
        return Math.min(b, buckets - 1);
    }

    @Override
    public int agentCount() {
        return n;
    }

    @Override
    public int actionCount(int agent) {
        return neighbours[agent].length;
    }

    @Override
    public int target(int agent, int action) {
        return neighbours[agent][action];
    }

    @Override
    public int viewCount(int agent) {
        return interfaces[agent].viewCount();
    }

    @Override
    public int encodingSize(int agent) {
        return interfaces[agent].encodingSize();
    }

    @Override
    public void reset(Rng rng) {
        network.reset(rng);
        agent = -1;
        receiver = -1;
    }

    @Override
    public int nextDecision() {
        agent = network.nextDecision();
        features[fDestination] = network.currentDestination();
        features[fSource] = network.currentSource();
        features[fHops] = Math.min(network.currentHops(), hopsMax);
        features[fAge] = Math.min(network.currentAge(), ageMax);
        privateState = backlogBucket(network.backlog(agent), backlogBuckets[agent]);
        return agent;
    }

    @Override
    public int viewKey() {
        return interfaces[agent].key(features, privateState);
    }

    @Override
    public void encodeView(float[] out) {
        interfaces[agent].encode(features, privateState, out, 0);
    }

    @Override
    public void step(int action, StepOutcome out) {
        int x = agent;
        double ageBefore = network.currentAge();
        network.forward(action);
        double tau = network.lastTau();
        out.agent = x;
        out.action = action;
        out.tau = Math.max(1, (int) Math.round(tau));
        out.reward = gamma >= 1.0 ? -tau : -(1 - Math.pow(gamma, tau)) / Math.log(1 / gamma);
        out.terminalReward = 0;
        out.episodeEnded = false;
        out.episodeReturn = 0;
        receiver = -1;
        if (network.lastDelivered()) {
            out.receiver = STOP;
            out.episodeEnded = true;
            out.episodeReturn = -network.lastDeliveryTime();
        } else if (network.lastDropped()) {
            out.receiver = STOP;
            out.terminalReward = -dropPenalty;
            out.episodeEnded = true;
            out.episodeReturn = -network.lastDeliveryTime() - dropPenalty;
        } else {
            int y = network.lastReceiver();
            receiver = y;
            out.receiver = y;
            receiverFeatures[fDestination] = features[fDestination];
            receiverFeatures[fSource] = features[fSource];
            receiverFeatures[fHops] = Math.min(network.lastHops(), hopsMax);
            receiverFeatures[fAge] = Math.min(ageBefore + PacketNetwork.TRANSIT, ageMax);
            // the packets ahead of this one at the receiver (it is itself counted in the backlog already)
            receiverPrivateState = backlogBucket(network.backlog(y) - 1, backlogBuckets[y]);
        }
        agent = -1;
    }

    @Override
    public int receiverViewKey() {
        return interfaces[receiver].key(receiverFeatures, receiverPrivateState);
    }

    @Override
    public void encodeReceiverView(float[] out) {
        interfaces[receiver].encode(receiverFeatures, receiverPrivateState, out, 0);
    }

    @Override
    public void saveState(StateWriter out) {
        network.saveState(out);
        out.putDoubles(features).putDoubles(receiverFeatures).putInt(agent).putInt(privateState).putInt(receiver)
                .putInt(receiverPrivateState);
    }

    @Override
    public void restoreState(StateReader in) {
        network.restoreState(in);
        double[] f = in.getDoubles(features.length);
        System.arraycopy(f, 0, features, 0, f.length);
        double[] g = in.getDoubles(receiverFeatures.length);
        System.arraycopy(g, 0, receiverFeatures, 0, g.length);
        agent = in.getInt();
        privateState = in.getInt();
        receiver = in.getInt();
        receiverPrivateState = in.getInt();
        if (agent < -1 || agent >= n || receiver < -1 || receiver >= n) {
            throw new CheckpointException("the checkpoint's routing decision does not fit this workflow");
        }
    }

    /** The packet network underneath (simulated time, queues, metrics), e.g. to run a baseline beside the learner. */
    public PacketNetwork network() {
        return network;
    }

    /** Delivery time, delivered/dropped counts and routing accuracy of the packets routed so far. */
    public RoutingMetrics metrics() {
        return network.metrics();
    }
}
