package dev.handoff.views.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work a view-model hands to a {@link TaskExecutor}: {@code work} runs off the FX thread, then either {@code onSuccess}
 * with its result or {@code onFailure} with what it threw runs on the FX thread (in tests: on the caller's thread).
 */
public record BackgroundTask<T>(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
}
