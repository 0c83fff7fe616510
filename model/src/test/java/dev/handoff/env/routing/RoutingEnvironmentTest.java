package dev.handoff.env.routing;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.util.Rng;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RoutingEnvironmentTest {

    static Workflow sixBySix(double load) throws IOException {
        Workflow w = RoutingWorkflows.sixBySix(RoutingData.file(""));
        return w.withEnvironment(w.environment().with(RoutingParameters.LOAD, load));
    }

    /**
     * Tabular IC-Q with γ = 1 written out (the lead's learner replaces it): Q_i(z,a) += η (R + m − Q_i(z,a)), greedy
     * with uniform random ties, no exploration, Q starting at 0; m = max_a' Q_j(z', a') from the receiver or the
     * terminal reward on STOP.
     */
    static final class InlineIcq {
        final double[][] q;
        final int[] actions;
        final double eta;
        final Rng rng;

        InlineIcq(HandoffEnvironment env, double eta, Rng rng) {
            int n = env.agentCount();
            q = new double[n][];
            actions = new int[n];
            for (int i = 0; i < n; i++) {
                actions[i] = env.actionCount(i);
                q[i] = new double[env.viewCount(i) * actions[i]];
            }
            this.eta = eta;
            this.rng = rng;
        }

        double handoffScalar(int agent, int z) {
            double m = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < actions[agent]; a++) {
                m = Math.max(m, q[agent][z * actions[agent] + a]);
            }
            return m;
        }

        int act(int agent, int z) {
            int k = actions[agent];
            int best = 0;
            int ties = 0;
            double bestQ = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                double v = q[agent][z * k + a];
                if (v > bestQ) {
                    bestQ = v;
                    best = a;
                    ties = 1;
                } else if (v == bestQ && rng.nextInt(++ties) == 0) {
                    best = a;
                }
            }
            return best;
        }

        /** One handoff of the trainer's loop; returns the outcome it wrote. */
        void handoff(HandoffEnvironment env, StepOutcome out) {
            int i = env.nextDecision();
            int z = env.viewKey();
            int a = act(i, z);
            env.step(a, out);
            double m = out.stopped() ? out.terminalReward : handoffScalar(out.receiver, env.receiverViewKey());
            int k = actions[i];
            q[i][z * k + a] += eta * (out.reward + m - q[i][z * k + a]);
        }
    }

    @Test
    void routersAreAgentsAndEachLinkIsTwoHandoffsInTheWorkflowsOrder() throws IOException {
        Workflow w = sixBySix(1.0);
        assertThat(new RoutingKind().validate(w)).isEmpty();
        HandoffEnvironment env = new RoutingKind().create(w);
        assertThat(env.agentCount()).isEqualTo(36);
        int actions = 0;
        for (int i = 0; i < 36; i++) {
            List<String> succ = w.successors(RoutingWorkflows.routerId(i));
            assertThat(env.actionCount(i)).isEqualTo(succ.size());
            for (int a = 0; a < succ.size(); a++) {
                assertThat(RoutingWorkflows.routerId(env.target(i, a))).isEqualTo(succ.get(a));
            }
            assertThat(env.viewCount(i)).as("Q-routing interface: the destination only").isEqualTo(36);
            actions += env.actionCount(i);
        }
        assertThat(actions).isEqualTo(100);
        assertThat(env.jointStateAccess()).isNull();
    }

    @Test
    void tabularIcqWithGammaOneIsExactlyQRouting() throws IOException {
        // the same seeds drive the packet network and the tie-breaks of both learners
        HandoffEnvironment env = new RoutingKind().create(sixBySix(2.5));
        env.reset(new Rng(21));
        InlineIcq icq = new InlineIcq(env, 0.5, new Rng(22));
        StepOutcome out = new StepOutcome();
        PacketNetwork net = QRoutingShapeTest.sixBySix(2.5, 21);
        QRoutingShapeTest.QRouting qr = new QRoutingShapeTest.QRouting(net.shortestPaths().neighboursTable(), 0.5,
                new Rng(22));
        for (int step = 0; step < 200_000; step++) {
            icq.handoff(env, out);
            int x = net.nextDecision();
            int d = net.currentDestination();
            int a = qr.choose(net);
            net.forward(a);
            qr.learn(x, d, a, net.lastTau());
            assertThat(out.agent).isEqualTo(x);
            assertThat(out.action).isEqualTo(a);
        }
        for (int x = 0; x < 36; x++) {
            for (int j = 0; j < icq.q[x].length; j++) {
                assertThat(icq.q[x][j]).isEqualTo(-qr.q[x][j]);
            }
        }
        RoutingMetrics m = ((RoutingEnvironment) env).metrics();
        assertThat(m.delivered()).isEqualTo(net.metrics().delivered());
        assertThat(m.meanDeliveryTime()).isEqualTo(net.metrics().meanDeliveryTime());
    }

    @Test
    void trainedIcqStaysBoundedAtHighLoadThroughTheEnvironment() throws IOException {
        RoutingEnvironment env = (RoutingEnvironment) new RoutingKind().create(sixBySix(3.0));
        env.reset(new Rng(31));
        InlineIcq icq = new InlineIcq(env, 0.5, new Rng(32));
        StepOutcome out = new StepOutcome();
        double episodeReturnSum = 0;
        long episodes = 0;
        while (env.network().now() < 10_000) {
            icq.handoff(env, out);
        }
        env.metrics().clear(env.network().now());
        while (env.network().now() < 15_000) {
            icq.handoff(env, out);
            if (out.episodeEnded) {
                episodeReturnSum += out.episodeReturn;
                episodes++;
            }
        }
        assertThat(env.metrics().meanDeliveryTime()).isLessThan(20);
        assertThat(env.metrics().dropped()).isZero();
        assertThat(episodes).isEqualTo(env.metrics().delivered());
        assertThat(-episodeReturnSum / episodes).isCloseTo(env.metrics().meanDeliveryTime(), within(1e-9));
    }

    @Test
    void deliveryIsAStopWhoseScalarIsZeroAndWhoseReturnIsMinusTheDeliveryTime() throws IOException {
        RoutingEnvironment env = (RoutingEnvironment) new RoutingKind().create(sixBySix(2.0));
        env.reset(new Rng(41));
        ShortestPathRouting sp = new ShortestPathRouting(new Rng(42));
        StepOutcome out = new StepOutcome();
        int delivered = 0;
        int handedOff = 0;
        int maxInFlight = 0;
        for (int i = 0; i < 50_000; i++) {
            int agent = env.nextDecision();
            int destination = env.viewKey(); // the view is the destination
            int action = sp.choose(env.network());
            env.step(action, out);
            maxInFlight = Math.max(maxInFlight, env.network().inFlight());
            assertThat(out.agent).isEqualTo(agent);
            assertThat(out.reward).isEqualTo(-env.network().lastTau());
            assertThat(out.tau).isEqualTo(Math.max(1, (int) Math.round(env.network().lastTau())));
            if (out.stopped()) {
                delivered++;
                assertThat(env.target(agent, action)).isEqualTo(destination);
                assertThat(out.terminalReward).isZero();
                assertThat(out.episodeEnded).isTrue();
                assertThat(out.episodeReturn).isEqualTo(-env.network().lastDeliveryTime());
                assertThat(-out.episodeReturn).isGreaterThanOrEqualTo(env.network().lastHops() - 1e-9);
            } else {
                handedOff++;
                assertThat(out.receiver).isEqualTo(env.target(agent, action)).isNotEqualTo(destination);
                assertThat(out.episodeEnded).isFalse();
                assertThat(env.receiverViewKey()).isEqualTo(destination);
            }
        }
        assertThat(delivered).isGreaterThan(5000);
        assertThat(handedOff).isGreaterThan(20_000);
        // many packets are in flight at once: decisions of different packets interleave
        assertThat(maxInFlight).isGreaterThan(10);
    }

    @Test
    void privateBacklogJoinsTheViewWhenTheInterfaceIncludesIt() throws IOException {
        Workflow w = sixBySix(3.0);
        InterfaceSpec withBacklog = new InterfaceSpec(List.of(ObservationTerm.select("destination")), true);
        List<dev.handoff.workflow.AgentSpec> agents = new ArrayList<>();
        for (var a : w.agents()) {
            agents.add(a.withObservation(withBacklog));
        }
        RoutingEnvironment env = (RoutingEnvironment) new RoutingKind().create(w.withAgents(agents));
        assertThat(env.viewCount(0)).isEqualTo(36 * RoutingWorkflows.BACKLOG_BUCKETS);
        env.reset(new Rng(51));
        ShortestPathRouting sp = new ShortestPathRouting(new Rng(52));
        StepOutcome out = new StepOutcome();
        int busy = 0;
        for (int i = 0; i < 20_000; i++) {
            int agent = env.nextDecision();
            int key = env.viewKey();
            int backlog = env.network().backlog(agent);
            assertThat(key % RoutingWorkflows.BACKLOG_BUCKETS)
                    .isEqualTo(RoutingEnvironment.backlogBucket(backlog, RoutingWorkflows.BACKLOG_BUCKETS));
            assertThat(key / RoutingWorkflows.BACKLOG_BUCKETS).isEqualTo(env.network().currentDestination());
            if (backlog > 0) {
                busy++;
            }
            env.step(sp.choose(env.network()), out);
        }
        assertThat(busy).isGreaterThan(1000);
    }

    @Test
    void backlogBucketsAreLogarithmicAndOpenEnded() {
        int[] expected = {0, 1, 2, 2, 3, 3, 3, 3, 4};
        for (int b = 0; b < expected.length; b++) {
            assertThat(RoutingEnvironment.backlogBucket(b, 8)).as("backlog %d", b).isEqualTo(expected[b]);
        }
        assertThat(RoutingEnvironment.backlogBucket(64, 8)).isEqualTo(7);
        assertThat(RoutingEnvironment.backlogBucket(5000, 8)).isEqualTo(7);
        assertThat(RoutingEnvironment.backlogBucket(5000, 1)).isZero();
        assertThat(RoutingEnvironment.backlogBucket(3, 2)).isEqualTo(1);
    }

    @Test
    void hotLoopAllocatesNothing() throws IOException {
        RoutingEnvironment env = (RoutingEnvironment) new RoutingKind().create(sixBySix(2.0));
        env.reset(new Rng(61));
        InlineIcq icq = new InlineIcq(env, 0.5, new Rng(62));
        StepOutcome out = new StepOutcome();
        float[] enc = new float[env.encodingSize(0)];
        for (int i = 0; i < 50_000; i++) {
            icq.handoff(env, out);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 200_000; i++) {
            icq.handoff(env, out);
            if (!out.stopped()) {
                env.encodeReceiverView(enc);
            }
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).isLessThan(64 * 1024);
    }

    @Test
    void discountedRewardIsTheContinuouslyDiscountedCostOfTheWait() throws IOException {
        Workflow w = sixBySix(2.0);
        w = w.withTraining(w.training().withGamma(0.9));
        RoutingEnvironment env = (RoutingEnvironment) new RoutingKind().create(w);
        env.reset(new Rng(71));
        ShortestPathRouting sp = new ShortestPathRouting(new Rng(72));
        StepOutcome out = new StepOutcome();
        for (int i = 0; i < 5000; i++) {
            env.nextDecision();
            env.step(sp.choose(env.network()), out);
            double tau = env.network().lastTau();
            assertThat(out.reward).isCloseTo(-(1 - Math.pow(0.9, tau)) / Math.log(1 / 0.9), within(1e-12));
            assertThat(out.reward).isGreaterThan(-tau);
        }
    }

    @Test
    void aPacketSentToAFullRouterIsDroppedWithThePenaltyAsItsTerminalScalar() throws IOException {
        Workflow w = sixBySix(3.5);
        w = w.withEnvironment(w.environment().with(RoutingParameters.QUEUE_LIMIT, 5).with(RoutingParameters.DROP_PENALTY, 40.0));
        RoutingEnvironment env = (RoutingEnvironment) new RoutingKind().create(w);
        env.reset(new Rng(81));
        ShortestPathRouting sp = new ShortestPathRouting(new Rng(82));
        StepOutcome out = new StepOutcome();
        int drops = 0;
        for (int i = 0; i < 50_000; i++) {
            env.nextDecision();
            env.step(sp.choose(env.network()), out);
            assertThat(env.network().backlog(env.network().lastReceiver())).isLessThanOrEqualTo(5);
            if (env.network().lastDropped()) {
                drops++;
                assertThat(out.stopped()).isTrue();
                assertThat(out.terminalReward).isEqualTo(-40.0);
                assertThat(out.episodeEnded).isTrue();
                assertThat(out.episodeReturn).isLessThanOrEqualTo(-41.0);
            }
        }
        assertThat(drops).isPositive();
        assertThat(env.metrics().dropped()).isGreaterThanOrEqualTo(drops);
    }
}
