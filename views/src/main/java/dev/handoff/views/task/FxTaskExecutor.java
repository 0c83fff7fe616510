package dev.handoff.views.task;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application's {@link TaskExecutor}: a small pool of daemon threads (named after the work) runs each task, and its
 * outcome is handed to the FX thread with {@link Platform#runLater}.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private final ExecutorService pool;
    private volatile boolean shutDown;

    /** At most {@code threads} tasks at once; more wait their turn. */
    public FxTaskExecutor(int threads) {
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "handoff-task-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        try {
            pool.execute(() -> {
                Thread.currentThread().setName("handoff-task: " + task.title());
                T result;
                try {
                    result = task.work().call();
                } catch (Exception e) {
                    report(() -> task.onFailure().accept(e));
                    return;
                } catch (Error e) { // out of memory and the like: still tell the user, then let it propagate
                    report(() -> task.onFailure().accept(new IllegalStateException(e.toString(), e)));
                    throw e;
                }
                report(() -> task.onSuccess().accept(result));
            });
        } catch (RejectedExecutionException e) {
            task.onFailure().accept(new IllegalStateException("the window is closing: " + task.title() + " was not started"));
        }
    }

    private void report(Runnable outcome) {
        if (!shutDown) {
            Platform.runLater(outcome);
        }
    }

    @Override
    public void shutdown() {
        shutDown = true;
        pool.shutdown();
    }
}
