package dev.handoff.learn.neural;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One agent's online Q-network on DJL (PyTorch engine, CPU): an MLP trained by Adam on the Huber loss of
 * Q(z, a) against the TD target y = R + γ^τ m. DJL allows one gradient collector per process, so every training step
 * in the JVM runs under {@link #TRAINING_LOCK}. Weights start from a given {@link MlpMirror} (seeded in Java) and are
 * copied back into a mirror after training, so nothing else ever calls into DJL.
 */
public final class DjlQNetwork implements AutoCloseable {
    /** Serialises all DJL training steps of the process (one GradientCollector at a time). */
    public static final ReentrantLock TRAINING_LOCK = new ReentrantLock();

    static {
        // One torch thread by default (STACK.md: same median, far shorter tail, a core left for the UI); read by DJL
        // when its PyTorch engine starts, so explicit -D settings win.
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /**
     * Torch threads every calling thread is pinned to: the value DJL gives the thread that starts its engine (the
     * {@code ai.djl.pytorch.num_threads} property, set to 1 above unless given explicitly).
     */
    private static final int TORCH_THREADS = Math.max(1, Integer.getInteger("ai.djl.pytorch.num_threads", 1));

    /** Whether the current thread's torch thread count has been pinned to {@link #TORCH_THREADS}. */
    private static final ThreadLocal<Boolean> PINNED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final Model model;
    private final Trainer trainer;
    private final Optimizer optimizer;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> biases = new ArrayList<>();
    private final int inputs;
    private final int outputs;
    private final HuberLoss loss;
    /** The last batch size's input tensors, refilled in place each step. */
    private PinnedBatch pinned;

    /** Builds the network with the layer sizes and initial weights of {@code init}. */
    public DjlQNetwork(String name, MlpMirror init, double learningRate, double huberDelta, int engineSeed) {
        int[] sizes = init.sizes();
        this.inputs = sizes[0];
        this.outputs = sizes[sizes.length - 1];
        SequentialBlock block = new SequentialBlock();
        for (int l = 1; l < sizes.length; l++) {
            block.add(Linear.builder().setUnits(sizes[l]).build());
            if (l < sizes.length - 1) {
                block.add(Activation.reluBlock());
            }
        }
        TRAINING_LOCK.lock();
        try {
            Engine.getInstance().setRandomSeed(engineSeed);
            pinTorchThreads();
            this.model = Model.newInstance(name);
            model.setBlock(block);
            this.optimizer = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build();
            this.loss = new HuberLoss(huberDelta);
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer);
            this.trainer = model.newTrainer(config);
            loss.keepConstantsIn(trainer.getManager());
            trainer.initialize(new Shape(1, inputs));
            for (Block child : block.getChildren().values()) {
                if (child instanceof Linear) {
                    weights.add(child.getParameters().get("weight"));
                    biases.add(child.getParameters().get("bias"));
                }
            }
            for (int l = 0; l < weights.size(); l++) {
                weights.get(l).getArray().set(init.pyTorchWeight(l));
                biases.get(l).getArray().set(init.bias(l));
            }
        } finally {
            TRAINING_LOCK.unlock();
        }
    }

    /**
     * One Adam step on the Huber loss of Q(x_k, a_k) against y_k for a batch.
     *
     * @param x       batch × inputs, row-major
     * @param mask    batch × outputs, 1 at (k, a_k), 0 elsewhere
     * @param targets y_k
     * @return the batch loss
     */
    public float train(float[] x, float[] mask, float[] targets, int batch) {
        lockOnPinnedThread();
        try (NDManager sub = trainer.getManager().newSubManager()) {
            if (pinned == null || pinned.batch != batch) {
                if (pinned != null) {
                    pinned.close();
                }
                pinned = new PinnedBatch(trainer.getManager(), batch, inputs, outputs);
            }
            pinned.fill(x, mask, targets, sub);
            float batchLoss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray q = trainer.forward(new NDList(pinned.x)).singletonOrThrow();
                NDArray chosen = q.mul(pinned.mask).sum(new int[] {1});
                NDArray l = loss.evaluate(new NDList(pinned.y), new NDList(chosen));
                gc.backward(l);
                batchLoss = l.getFloat();
            }
            trainer.step();
            return batchLoss;
        } finally {
            TRAINING_LOCK.unlock();
        }
    }

    /**
     * Writes everything the next training step depends on: the weights and biases, and DJL's Adam state (first and
     * second moments per parameter, the per-parameter update counts and the global update number). DJL 0.36 exposes
     * no API for the Adam state, so it is read from the optimizer's private fields ({@code Adam.means},
     * {@code Adam.variances}, {@code Optimizer.updateCounts}, {@code Optimizer.numUpdate}); a DJL without those fields
     * makes checkpointing fail loudly rather than resume approximately.
     */
    public void saveState(dev.handoff.checkpoint.StateWriter out) {
        lockOnPinnedThread();
        try {
            List<Parameter> all = allParameters();
            out.putInt(all.size());
            Map<String, Map<Device, NDArray>> means = adamMap("means");
            Map<String, Map<Device, NDArray>> variances = adamMap("variances");
            Map<String, Integer> counts = optimizerField("updateCounts");
            for (Parameter p : all) {
                NDArray w = p.getArray();
                out.putFloats(w.toFloatArray());
                NDArray m = moment(means, p);
                NDArray v = moment(variances, p);
                out.putInt(m == null ? 0 : 1);
                if (m != null) {
                    out.putFloats(m.toFloatArray()).putFloats(v.toFloatArray());
                }
                Integer c = counts.get(p.getId());
                out.putInt(c == null ? -1 : c);
            }
            out.putInt((Integer) optimizerField("numUpdate"));
        } finally {
            TRAINING_LOCK.unlock();
        }
    }

    /** Restores a state written by {@link #saveState} for a network of the same shape. */
    public void restoreState(dev.handoff.checkpoint.StateReader in) {
        lockOnPinnedThread();
        try {
            List<Parameter> all = allParameters();
            if (in.getInt() != all.size()) {
                throw new dev.handoff.checkpoint.CheckpointException("the checkpoint's network has another number of layers");
            }
            Map<String, Map<Device, NDArray>> means = adamMap("means");
            Map<String, Map<Device, NDArray>> variances = adamMap("variances");
            Map<String, Integer> counts = optimizerField("updateCounts");
            for (Parameter p : all) {
                NDArray w = p.getArray();
                int size = (int) w.size();
                w.set(in.getFloats(size));
                if (in.getInt() == 1) {
                    putMoment(means, p, in.getFloats(size));
                    putMoment(variances, p, in.getFloats(size));
                } else {
                    removeMoment(means, p);
                    removeMoment(variances, p);
                }
                int c = in.getInt();
                if (c < 0) {
                    counts.remove(p.getId());
                } else {
                    counts.put(p.getId(), c);
                }
            }
            setOptimizerField("numUpdate", in.getInt());
        } finally {
            TRAINING_LOCK.unlock();
        }
    }

    private List<Parameter> allParameters() {
        List<Parameter> all = new ArrayList<>();
        for (int l = 0; l < weights.size(); l++) {
            all.add(weights.get(l));
            all.add(biases.get(l));
        }
        return all;
    }

    private static NDArray moment(Map<String, Map<Device, NDArray>> map, Parameter p) {
        Map<Device, NDArray> byDevice = map.get(p.getId());
        return byDevice == null ? null : byDevice.get(p.getArray().getDevice());
    }

    private static void putMoment(Map<String, Map<Device, NDArray>> map, Parameter p, float[] values) {
        NDArray w = p.getArray();
        NDArray fresh = w.getManager().create(values, w.getShape());
        Map<Device, NDArray> byDevice = map.computeIfAbsent(p.getId(), k -> new java.util.concurrent.ConcurrentHashMap<>());
        NDArray old = byDevice.put(w.getDevice(), fresh);
        if (old != null) {
            old.close();
        }
    }

    private static void removeMoment(Map<String, Map<Device, NDArray>> map, Parameter p) {
        Map<Device, NDArray> byDevice = map.remove(p.getId());
        if (byDevice != null) {
            byDevice.values().forEach(NDArray::close);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<Device, NDArray>> adamMap(String name) {
        try {
            java.lang.reflect.Field f = ai.djl.training.optimizer.Adam.class.getDeclaredField(name);
            f.setAccessible(true);
            return (Map<String, Map<Device, NDArray>>) f.get(optimizer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new dev.handoff.checkpoint.CheckpointException("cannot read DJL's Adam state (" + name + "): " + e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T optimizerField(String name) {
        try {
            java.lang.reflect.Field f = Optimizer.class.getDeclaredField(name);
            f.setAccessible(true);
            return (T) f.get(optimizer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new dev.handoff.checkpoint.CheckpointException("cannot read DJL's optimizer state (" + name + "): " + e);
        }
    }

    private void setOptimizerField(String name, int value) {
        try {
            java.lang.reflect.Field f = Optimizer.class.getDeclaredField(name);
            f.setAccessible(true);
            f.setInt(optimizer, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new dev.handoff.checkpoint.CheckpointException("cannot restore DJL's optimizer state (" + name + "): " + e);
        }
    }

    /**
     * Takes {@link #TRAINING_LOCK} on a thread whose torch thread count is pinned. PyTorch keeps that count per calling
     * thread (OpenMP's and MKL's thread-local settings) and sets it on a thread only when an operation large enough to
     * parallelise first asks for it; our batch-sized operations never do. So a thread other than the one that started
     * DJL's engine ran MKL's matrix products with the machine's default thread count, and the last bits of a training
     * step depended on which thread took it and what that thread had run before: a run resumed (or merely continued) on
     * another thread was no longer bit-identical to an uninterrupted one.
     */
    private static void lockOnPinnedThread() {
        TRAINING_LOCK.lock();
        pinTorchThreads();
    }

    /** Sets the current thread's torch (OpenMP and MKL) thread count to {@link #TORCH_THREADS}, once per thread. */
    private static void pinTorchThreads() {
        if (!PINNED.get()) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(TORCH_THREADS);
            PINNED.set(Boolean.TRUE);
        }
    }

    /** Copies the current weights into {@code mirror} (one JNI copy per parameter). */
    public void copyTo(MlpMirror mirror) {
        for (int l = 0; l < weights.size(); l++) {
            mirror.loadPyTorchLayout(l, weights.get(l).getArray().toFloatArray(), biases.get(l).getArray().toFloatArray());
        }
    }

    /**
     * Writes the online network's parameters in DJL's own format, {@code dir/<name>-0000.params}, and returns that file
     * (its optimizer state is not part of it).
     */
    public java.nio.file.Path saveParameters(java.nio.file.Path dir, String name) throws java.io.IOException {
        lockOnPinnedThread();
        try {
            java.nio.file.Files.createDirectories(dir);
            model.save(dir, name);
            return dir.resolve(name + "-0000.params");
        } finally {
            TRAINING_LOCK.unlock();
        }
    }

    /** Q(x, ·) through DJL itself (tests and cross-checks; acting uses the mirror). */
    public float[] predict(float[] x) {
        lockOnPinnedThread();
        try (NDManager sub = trainer.getManager().newSubManager()) {
            NDArray in = sub.create(x, new Shape(1, inputs));
            return trainer.evaluate(new NDList(in)).singletonOrThrow().toFloatArray();
        } finally {
            TRAINING_LOCK.unlock();
        }
    }

    @Override
    public void close() {
        TRAINING_LOCK.lock();
        try {
            trainer.close();
            model.close();
        } finally {
            TRAINING_LOCK.unlock();
        }
    }
}
