package dev.handoff.views.task;

/**
 * Where view-models send work that must not block the FX thread (evaluating a bundle, restoring a seed, running a
 * kind's programs), as JabRef's {@code TaskExecutor}: {@link FxTaskExecutor} in the application, {@link DirectTaskExecutor}
 * (synchronous) in tests. Views never start threads themselves.
 */
public interface TaskExecutor {
    /** Runs {@code task}'s work in the background and reports its outcome on the FX thread. */
    <T> void execute(BackgroundTask<T> task);

    /** Stops taking work; work already running finishes, its outcome is dropped. */
    void shutdown();
}
