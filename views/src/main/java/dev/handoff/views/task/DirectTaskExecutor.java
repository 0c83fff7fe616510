package dev.handoff.views.task;

/**
 * A {@link TaskExecutor} that runs each task at once on the calling thread and reports its outcome before returning:
 * view-model tests run background work deterministically with it, without an FX thread.
 */
public final class DirectTaskExecutor implements TaskExecutor {
    @Override
    public <T> void execute(BackgroundTask<T> task) {
        T result;
        try {
            result = task.work().call();
        } catch (Exception e) {
            task.onFailure().accept(e);
            return;
        }
        task.onSuccess().accept(result);
    }

    @Override
    public void shutdown() {
    }
}
