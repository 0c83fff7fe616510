package dev.handoff.benchmarks;

/**
 * "The limit" (issue 16.1): tabular IC-Q on the 10-agent synthetic ring (ICQ.md §5, λ = 0, η = 0.05, the kind's
 * default knobs, γ = 0.95, harmonic α = min(1, 10/(n + 100))) written as the fastest plain loop we could: one method,
 * flat primitive arrays for every table, every per-handoff constant precomputed, the two xoshiro256** generators held in
 * local variables, no objects, no calls that are not inlined, no virtual calls, no allocation.
 *
 * <p>It is not a different algorithm: it draws the same random numbers in the same order as the product's
 * {@code SeedTrainer} (the same xoshiro256** streams, seeded through SplitMix64 and split the same way) and evaluates
 * every floating-point expression the same way, so after the same handoffs its Q-tables equal the product's bit for
 * bit ({@code Ring10LimitLoopTest}). The difference in speed between the two is therefore only the cost of the
 * product's generality (workflows, environment kinds, interface maps, statistics), never a difference in work.
 */
final class Ring10LimitLoop {
    static final int AGENTS = 10;
    static final int TARGETS = 3;
    static final int ACTIONS = 2 * TARGETS;
    static final int STOP = -1;
    static final int G = 6;
    static final int H = 3;
    static final int VIEWS = G * 2;
    static final double GAMMA = 0.95;
    static final double BUSY = 0.3;
    static final double COST = 0.1;
    static final double ETA = 0.05;
    static final double R_GOAL = 10;
    static final double BUSY_Q = 0.5;
    static final double[] Q_BASE = {0.8, 0.35};
    static final double[] SUCCESS_ON = {0.30, 0.75};
    static final double[] SUCCESS_OFF = {0.08, 0.25};
    static final double ALPHA_H = 10;
    static final double ALPHA_N0 = 100;
    /** τ below this reads γ^τ, the option reward and the learner's discount from tables. */
    static final int TAU_TABLE = 256;

    /** Q and visit counts of all agents in one array each: index ((agent · VIEWS) + view) · ACTIONS + action. */
    final double[] q = new double[AGENTS * VIEWS * ACTIONS];
    final long[] visits = new long[AGENTS * VIEWS * ACTIONS];

    private final int[] targetOf = new int[AGENTS * ACTIONS];
    private final int[] optionOf = new int[AGENTS * ACTIONS];
    /** log(1 − q) of the option's per-step end probability, by option · 2 + busy (λ = 0: no dependence on h). */
    private final double[] logOneMinusQ = new double[4];
    private final boolean[] endsAtOnce = new boolean[4];
    /** Progress probability by (agent · 2 + option) · G + g. */
    private final double[] progress = new double[AGENTS * 2 * G];
    private final double[] terminal = new double[G];
    /** The simulator's γ^τ = exp(τ log γ), the option reward, and the learner's discount γ^τ = pow(γ, τ). */
    private final double[] gammaTau = new double[TAU_TABLE];
    private final double[] reward = new double[TAU_TABLE];
    private final double[] discount = new double[TAU_TABLE];
    private final double logGamma = Math.log(GAMMA);

    private long a0, a1, a2, a3;
    private long e0, e1, e2, e3;
    private int c, g, h, p;

    Ring10LimitLoop(long seed) {
        for (int i = 0; i < AGENTS; i++) {
            int[] targets = {(i + 1) % AGENTS, (i + 2) % AGENTS, i % 2 == 0 ? (i + 3) % AGENTS : STOP};
            for (int a = 0; a < ACTIONS; a++) {
                targetOf[i * ACTIONS + a] = targets[a % TARGETS];
                optionOf[i * ACTIONS + a] = a / TARGETS;
            }
            for (int o = 0; o < 2; o++) {
                for (int gg = 0; gg < G; gg++) {
                    double base = onOwnStage(i, gg) ? SUCCESS_ON[o] : SUCCESS_OFF[o];
                    progress[(i * 2 + o) * G + gg] = gg >= G - 1 ? 0 : Math.min(1.0, Math.max(0.0, base));
                }
            }
        }
        for (int o = 0; o < 2; o++) {
            for (int busy = 0; busy < 2; busy++) {
                double end = Math.min(1.0, Math.max(1e-9, Q_BASE[o] * (busy == 1 ? BUSY_Q : 1.0)));
                endsAtOnce[o * 2 + busy] = end >= 1;
                logOneMinusQ[o * 2 + busy] = Math.log(1 - end);
            }
        }
        for (int gg = 0; gg < G; gg++) {
            double done = gg / (double) (G - 1);
            terminal[gg] = R_GOAL * done * done;
        }
        for (int t = 0; t < TAU_TABLE; t++) {
            gammaTau[t] = Math.exp(logGamma * t);
            reward[t] = -COST * (1 - gammaTau[t]) / (1 - GAMMA);
            discount[t] = Math.pow(GAMMA, t);
        }
        // the product's seeding: one xoshiro256** from the seed, split into the simulator's stream, then the acting one
        long[] master = seeded(seed);
        long[] env = seeded(next(master));
        long[] act = seeded(next(master));
        e0 = env[0]; e1 = env[1]; e2 = env[2]; e3 = env[3];
        a0 = act[0]; a1 = act[1]; a2 = act[2]; a3 = act[3];
        h = nextInt(env, H);
        c = nextInt(env, AGENTS);
        g = nextInt(env, G - 1);
        p = (next(env) >>> 11) * 0x1.0p-53 < BUSY ? 1 : 0;
        e0 = env[0]; e1 = env[1]; e2 = env[2]; e3 = env[3];
    }

    /** Runs {@code count} handoffs at exploration rate {@code epsilon}; returns one Q-value so that nothing is dead code. */
    double run(long count, double epsilon) {
        final double[] q = this.q;
        final long[] visits = this.visits;
        final int[] targetOf = this.targetOf;
        final int[] optionOf = this.optionOf;
        final double[] logOneMinusQ = this.logOneMinusQ;
        final boolean[] endsAtOnce = this.endsAtOnce;
        final double[] progress = this.progress;
        long a0 = this.a0, a1 = this.a1, a2 = this.a2, a3 = this.a3;
        long e0 = this.e0, e1 = this.e1, e2 = this.e2, e3 = this.e3;
        int c = this.c, g = this.g, h = this.h, p = this.p;
        for (long k = 0; k < count; k++) {
            final int i = c;
            final int row = (i * VIEWS + g * 2 + p) * ACTIONS;
            // act: ε-greedy, ties to the lowest action
            int a;
            long r;
            long t;
            boolean explore = false;
            if (epsilon > 0) {
                r = Long.rotateLeft(a1 * 5, 7) * 9;
                t = a1 << 17;
                a2 ^= a0; a3 ^= a1; a1 ^= a2; a0 ^= a3; a2 ^= t; a3 = Long.rotateLeft(a3, 45);
                explore = (r >>> 11) * 0x1.0p-53 < epsilon;
            }
            if (explore) {
                r = Long.rotateLeft(a1 * 5, 7) * 9;
                t = a1 << 17;
                a2 ^= a0; a3 ^= a1; a1 ^= a2; a0 ^= a3; a2 ^= t; a3 = Long.rotateLeft(a3, 45);
                a = (int) (((r >>> 33) * ACTIONS) >>> 31);
            } else {
                a = 0;
                double best = q[row];
                for (int b = 1; b < ACTIONS; b++) {
                    if (q[row + b] > best) {
                        best = q[row + b];
                        a = b;
                    }
                }
            }
            // simulate the option
            final int o = optionOf[i * ACTIONS + a];
            final int j = targetOf[i * ACTIONS + a];
            final int dur = o * 2 + p;
            int tau;
            r = Long.rotateLeft(e1 * 5, 7) * 9;
            t = e1 << 17;
            e2 ^= e0; e3 ^= e1; e1 ^= e2; e0 ^= e3; e2 ^= t; e3 = Long.rotateLeft(e3, 45);
            if (endsAtOnce[dur]) {
                tau = 1;
            } else {
                tau = 1 + (int) Math.floor(Math.log(1 - (r >>> 11) * 0x1.0p-53) / logOneMinusQ[dur]);
            }
            final double gt;
            final double rew;
            final double disc;
            if (tau < TAU_TABLE) {
                gt = gammaTau[tau];
                rew = reward[tau];
                disc = discount[tau];
            } else {
                gt = Math.exp(logGamma * tau);
                rew = -COST * (1 - gt) / (1 - GAMMA);
                disc = Math.pow(GAMMA, tau);
            }
            r = Long.rotateLeft(e1 * 5, 7) * 9;
            t = e1 << 17;
            e2 ^= e0; e3 ^= e1; e1 ^= e2; e0 ^= e3; e2 ^= t; e3 = Long.rotateLeft(e3, 45);
            final int gNext = (r >>> 11) * 0x1.0p-53 < progress[(i * 2 + o) * G + g] ? g + 1 : g;
            r = Long.rotateLeft(e1 * 5, 7) * 9;
            t = e1 << 17;
            e2 ^= e0; e3 ^= e1; e1 ^= e2; e0 ^= e3; e2 ^= t; e3 = Long.rotateLeft(e3, 45);
            if ((r >>> 11) * 0x1.0p-53 < ETA) {
                r = Long.rotateLeft(e1 * 5, 7) * 9;
                t = e1 << 17;
                e2 ^= e0; e3 ^= e1; e1 ^= e2; e0 ^= e3; e2 ^= t; e3 = Long.rotateLeft(e3, 45);
                h = (int) (((r >>> 33) * H) >>> 31);
            }
            // the scalar that crosses the handoff: the terminal reward, or the receiver's max Q
            double m;
            if (j == STOP) {
                m = terminal[gNext];
                r = Long.rotateLeft(e1 * 5, 7) * 9;
                t = e1 << 17;
                e2 ^= e0; e3 ^= e1; e1 ^= e2; e0 ^= e3; e2 ^= t; e3 = Long.rotateLeft(e3, 45);
                c = (int) (((r >>> 33) * AGENTS) >>> 31);
                r = Long.rotateLeft(e1 * 5, 7) * 9;
                t = e1 << 17;
                e2 ^= e0; e3 ^= e1; e1 ^= e2; e0 ^= e3; e2 ^= t; e3 = Long.rotateLeft(e3, 45);
                g = (int) (((r >>> 33) * (G - 1)) >>> 31);
                r = Long.rotateLeft(e1 * 5, 7) * 9;
                t = e1 << 17;
                e2 ^= e0; e3 ^= e1; e1 ^= e2; e0 ^= e3; e2 ^= t; e3 = Long.rotateLeft(e3, 45);
                p = (r >>> 11) * 0x1.0p-53 < BUSY ? 1 : 0;
            } else {
                c = j;
                g = gNext;
                r = Long.rotateLeft(e1 * 5, 7) * 9;
                t = e1 << 17;
                e2 ^= e0; e3 ^= e1; e1 ^= e2; e0 ^= e3; e2 ^= t; e3 = Long.rotateLeft(e3, 45);
                p = (r >>> 11) * 0x1.0p-53 < BUSY ? 1 : 0;
                final int receiverRow = (j * VIEWS + g * 2 + p) * ACTIONS;
                m = q[receiverRow];
                for (int b = 1; b < ACTIONS; b++) {
                    m = Math.max(m, q[receiverRow + b]);
                }
            }
            // the SMDP update on the decider's own clock
            final int cell = row + a;
            final double td = rew + disc * m - q[cell];
            q[cell] += Math.min(1.0, ALPHA_H / (visits[cell]++ + ALPHA_N0)) * td;
        }
        this.a0 = a0; this.a1 = a1; this.a2 = a2; this.a3 = a3;
        this.e0 = e0; this.e1 = e1; this.e2 = e2; this.e3 = e3;
        this.c = c; this.g = g; this.h = h; this.p = p;
        return q[0];
    }

    /** Whether agent i is specialised in stage g: ((g − i) mod (G − 1)) ∈ {0, 1}. */
    static boolean onOwnStage(int agent, int g) {
        int r = Math.floorMod(g - agent, G - 1);
        return r == 0 || r == 1;
    }

    private static long[] seeded(long seed) {
        long x = seed;
        return new long[] {splitMix(x += 0x9E3779B97F4A7C15L), splitMix(x += 0x9E3779B97F4A7C15L),
                splitMix(x += 0x9E3779B97F4A7C15L), splitMix(x + 0x9E3779B97F4A7C15L)};
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** xoshiro256** on a state array (set-up only; the loop has it in registers). */
    private static long next(long[] s) {
        long result = Long.rotateLeft(s[1] * 5, 7) * 9;
        long t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = Long.rotateLeft(s[3], 45);
        return result;
    }

    private static int nextInt(long[] s, int bound) {
        return (int) (((next(s) >>> 33) * bound) >>> 31);
    }
}
