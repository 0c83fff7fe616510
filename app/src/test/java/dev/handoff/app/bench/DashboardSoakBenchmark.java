package dev.handoff.app.bench;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.TrainingDashboardViewModel;
import dev.handoff.views.training.TrainingDashboardWindow;
import dev.handoff.workflow.Workflow;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live dashboard over a long run (issue 13 "Long runs", issue 16.6 "memory after 10 minutes flat"), a soak of the
 * real app, not a unit test: the dashboard window (1600×1000) trains tabular IC-Q at full speed for
 * {@code handoff.soak.minutes} on {@code handoff.soak.workflow} with {@code handoff.soak.seeds} seeds, while a
 * {@link HeapSampler} writes the heap every 10 s (the live heap after a full collection every minute) to
 * {@code app/target/<name>-heap.csv} and a {@link PulseRecorder} keeps the FX pulse intervals; the largest classes on
 * the heap after 1 minute and at the end go to {@code app/target/<name>-histograms.txt}. Prints the pulse summary and
 * the first and last heap samples.
 * Run by {@code benchmarks/scripts/soak-dashboard.sh}.
 */
@EnabledIfSystemProperty(named = "handoff.benchmark", matches = "true")
@ExtendWith(ApplicationExtension.class)
class DashboardSoakBenchmark {
    private static final String SAMPLE = System.getProperty("handoff.soak.workflow", "routing-lata.workflow.json");
    private static final double MINUTES = Double.parseDouble(System.getProperty("handoff.soak.minutes", "30"));
    private static final int SEEDS = Integer.getInteger("handoff.soak.seeds", 3);

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void dashboardTrainsLiveForALongRun(FxRobot robot, @TempDir Path runs) throws Exception {
        Workflow sample = WorkflowLoading.loadValid(Bench.sample(SAMPLE));
        Workflow w = sample.withTraining(sample.training().withHandoffs(Long.MAX_VALUE / 4));
        System.setProperty("handoff.runs", runs.toString());
        TrainingDashboardWindow[] dash = new TrainingDashboardWindow[1];
        robot.interact(() -> {
            dash[0] = new TrainingDashboardWindow(null, w, new SimpleBooleanProperty(false));
            dash[0].stage().setWidth(1600);
            dash[0].stage().setHeight(1000);
            dash[0].show();
        });
        TrainingDashboardViewModel vm = dash[0].view().viewModel();
        String name = SAMPLE.replace(".workflow.json", "");
        Path csv = Path.of("target", name + "-heap.csv");
        PulseRecorder pulses = new PulseRecorder((int) (MINUTES * 60 * 120) + 1000, null);
        robot.interact(() -> {
            vm.run().modeProperty().set(TrainingMode.ICQ_TABULAR);
            vm.run().seedsProperty().set(SEEDS);
            pulses.start();
            vm.run().train();
        });
        try (HeapSampler heap = new HeapSampler(csv, 10, 6, () -> vm.run().live().status().handoffsDone())) {
            WaitForAsyncUtils.sleep(60, TimeUnit.SECONDS);
            List<String> early = HeapSampler.classHistogram(25);
            WaitForAsyncUtils.sleep((long) (MINUTES * 60_000) - 60_000, TimeUnit.MILLISECONDS);
            List<String> late = HeapSampler.classHistogram(25);
            Files.write(Path.of("target", name + "-histograms.txt"), java.util.stream.Stream.of(
                    List.of("after 1 minute:"), early, List.of("", "after " + MINUTES + " minutes:"), late).flatMap(List::stream).toList());
            assertThat(vm.run().stateProperty().get().isTerminal()).as("still training after %s minutes", MINUTES).isFalse();
            long handoffs = vm.run().live().status().handoffsDone();
            robot.interact(() -> {
                pulses.stop();
                vm.run().stop();
            });
            List<String> rows = heap.rows();
            String line = String.format(Locale.ROOT, "SOAK dashboard, %s, icq-tabular, %d seeds, %.0f min: %,d handoffs "
                            + "(%.2fM/s); FX %s; heap samples %d (every 10 s) in %s: first %s, last %s", SAMPLE, SEEDS, MINUTES,
                    handoffs, handoffs / (MINUTES * 60) / 1e6, pulses.summary(), rows.size() - 1, csv, rows.get(1),
                    rows.get(rows.size() - 1));
            System.out.println(line);
            Files.writeString(Path.of("target", name + "-soak.txt"), line + System.lineSeparator());
        }
        robot.interact(() -> dash[0].stage().close());
    }
}
