package dev.handoff.views.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One background thread for small writes that must happen in order (the autosave), with a way to wait until the
 * writes handed over so far are done. The thread is a daemon: a lane never keeps the application alive.
 */
public final class SerialLane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SerialLane.class);
    private final ExecutorService thread;
    private final String name;

    public SerialLane(String name) {
        this.name = name;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} after everything handed over before it; nothing once the lane is closed. */
    public void execute(Runnable work) {
        if (!thread.isShutdown()) {
            thread.execute(work);
        }
    }

    /** Waits (at most {@code limit}) until the work handed over so far is done; false when it was not. */
    public boolean flush(Duration limit) {
        if (thread.isShutdown()) {
            return true;
        }
        try {
            thread.submit(() -> { }).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{} did not finish within {}", name, limit, e);
            return false;
        }
    }

    /** Lets the work already handed over finish (at most 5 s), then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("{} still busy at exit", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
