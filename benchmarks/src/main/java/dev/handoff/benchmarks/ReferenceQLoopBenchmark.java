package dev.handoff.benchmarks;

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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The "machine's limit" baseline: tabular IC-Q on the same ring10 dynamics (ICQ.md §5 with λ = 0, η = 0.05 and the
 * kind's default knobs) written as plainly as possible, in one method over primitive arrays with
 * {@link java.util.Random}: no workflow, no interfaces, no environment or learner objects. The same arithmetic per
 * handoff as the product's loop (geometric duration by a log, γ^τ, progress draw, η draw, harmonic step size, the
 * receiver's max as the scalar), so the gap between the two is the cost of the product's abstractions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ReferenceQLoopBenchmark {
    static final int HANDOFFS = 100_000;
    static final int AGENTS = 10;
    static final int TARGETS = 3;
    static final int ACTIONS = 2 * TARGETS;
    static final int STOP = -1;
    static final int G = 6;
    static final int H = 3;
    static final int VIEWS = G * 2;
    static final double GAMMA = 0.95;
    static final double EPSILON = 0.1;
    static final double BUSY = 0.3;
    static final double COST = 0.1;
    static final double ETA = 0.05;
    static final double R_GOAL = 10;
    static final double[] Q_BASE = {0.8, 0.35};
    static final double[] SUCCESS_ON = {0.30, 0.75};
    static final double[] SUCCESS_OFF = {0.08, 0.25};

    final int[][] target = new int[AGENTS][TARGETS];
    final double[][] q = new double[AGENTS][VIEWS * ACTIONS];
    final long[][] visits = new long[AGENTS][VIEWS * ACTIONS];
    final Random random = new Random(1);
    int c;
    int g;
    int h;
    int p;
    double checksum;

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < AGENTS; i++) {
            target[i][0] = (i + 1) % AGENTS;
            target[i][1] = (i + 2) % AGENTS;
            target[i][2] = i % 2 == 0 ? (i + 3) % AGENTS : STOP;
        }
        h = random.nextInt(H);
        reset();
        for (int k = 0; k < 20; k++) {
            run(HANDOFFS);
        }
    }

    void reset() {
        c = random.nextInt(AGENTS);
        g = random.nextInt(G - 1);
        p = random.nextDouble() < BUSY ? 1 : 0;
    }

    static boolean onOwnStage(int agent, int g) {
        int r = Math.floorMod(g - agent, G - 1);
        return r == 0 || r == 1;
    }

    void run(int count) {
        for (int k = 0; k < count; k++) {
            int i = c;
            int z = g * 2 + p;
            double[] qi = q[i];
            int a;
            if (random.nextDouble() < EPSILON) {
                a = random.nextInt(ACTIONS);
            } else {
                a = 0;
                for (int b = 1; b < ACTIONS; b++) {
                    if (qi[z * ACTIONS + b] > qi[z * ACTIONS + a]) {
                        a = b;
                    }
                }
            }
            int o = a / TARGETS;
            int j = target[i][a % TARGETS];
            double end = Q_BASE[o] * (p == 1 ? 0.5 : 1.0);
            int tau = 1 + (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - end));
            double gammaTau = Math.pow(GAMMA, tau);
            double reward = -COST * (1 - gammaTau) / (1 - GAMMA);
            int gNext = g;
            if (g < G - 1 && random.nextDouble() < (onOwnStage(i, g) ? SUCCESS_ON[o] : SUCCESS_OFF[o])) {
                gNext = g + 1;
            }
            if (random.nextDouble() < ETA) {
                h = random.nextInt(H);
            }
            double m;
            if (j == STOP) {
                double done = gNext / (double) (G - 1);
                m = R_GOAL * done * done;
                reset();
            } else {
                c = j;
                g = gNext;
                p = random.nextDouble() < BUSY ? 1 : 0;
                double[] qj = q[j];
                int z2 = g * 2 + p;
                m = qj[z2 * ACTIONS];
                for (int b = 1; b < ACTIONS; b++) {
                    m = Math.max(m, qj[z2 * ACTIONS + b]);
                }
            }
            int cell = z * ACTIONS + a;
            double alpha = Math.min(1.0, 10.0 / (visits[i][cell]++ + 100));
            qi[cell] += alpha * (reward + gammaTau * m - qi[cell]);
        }
        checksum += q[0][0];
    }

    @Benchmark
    @OperationsPerInvocation(HANDOFFS)
    public double handoffs() {
        run(HANDOFFS);
        return checksum;
    }
}
