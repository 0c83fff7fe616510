package dev.handoff.benchmarks;

import burlap.behavior.singleagent.Episode;
import burlap.behavior.singleagent.learning.tdmethods.QLearning;
import burlap.behavior.singleagent.options.EnvironmentOptionOutcome;
import burlap.mdp.core.action.Action;
import burlap.mdp.core.action.SimpleAction;
import burlap.mdp.core.action.UniversalActionType;
import burlap.mdp.core.state.State;
import burlap.mdp.singleagent.SADomain;
import burlap.mdp.singleagent.environment.Environment;
import burlap.mdp.singleagent.environment.EnvironmentOutcome;
import burlap.statehashing.simple.SimpleHashableStateFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.handoff.benchmarks.Ring10LimitLoop.ACTIONS;
import static dev.handoff.benchmarks.Ring10LimitLoop.AGENTS;
import static dev.handoff.benchmarks.Ring10LimitLoop.BUSY;
import static dev.handoff.benchmarks.Ring10LimitLoop.COST;
import static dev.handoff.benchmarks.Ring10LimitLoop.ETA;
import static dev.handoff.benchmarks.Ring10LimitLoop.G;
import static dev.handoff.benchmarks.Ring10LimitLoop.GAMMA;
import static dev.handoff.benchmarks.Ring10LimitLoop.H;
import static dev.handoff.benchmarks.Ring10LimitLoop.Q_BASE;
import static dev.handoff.benchmarks.Ring10LimitLoop.R_GOAL;
import static dev.handoff.benchmarks.Ring10LimitLoop.STOP;
import static dev.handoff.benchmarks.Ring10LimitLoop.SUCCESS_OFF;
import static dev.handoff.benchmarks.Ring10LimitLoop.SUCCESS_ON;
import static dev.handoff.benchmarks.Ring10LimitLoop.TARGETS;

/**
 * The peer library: BURLAP 3.0.1's {@link QLearning} (ε-greedy 0.1, constant α 0.1, hashed states) on the same ring10
 * dynamics as {@link Ring10LimitLoop}. BURLAP is single-agent, so its state is (holder c, progress g, busy p):
 * the same keys as the ten IC-Q tables together, and max over the next state's actions is the receiver's scalar.
 * The SMDP discount γ^τ goes in through {@link EnvironmentOptionOutcome#discount}. One operation is one handoff.
 */
@org.openjdk.jmh.annotations.State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class BurlapQLearningBenchmark {
    static final int HANDOFFS = 20_000;

    /** The artifact as BURLAP sees it; c = −1 is the absorbing state after STOP. */
    record RingState(int c, int g, int p) implements State {
        static final List<Object> KEYS = List.of("c", "g", "p");

        @Override
        public List<Object> variableKeys() {
            return KEYS;
        }

        @Override
        public Object get(Object key) {
            return switch ((String) key) {
                case "c" -> c;
                case "g" -> g;
                default -> p;
            };
        }

        @Override
        public State copy() {
            return this;
        }
    }

    /** The ring10 simulator behind BURLAP's environment interface. */
    static final class RingEnvironment implements Environment {
        final int[][] target = new int[AGENTS][TARGETS];
        final Random random = new Random(1);
        /** BURLAP counts an outcome's steps through its episode: each handoff is one step. */
        final Episode oneStep = new Episode();
        RingState state;
        int h;
        double lastReward;

        RingEnvironment() {
            for (int i = 0; i < AGENTS; i++) {
                target[i][0] = (i + 1) % AGENTS;
                target[i][1] = (i + 2) % AGENTS;
                target[i][2] = i % 2 == 0 ? (i + 3) % AGENTS : STOP;
            }
            oneStep.actionSequence.add(new SimpleAction("a0"));
            h = random.nextInt(H);
            resetEnvironment();
        }

        @Override
        public State currentObservation() {
            return state;
        }

        @Override
        public EnvironmentOutcome executeAction(Action action) {
            RingState s = state;
            int a = action.actionName().charAt(1) - '0';
            int i = s.c();
            int o = a / TARGETS;
            int j = target[i][a % TARGETS];
            double end = Q_BASE[o] * (s.p() == 1 ? 0.5 : 1.0);
            int tau = 1 + (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - end));
            double gammaTau = Math.pow(GAMMA, tau);
            double reward = -COST * (1 - gammaTau) / (1 - GAMMA);
            int gNext = s.g();
            if (gNext < G - 1 && random.nextDouble() < (Ring10LimitLoop.onOwnStage(i, s.g()) ? SUCCESS_ON[o] : SUCCESS_OFF[o])) {
                gNext++;
            }
            if (random.nextDouble() < ETA) {
                h = random.nextInt(H);
            }
            boolean stop = j == STOP;
            if (stop) {
                double done = gNext / (double) (G - 1);
                reward += gammaTau * R_GOAL * done * done;
                state = new RingState(STOP, 0, 0);
            } else {
                state = new RingState(j, gNext, random.nextDouble() < BUSY ? 1 : 0);
            }
            lastReward = reward;
            return new EnvironmentOptionOutcome(s, action, state, reward, stop, gammaTau, oneStep);
        }

        @Override
        public double lastReward() {
            return lastReward;
        }

        @Override
        public boolean isInTerminalState() {
            return state.c() == STOP;
        }

        @Override
        public void resetEnvironment() {
            state = new RingState(random.nextInt(AGENTS), random.nextInt(G - 1), random.nextDouble() < BUSY ? 1 : 0);
        }
    }

    private RingEnvironment env;
    private QLearning agent;
    private long handoffs;

    @Setup(Level.Trial)
    public void setUp() {
        SADomain domain = new SADomain();
        for (int a = 0; a < ACTIONS; a++) {
            domain.addActionType(new UniversalActionType("a" + a));
        }
        env = new RingEnvironment();
        agent = new QLearning(domain, GAMMA, new SimpleHashableStateFactory(), 0.0, 0.1);
        for (int k = 0; k < 20; k++) {
            run(HANDOFFS);
        }
    }

    /** Runs exactly {@code count} handoffs, cutting the last episode and resuming it on the next call. */
    long run(int count) {
        int left = count;
        while (left > 0) {
            if (env.isInTerminalState()) {
                env.resetEnvironment();
            }
            Episode e = agent.runLearningEpisode(env, left);
            left -= e.numActions();
        }
        handoffs += count;
        return handoffs;
    }

    @Benchmark
    @OperationsPerInvocation(HANDOFFS)
    public long handoffs() {
        return run(HANDOFFS);
    }
}
