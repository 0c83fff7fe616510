package dev.handoff.bench;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.learn.neural.DjlQNetwork;
import dev.handoff.learn.neural.MlpMirror;
import dev.handoff.learn.neural.NeuralQLearner;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.train.Algorithm;
import dev.handoff.train.NeuralSeedTrainer;
import dev.handoff.util.Rng;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.Workflow;

import java.util.Arrays;
import java.util.Locale;

/**
 * Throughput of neural IC-Q on this machine (not a test): DJL training steps/s at batch 32/256 and width 64/256, the
 * cost of acting with the plain-Java mirror, and handoffs/s of a whole run on the 10-agent synthetic sample. Run with
 * {@code mvn -pl model -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.handoff.bench.NeuralBenchmark -Dai.djl.pytorch.num_threads=1
 * -Dai.djl.pytorch.num_interop_threads=1}.
 */
public final class NeuralBenchmark {
    private static final int INPUTS = 8;
    private static final int ACTIONS = 6;

    private NeuralBenchmark() {
    }

    public static void main(String[] args) {
        System.out.println("threads: torch " + System.getProperty("ai.djl.pytorch.num_threads") + ", cores "
                + Runtime.getRuntime().availableProcessors());
        for (int width : new int[] {64, 256}) {
            for (int batch : new int[] {32, 256}) {
                trainingSteps(width, batch);
            }
        }
        for (int width : new int[] {64, 256}) {
            acting(width);
        }
        wholeRun();
    }

    private static float[] randomViews(Rng rng, int count) {
        float[] x = new float[count * INPUTS];
        for (int k = 0; k < count; k++) {
            x[k * INPUTS + rng.nextInt(6)] = 1;
            x[k * INPUTS + 6 + rng.nextInt(2)] = 1;
        }
        return x;
    }

    private static void trainingSteps(int width, int batch) {
        Rng rng = new Rng(width * 31L + batch);
        MlpMirror init = new MlpMirror(MlpMirror.layerSizes(INPUTS, width, 2, ACTIONS));
        init.initialise(rng);
        float[] x = randomViews(rng, batch);
        float[] mask = new float[batch * ACTIONS];
        float[] y = new float[batch];
        for (int k = 0; k < batch; k++) {
            mask[k * ACTIONS + rng.nextInt(ACTIONS)] = 1;
            y[k] = (float) rng.nextDouble();
        }
        MlpMirror mirror = new MlpMirror(init.sizes());
        try (DjlQNetwork net = new DjlQNetwork("bench", init, 1e-3, 1.0, 1)) {
            for (int k = 0; k < 300; k++) {
                net.train(x, mask, y, batch);
            }
            int steps = 3000;
            long[] each = new long[steps];
            long t0 = System.nanoTime();
            for (int k = 0; k < steps; k++) {
                long s = System.nanoTime();
                net.train(x, mask, y, batch);
                each[k] = System.nanoTime() - s;
            }
            double rawPerSec = steps / ((System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            for (int k = 0; k < steps; k++) {
                net.train(x, mask, y, batch);
                net.copyTo(mirror);
            }
            double withMirror = steps / ((System.nanoTime() - t0) / 1e9);
            Arrays.sort(each);
            System.out.printf(Locale.ROOT, "train width %3d batch %3d: %6.0f steps/s (median %.3f ms, p99 %.3f ms); with mirror refresh %6.0f steps/s%n",
                    width, batch, rawPerSec, each[steps / 2] / 1e6, each[steps * 99 / 100] / 1e6, withMirror);
        }
    }

    private static void acting(int width) {
        Rng rng = new Rng(width);
        NeuralSettings s = NeuralSettings.DEFAULTS.withWidth(width);
        try (NeuralQLearner l = new NeuralQLearner(0, INPUTS, ACTIONS, 0.95, s, 1)) {
            int count = 1024;
            float[][] views = new float[count][];
            float[] flat = randomViews(rng, count);
            for (int k = 0; k < count; k++) {
                views[k] = Arrays.copyOfRange(flat, k * INPUTS, (k + 1) * INPUTS);
            }
            long sink = 0;
            for (int k = 0; k < 200_000; k++) {
                sink += l.greedyAction(views[k & (count - 1)]);
            }
            int n = width == 64 ? 2_000_000 : 500_000;
            long t0 = System.nanoTime();
            for (int k = 0; k < n; k++) {
                sink += l.greedyAction(views[k & (count - 1)]);
            }
            double ns = (System.nanoTime() - t0) / (double) n;
            t0 = System.nanoTime();
            for (int k = 0; k < 2_000; k++) {
                sink += (long) l.qValuesFromNetwork(views[k & (count - 1)])[0];
            }
            double djlNs = (System.nanoTime() - t0) / 2_000.0;
            System.out.printf(Locale.ROOT, "act width %3d: mirror %.2f µs/decision (%.0f decisions/s); DJL single forward %.1f µs  [%d]%n",
                    width, ns / 1e3, 1e9 / ns, djlNs / 1e3, sink & 1);
        }
    }

    private static void wholeRun() {
        SyntheticKind kind = new SyntheticKind();
        Workflow w = SyntheticTemplates.ring("ring10", 10, 0.0, 0.05);
        long n = 40_000;
        w = w.withTraining(w.training().withEpsilon(new EpsilonSpec(1.0, 0.2, n / 2)).withHandoffs(n));
        try (NeuralSeedTrainer t = new NeuralSeedTrainer(w, kind, NeuralSettings.DEFAULTS, Algorithm.ICQ_TABULAR, 1, n)) {
            t.runUntil(10_000, null);
            long steps0 = totalSteps(t);
            long t0 = System.nanoTime();
            t.runUntil(n, null);
            double secs = (System.nanoTime() - t0) / 1e9;
            long steps = totalSteps(t) - steps0;
            System.out.printf(Locale.ROOT, "whole run (10 agents, width 64, batch 32, a training step per decision): %.0f handoffs/s, %.0f training steps/s%n",
                    (n - 10_000) / secs, steps / secs);
        }
    }

    private static long totalSteps(NeuralSeedTrainer t) {
        long s = 0;
        for (int i = 0; i < t.agentCount(); i++) {
            s += t.learner(i).trainingSteps();
        }
        return s;
    }
}
