package dev.handoff.views.task;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The two task executors: the application's runs work off the FX thread and reports on it; the tests' runs in place. */
@ExtendWith(ApplicationExtension.class)
class TaskExecutorFxTest {
    @Start
    void start(Stage stage) {
    }

    private record Seen(boolean workOnFx, boolean outcomeOnFx, Object outcome) {
    }

    private static Seen run(TaskExecutor executor, boolean fail) throws Exception {
        CompletableFuture<Seen> done = new CompletableFuture<>();
        boolean[] workOnFx = new boolean[1];
        executor.execute(new BackgroundTask<>("test", () -> {
            workOnFx[0] = Platform.isFxApplicationThread();
            if (fail) {
                throw new IllegalStateException("bad bundle");
            }
            return 42;
        }, r -> done.complete(new Seen(workOnFx[0], Platform.isFxApplicationThread(), r)),
                e -> done.complete(new Seen(workOnFx[0], Platform.isFxApplicationThread(), e.getMessage()))));
        return done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theFxExecutorWorksInTheBackgroundAndReportsOnTheFxThread() throws Exception {
        FxTaskExecutor executor = new FxTaskExecutor(1);
        assertThat(run(executor, false)).isEqualTo(new Seen(false, true, 42));
        assertThat(run(executor, true)).isEqualTo(new Seen(false, true, "bad bundle"));
        executor.shutdown();
        Seen refused = run(executor, false);
        assertThat((String) refused.outcome()).contains("not started");
    }

    @Test
    void theDirectExecutorRunsInPlaceBeforeReturning() throws Exception {
        int[] order = new int[2];
        new DirectTaskExecutor().execute(new BackgroundTask<>("test", () -> 7, r -> order[0] = r, e -> order[1] = -1));
        assertThat(order).containsExactly(7, 0);
        assertThat(run(new DirectTaskExecutor(), true).outcome()).isEqualTo("bad bundle");
    }
}
