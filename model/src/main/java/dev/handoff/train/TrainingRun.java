package dev.handoff.train;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A training run on its own threads: several {@link SeedRun}s (seeds, or algorithms side by side) advanced in
 * window-sized chunks. Pause, resume, step and cancel act between chunks, so they never change the numbers: a
 * paused-and-resumed run equals an uninterrupted one. A seed that diverges pauses the run ({@link RunState#DIVERGED},
 * the dashboard's way) or ends it ({@link RunState#FAILED}, with {@link #stopOnDivergence}). Listeners are called on
 * the trainer threads.
 */
public final class TrainingRun {
    private final List<? extends SeedRun> trainers;
    private final int parallelism;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<SeedRun>> afterChunk = new CopyOnWriteArrayList<>();
    private volatile boolean stopOnDivergence;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final long[] stepTarget;
    private final boolean[] busy;
    private RunState state = RunState.READY;
    private String message = "";
    private int workersAlive;
    private long startNanos;
    private long activeNanos;

    public TrainingRun(List<? extends SeedRun> trainers, int parallelism) {
        this.trainers = List.copyOf(trainers);
        this.parallelism = Math.max(1, Math.min(parallelism, trainers.size()));
        this.stepTarget = new long[trainers.size()];
        this.busy = new boolean[trainers.size()];
        for (int i = 0; i < stepTarget.length; i++) {
            stepTarget[i] = Long.MAX_VALUE;
        }
    }

    public void addListener(TrainingListener l) {
        listeners.add(l);
    }

    /**
     * Adds a hook called on a trainer thread after each chunk of a trainer's handoffs, while no other thread touches that
     * trainer: the place to checkpoint or evaluate it. Hooks run in the order they were added.
     */
    public void addAfterChunk(java.util.function.Consumer<SeedRun> hook) {
        afterChunk.add(hook);
    }

    /** A diverging seed ends the run ({@link RunState#FAILED}) instead of pausing it: for runs nobody watches. */
    public void stopOnDivergence() {
        stopOnDivergence = true;
    }

    /** Hands an error-component reading (taken on a trainer thread) to the listeners. */
    public void publishComponents(Algorithm algorithm, dev.handoff.components.ComponentReading reading) {
        for (TrainingListener l : listeners) {
            l.onComponents(algorithm, reading);
        }
    }

    public List<? extends SeedRun> trainers() {
        return trainers;
    }

    /** Starts the worker threads (daemon threads named {@code handoff-trainer-k}). */
    public void start() {
        lock.lock();
        try {
            if (state != RunState.READY) {
                throw new IllegalStateException("run already started");
            }
            workersAlive = parallelism;
            setState(RunState.RUNNING, "training");
            startNanos = System.nanoTime();
        } finally {
            lock.unlock();
        }
        for (int k = 0; k < parallelism; k++) {
            Thread t = new Thread(this::work, "handoff-trainer-" + k);
            t.setDaemon(true);
            t.start();
        }
    }

    public void pause() {
        lock.lock();
        try {
            if (state == RunState.RUNNING) {
                setState(RunState.PAUSED, "paused");
            }
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        lock.lock();
        try {
            if (state == RunState.PAUSED || state == RunState.DIVERGED) {
                for (int i = 0; i < stepTarget.length; i++) {
                    stepTarget[i] = Long.MAX_VALUE;
                }
                setState(RunState.RUNNING, "training");
            }
        } finally {
            lock.unlock();
        }
    }

    /** While paused: advance every trainer by {@code handoffs} more handoffs, then pause again. */
    public void step(long handoffs) {
        lock.lock();
        try {
            if (state == RunState.PAUSED || state == RunState.READY) {
                for (int i = 0; i < stepTarget.length; i++) {
                    stepTarget[i] = trainers.get(i).handoffs() + handoffs;
                }
                if (state == RunState.READY) {
                    lock.unlock();
                    try {
                        start();
                    } finally {
                        lock.lock();
                    }
                } else {
                    setState(RunState.RUNNING, "stepping " + handoffs + " handoffs");
                }
            }
        } finally {
            lock.unlock();
        }
    }

    public void cancel() {
        lock.lock();
        try {
            if (!state.isTerminal()) {
                setState(RunState.CANCELLED, "cancelled");
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the run as failed, with {@code reason} as its message (a problem outside the trainers, such as a full disk). */
    public void fail(String reason) {
        lock.lock();
        try {
            if (!state.isTerminal()) {
                setState(RunState.FAILED, reason);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until the run finished, was cancelled or failed. */
    public RunState await() throws InterruptedException {
        lock.lock();
        try {
            while (!state.isTerminal() || workersAlive > 0) {
                changed.await();
            }
            return state;
        } finally {
            lock.unlock();
        }
    }

    public RunState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    public String message() {
        lock.lock();
        try {
            return message;
        } finally {
            lock.unlock();
        }
    }

    public long handoffsDone() {
        long sum = 0;
        for (SeedRun t : trainers) {
            sum += t.handoffs();
        }
        return sum;
    }

    public long handoffsBudget() {
        long sum = 0;
        for (SeedRun t : trainers) {
            sum += t.budget();
        }
        return sum;
    }

    /** Seconds spent running (pauses excluded) so far. */
    public double activeSeconds() {
        lock.lock();
        try {
            return (activeNanos + (state == RunState.RUNNING ? System.nanoTime() - startNanos : 0)) / 1e9;
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        try {
            while (true) {
                int index;
                lock.lock();
                try {
                    index = nextRunnable();
                    while (index < 0) {
                        if (state.isTerminal()) {
                            return;
                        }
                        if (state == RunState.RUNNING && !anyBusy()) {
                            if (allFinished()) {
                                setState(RunState.FINISHED, "finished"); // also when there was nothing left to do
                                return;
                            }
                            // every trainer reached its step target: pause again
                            setState(RunState.PAUSED, "paused after step");
                        }
                        changed.await();
                        index = nextRunnable();
                    }
                    busy[index] = true;
                } finally {
                    lock.unlock();
                }
                SeedRun trainer = trainers.get(index);
                long target = Math.min(stepTarget[index], trainer.handoffs() + CHUNK);
                boolean ok = trainer.runUntil(target, w -> listeners.forEach(l -> l.onWindow(w)));
                for (java.util.function.Consumer<SeedRun> hook : afterChunk) {
                    hook.accept(trainer);
                }
                lock.lock();
                try {
                    busy[index] = false;
                    if (!ok && (state == RunState.RUNNING || state == RunState.PAUSED)) {
                        setState(stopOnDivergence ? RunState.FAILED : RunState.DIVERGED, "diverged (" + trainer.algorithm()
                                + ", seed " + trainer.seed() + "): " + trainer.divergence());
                    } else if (allFinished() && !anyBusy() && !state.isTerminal()) {
                        setState(RunState.FINISHED, "finished");
                    }
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            lock.lock();
            try {
                if (!state.isTerminal()) {
                    setState(RunState.FAILED, "failed: " + describe(e));
                }
            } finally {
                lock.unlock();
            }
            org.slf4j.LoggerFactory.getLogger(TrainingRun.class).error("a trainer thread failed", e);
        } finally {
            lock.lock();
            try {
                workersAlive--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Handoffs a trainer runs between two looks at the run's state. */
    private static final long CHUNK = 1L << 16;

    /** The message of a failure and of what caused it, without the stack. */
    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
            sb.append(" (").append(c.getMessage()).append(')');
        }
        return sb.toString();
    }

    /** Round-robin: the least advanced trainer that may run now, or −1. */
    private int nextRunnable() {
        if (state != RunState.RUNNING) {
            return -1;
        }
        int best = -1;
        for (int i = 0; i < trainers.size(); i++) {
            SeedRun t = trainers.get(i);
            if (!busy[i] && !t.finished() && t.handoffs() < stepTarget[i] && t.divergence() == null
                    && (best < 0 || t.handoffs() < trainers.get(best).handoffs())) {
                best = i;
            }
        }
        return best;
    }

    private boolean allFinished() {
        for (SeedRun t : trainers) {
            if (!t.finished() && t.divergence() == null) {
                return false;
            }
        }
        return true;
    }

    private boolean anyBusy() {
        for (boolean b : busy) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private void setState(RunState s, String msg) {
        if (state == RunState.RUNNING && s != RunState.RUNNING) {
            activeNanos += System.nanoTime() - startNanos;
        } else if (state != RunState.RUNNING && s == RunState.RUNNING) {
            startNanos = System.nanoTime();
        }
        state = s;
        message = msg;
        changed.signalAll();
        for (TrainingListener l : listeners) {
            l.onStateChanged(s, msg);
        }
    }
}
