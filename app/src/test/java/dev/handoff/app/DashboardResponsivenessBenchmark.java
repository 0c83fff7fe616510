package dev.handoff.app;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.train.Algorithm;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.RunState;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.TrainingDashboardViewModel;
import dev.handoff.views.training.TrainingDashboardWindow;
import dev.handoff.workflow.Workflow;
import javafx.animation.AnimationTimer;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The responsiveness benchmark of issue 5 (not a unit test): tabular IC-Q at full speed on the 10-agent sample, first
 * headless (the CLI's engine), then with the dashboard open while a pulse listener (an animation timer) records the
 * FX pulse intervals. Prints p50/p99/max pulse interval and both handoffs/s. Run only when asked:
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -q -pl app -am test -Dtest=DashboardResponsivenessBenchmark
 * -Dhandoff.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "handoff.benchmark", matches = "true")
@ExtendWith(ApplicationExtension.class)
class DashboardResponsivenessBenchmark {
    private static final long BUDGET = Long.getLong("handoff.benchmark.handoffs", 20_000_000L);
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    @Start
    void start(Stage stage) {
        stage.show();
    }

    private static Workflow ring() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("sample-workflows"))) {
            root = root.getParent();
        }
        Workflow w = WorkflowLoading.loadValid(root.resolve("sample-workflows/synthetic-ring10.workflow.json"));
        return w.withTraining(w.training().withHandoffs(BUDGET));
    }

    private static int parallelism() {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() - 1, 4)); // as the dashboard uses
    }

    @Test
    void pulseIntervalAndTrainerThroughputWithTheDashboardOpen(FxRobot robot, @TempDir Path runs) throws Exception {
        Workflow w = ring();
        // headless, the CLI's engine, same seeds and threads
        HeadlessTraining.Result headless = HeadlessTraining.run(new HeadlessTraining.Request(w, WorkflowLoading.kindOf(w),
                Algorithm.ICQ_TABULAR, SEEDS, BUDGET, parallelism()), null, null);
        double headlessRate = headless.summary().handoffsPerSecond();

        System.setProperty("handoff.runs", runs.toString());
        TrainingDashboardWindow[] dash = new TrainingDashboardWindow[1];
        robot.interact(() -> {
            dash[0] = new TrainingDashboardWindow(null, w, new SimpleBooleanProperty(false));
            dash[0].stage().setWidth(1600);
            dash[0].stage().setHeight(1000);
            dash[0].show();
        });
        TrainingDashboardViewModel vm = dash[0].view().viewModel();
        long[] intervals = new long[1 << 16];
        int[] n = {0};
        long[] last = {0};
        boolean[] recording = {false};
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (recording[0] && last[0] != 0 && n[0] < intervals.length) {
                    intervals[n[0]++] = now - last[0];
                }
                last[0] = now;
            }
        };
        robot.interact(() -> {
            vm.run().modeProperty().set(TrainingMode.ICQ_TABULAR);
            vm.run().seedsProperty().set(SEEDS.size());
            pulses.start();
        });
        Thread.sleep(500);
        robot.interact(() -> {
            recording[0] = true;
            vm.run().train();
        });
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> vm.run().stateProperty().get().isTerminal());
        robot.interact(() -> recording[0] = false);
        pulses.stop();
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        double dashRate = vm.run().live().status().handoffsPerSecond();
        long[] ms = Arrays.copyOf(intervals, n[0]);
        Arrays.sort(ms);
        double p50 = ms[ms.length / 2] / 1e6;
        double p99 = ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)] / 1e6;
        double max = ms[ms.length - 1] / 1e6;
        String report = String.format(Locale.ROOT, "BENCHMARK synthetic-ring10, icq-tabular, %d seeds x %,d handoffs, %d trainer "
                        + "thread(s), %d cores: headless %.2fM handoffs/s; dashboard %.2fM handoffs/s (%.0f%%); FX pulses %d, "
                        + "interval p50 %.1f ms, p99 %.1f ms, max %.1f ms", SEEDS.size(), BUDGET, parallelism(),
                Runtime.getRuntime().availableProcessors(), headlessRate / 1e6, dashRate / 1e6, 100 * dashRate / headlessRate,
                ms.length, p50, p99, max);
        System.out.println(report);
        Files.writeString(Path.of("target", "dashboard-benchmark.txt"), report + System.lineSeparator());
        assertThat(ms.length).isGreaterThan(10);
        robot.interact(() -> dash[0].stage().close());
    }
}
