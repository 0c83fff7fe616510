package dev.handoff.benchmarks;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.learn.neural.DjlQNetwork;
import dev.handoff.learn.neural.MlpMirror;
import dev.handoff.learn.neural.NeuralQLearner;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.train.Algorithm;
import dev.handoff.train.NeuralSeedTrainer;
import dev.handoff.util.Rng;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Neural IC-Q on DJL (ICQ.md §3), one torch thread: training steps per second of one agent's Q-network (Adam, Huber,
 * masked targets) at batch 32/256 and width 64/256; the cost of one greedy decision with the plain-Java mirror (and,
 * for contrast, one single-sample DJL forward); handoffs per second of a whole neural IC-Q run on the 10-agent ring.
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class NeuralBenchmarks {
    /** The interface encoding of the synthetic agents (one-hot progress of 6 levels + busy flag of 2). */
    static final int INPUTS = 8;
    static final int ACTIONS = 6;
    /** Handoffs per invocation of the whole-run benchmark. */
    static final int RUN_HANDOFFS = 1_000;

    static float[] randomViews(Rng rng, int count) {
        float[] x = new float[count * INPUTS];
        for (int k = 0; k < count; k++) {
            x[k * INPUTS + rng.nextInt(6)] = 1;
            x[k * INPUTS + 6 + rng.nextInt(2)] = 1;
        }
        return x;
    }

    /** One agent's DJL network and a fixed minibatch of views, action masks and TD targets. */
    @State(Scope.Thread)
    public static class Training {
        @Param({"64", "256"})
        public int width;
        @Param({"32", "256"})
        public int batch;

        DjlQNetwork net;
        float[] x;
        float[] mask;
        float[] y;

        @Setup(Level.Trial)
        public void setUp() {
            Rng rng = new Rng(width * 31L + batch);
            MlpMirror init = new MlpMirror(MlpMirror.layerSizes(INPUTS, width, NeuralSettings.DEFAULTS.depth(), ACTIONS));
            init.initialise(rng);
            x = randomViews(rng, batch);
            mask = new float[batch * ACTIONS];
            y = new float[batch];
            for (int k = 0; k < batch; k++) {
                mask[k * ACTIONS + rng.nextInt(ACTIONS)] = 1;
                y[k] = (float) rng.nextDouble();
            }
            net = new DjlQNetwork("bench", init, NeuralSettings.DEFAULTS.learningRate(), 1.0, 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            net.close();
        }
    }

    /** One neural IC-Q learner and 1,024 interface encodings to act on. */
    @State(Scope.Thread)
    public static class Acting {
        @Param({"64", "256"})
        public int width;

        NeuralQLearner learner;
        float[][] views;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            Rng rng = new Rng(width);
            learner = new NeuralQLearner(0, INPUTS, ACTIONS, 0.95, NeuralSettings.DEFAULTS.withWidth(width), 1);
            views = new float[1024][];
            float[] flat = randomViews(rng, views.length);
            for (int k = 0; k < views.length; k++) {
                views[k] = Arrays.copyOfRange(flat, k * INPUTS, (k + 1) * INPUTS);
            }
        }

        float[] nextView() {
            next = (next + 1) & (views.length - 1);
            return views[next];
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            learner.close();
        }
    }

    /** A neural IC-Q run (default settings: width 64, batch 32) on the 10-agent ring, past its replay warm-up. */
    @State(Scope.Thread)
    public static class WholeRun {
        NeuralSeedTrainer trainer;

        @Setup(Level.Trial)
        public void setUp() {
            trainer = new NeuralSeedTrainer(BenchmarkWorkflows.ring10(), new SyntheticKind(), NeuralSettings.DEFAULTS,
                    Algorithm.ICQ_NEURAL, 1, Long.MAX_VALUE);
            trainer.runUntil(10_000, null);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            trainer.close();
        }
    }

    /** One Adam step on one minibatch (forward, masked Huber loss, backward, update) through DJL. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public float trainingStep(Training s) {
        return s.net.train(s.x, s.mask, s.y, s.batch);
    }

    /** One greedy decision with the plain-Java mirror of the online network (how the trainer acts). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int actWithMirror(Acting s) {
        return s.learner.greedyAction(s.nextView());
    }

    /** One single-sample forward through DJL (JNI), for contrast with the mirror. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float actWithDjlForward(Acting s) {
        return s.learner.qValuesFromNetwork(s.nextView())[0];
    }

    /** Handoffs of a whole neural IC-Q run: act, carry the scalar, store in replay, train on schedule, refresh mirrors. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(RUN_HANDOFFS)
    public long wholeRunHandoffs(WholeRun s) {
        long target = s.trainer.handoffs() + RUN_HANDOFFS;
        if (!s.trainer.runUntil(target, null) || s.trainer.handoffs() != target) {
            throw new IllegalStateException("the run stopped short of " + target + " handoffs: " + s.trainer.divergence());
        }
        return target;
    }
}
