package dev.handoff.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.app.cli.HandoffCli;
import dev.handoff.train.RunFolder;
import dev.handoff.train.RunManifest;
import dev.handoff.train.RunState;
import dev.handoff.train.live.RunFolders;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.TrainingDashboardViewModel;
import dev.handoff.views.training.curves.ErrorView;
import dev.handoff.views.training.TrainingDashboardWindow;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes {@code docs/dashboard-light.png} and {@code docs/dashboard-dark.png}: the real main window opens
 * {@code synthetic-gap}, Train opens the dashboard, which trains in compare mode with 3 seeds; and
 * {@code docs/dashboard-cpu.png} / {@code docs/cpu-programs.png}: the CPU sample trained, then the policy table's
 * "Show this seed's programs…"; and {@code docs/dashboard-overlay.png}: independent learners training live over a past
 * IC-Q run's curve; {@code docs/dashboard-runs-status.png} (the Runs panel listing a failed, an interrupted and a finished
 * run), {@code docs/dashboard-divergence.png} (a live run paused by a divergence, the banner saying where), and the
 * routing and llm-math panels on a trained seed ({@code docs/routing-routes.png}, {@code docs/llm-held-out.png}). Runs only
 * when asked:
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -q -pl app -am test -Dtest=DashboardScreenshotsFxTest
 * -Dhandoff.screenshots=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "handoff.screenshots", matches = "true")
@ExtendWith(ApplicationExtension.class)
class DashboardScreenshotsFxTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/handoff/test/dash-shots-" + System.nanoTime());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        prefs.putBoolean("train.startsAtOnce", false); // these shots choose the learner and seeds before training
        window = new MainWindow(stage, prefs);
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
    }

    @AfterEach
    void removeNode() throws Exception {
        prefs.removeNode();
    }

    /** Opens the sample in the main window, presses Train and places the dashboard at 1600×1000 in the corner. */
    private TrainingDashboardWindow openDashboard(FxRobot robot, Path runs, String sample) throws Exception {
        System.setProperty("handoff.runs", runs.toString());
        return DashboardShots.openDashboard(robot, window, sample, null);
    }

    private static void shoot(FxRobot robot, Stage stage, Path file) throws Exception {
        DashboardShots.shoot(robot, stage.getScene(), file, 50_000);
    }

    /** Trains {@code mode} with 3 seeds from the toolbar's Train button and waits for the run to end. */
    private static void train(FxRobot robot, TrainingDashboardViewModel vm, TrainingMode mode) throws Exception {
        robot.interact(() -> {
            vm.run().modeProperty().set(mode);
            vm.run().seedsProperty().set(3);
        });
        robot.clickOn("#dash-train");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.run().stateProperty().get().isTerminal());
    }

    @Test
    void compareModeOnSyntheticGapWithThreeSeeds(FxRobot robot, @TempDir Path runs) throws Exception {
        TrainingDashboardWindow dash = openDashboard(robot, runs, "synthetic-gap");
        Stage stage = dash.stage();
        TrainingDashboardViewModel vm = dash.view().viewModel();
        robot.interact(() -> {
            vm.run().modeProperty().set(TrainingMode.COMPARE);
            vm.run().seedsProperty().set(3);
            vm.curves().errorViewProperty().set(ErrorView.COMPONENTS);
        });
        robot.clickOn("#dash-train");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.run().stateProperty().get().isTerminal());
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        robot.interact(() -> vm.focus().selectAgent(3));
        robot.interact(() -> dash.view().policyTable().getSelectionModel().select(4));
        Path docs = DashboardShots.root().resolve("docs");
        Files.createDirectories(docs);
        shoot(robot, stage, docs.resolve("dashboard-light.png"));
        robot.interact(() -> window.editor().viewMenu().getItems().stream()
                .filter(i -> i instanceof javafx.scene.control.CheckMenuItem).map(i -> (javafx.scene.control.CheckMenuItem) i)
                .findFirst().orElseThrow().setSelected(true));
        shoot(robot, stage, docs.resolve("dashboard-dark.png"));
        robot.interact(() -> window.editor().viewMenu().getItems().stream()
                .filter(i -> i instanceof javafx.scene.control.CheckMenuItem).map(i -> (javafx.scene.control.CheckMenuItem) i)
                .findFirst().orElseThrow().setSelected(false));
        robot.interact(stage::close);
    }

    @Test
    void cpuSampleTrainedThenProgramsOpenedFromThePolicyTable(FxRobot robot, @TempDir Path runs) throws Exception {
        TrainingDashboardWindow dash = openDashboard(robot, runs, "cpu-hackers-delight");
        Stage stage = dash.stage();
        TrainingDashboardViewModel vm = dash.view().viewModel();
        train(robot, vm, TrainingMode.ICQ_TABULAR);
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        robot.interact(() -> vm.focus().selectAgent(2));
        robot.interact(() -> dash.view().policyTable().getSelectionModel().select(1));
        Path docs = DashboardShots.root().resolve("docs");
        shoot(robot, stage, docs.resolve("dashboard-cpu.png"));
        robot.interact(() -> dash.view().policyTable().getContextMenu().getItems().stream()
                .filter(i -> "dash-policy-programs".equals(i.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Programs of")));
        Stage programs = (Stage) javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Programs of"))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<dev.handoff.views.training.extension.SeedReport.Item> tasks =
                (javafx.scene.control.ListView<dev.handoff.views.training.extension.SeedReport.Item>)
                        programs.getScene().getRoot().lookup(".list-view");
        robot.interact(() -> tasks.getSelectionModel().select(tasks.getItems().stream()
                .filter(t -> t.name().equals("hd14")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = programs.getScene().snapshot(null));
        Path out = docs.resolve("cpu-programs.png");
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.toFile());
        assertThat(Files.size(out)).isGreaterThan(10_000);
        robot.interact(programs::close);
        robot.interact(stage::close);
    }

    @Test
    void routingSampleTrainedThenRoutesComparedFromThePolicyTable(FxRobot robot, @TempDir Path runs) throws Exception {
        panelFromThePolicyTable(robot, runs, "routing-6x6", "dash-policy-routes", "Routing of", "routing-routes.png");
    }

    @Test
    void llmSampleTrainedThenScoredOnHeldOutQuestionsFromThePolicyTable(FxRobot robot, @TempDir Path runs) throws Exception {
        panelFromThePolicyTable(robot, runs, "llm-math-mixtral-gpt4", "dash-policy-held-out", "Held-out answers of",
                "llm-held-out.png");
    }

    /** Trains one IC-Q seed of {@code sample}, opens the kind's panel {@code itemId} from the policy table, shoots it. */
    private void panelFromThePolicyTable(FxRobot robot, Path runs, String sample, String itemId, String titleStart,
                                         String file) throws Exception {
        TrainingDashboardWindow dash = openDashboard(robot, runs, sample);
        Stage stage = dash.stage();
        TrainingDashboardViewModel vm = dash.view().viewModel();
        robot.interact(() -> {
            vm.run().modeProperty().set(TrainingMode.ICQ_TABULAR);
            vm.run().seedsProperty().set(1);
        });
        robot.clickOn("#dash-train");
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.run().stateProperty().get().isTerminal());
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        robot.interact(() -> dash.view().policyTable().getContextMenu().getItems().stream()
                .filter(i -> itemId.equals(i.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith(titleStart)));
        Stage panel = (Stage) javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith(titleStart))
                .findFirst().orElseThrow();
        assertThat(panel.getScene().getRoot().lookup("#panel-table")).isNotNull();
        DashboardShots.shoot(robot, panel.getScene(), DashboardShots.root().resolve("docs").resolve(file), 20_000);
        robot.interact(panel::close);
        robot.interact(stage::close);
    }

    @Test
    void pastIcqRunOverlaidWhileIndependentLearnersTrain(FxRobot robot, @TempDir Path runs) throws Exception {
        TrainingDashboardWindow dash = openDashboard(robot, runs, "synthetic-gap");
        Stage stage = dash.stage();
        TrainingDashboardViewModel vm = dash.view().viewModel();
        train(robot, vm, TrainingMode.ICQ_TABULAR);
        robot.interact(vm.run()::reset);
        train(robot, vm, TrainingMode.INDEPENDENT);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<dev.handoff.train.live.RunFolders.Entry> list =
                (javafx.scene.control.ListView<dev.handoff.train.live.RunFolders.Entry>) stage.getScene().lookup("#dash-runs");
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(e -> e.algorithm().equals("icq-tabular")).findFirst().orElseThrow()));
        assertThat(vm.runs().overlaid()).hasSize(1);
        assertThat(vm.runs().overlaid().get(0).curve()).isNotNull();
        shoot(robot, stage, DashboardShots.root().resolve("docs/dashboard-overlay.png"));
        robot.interact(stage::close);
    }

    /** synthetic-gap with rewards that overflow Q: a valid workflow whose training diverges (same name as the sample). */
    private static Path hugeReward(Path dir) throws Exception {
        ObjectNode w = (ObjectNode) new ObjectMapper().readTree(DashboardShots.root()
                .resolve("sample-workflows/synthetic-gap.workflow.json").toFile());
        ((ObjectNode) w.path("environment").path("parameters")).put("rGoal", 1e300);
        Path file = dir.resolve("synthetic-gap-huge-reward.workflow.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), w);
        return file;
    }

    @Test
    void runsPanelShowsInterruptedAndFailedRunsAndADivergenceBanner(FxRobot robot, @TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        System.setProperty("handoff.runs", runs.toString()); // RunFolders.defaultRoot below reads it
        String gap = DashboardShots.root().resolve("sample-workflows/synthetic-gap.workflow.json").toString();
        Path folders = RunFolders.defaultRoot("Synthetic ring of 10 with an interface gap");
        // a finished run
        assertThat(HandoffCli.run("train", gap, "--seeds", "1..2", "--handoffs", "300000", "--out",
                folders.resolve("20261207-100000-icq-tabular").toString())).isZero();
        // a run whose process is killed with SIGKILL after its first checkpoints: interrupted
        Path killed = folders.resolve("20261207-110000-icq-tabular");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), HandoffCli.class.getName(), "train", gap, "--seeds", "1..2",
                "--handoffs", "400000000", "--checkpoint-every", "300000", "--out", killed.toString())
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile()).start();
        Path checkpoint = killed.resolve("checkpoints/icq-tabular-seed2.ckpt");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> Files.exists(checkpoint));
        child.destroyForcibly();
        child.waitFor();
        assertThat(RunFolder.statusOf(killed)).isEqualTo(RunManifest.INTERRUPTED);
        // a run that diverges: failed, with the reason
        Path huge = hugeReward(dir);
        assertThat(HandoffCli.run("train", huge.toString(), "--seed", "1", "--handoffs", "5000000", "--out",
                folders.resolve("20261207-120000-icq-tabular").toString())).isEqualTo(1);

        TrainingDashboardWindow dash = DashboardShots.openDashboard(robot, window, Path.of(gap), null);
        Stage stage = dash.stage();
        TrainingDashboardViewModel vm = dash.view().viewModel();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.runs().runs().size() == 3);
        assertThat(vm.runs().runs()).extracting(RunFolders.Entry::status)
                .containsExactly(RunManifest.FAILED, RunManifest.INTERRUPTED, RunManifest.FINISHED);
        assertThat(vm.runs().runs().get(0).meanReturn()).as("a diverged run's J means nothing").isNull();
        Path docs = DashboardShots.root().resolve("docs");
        shoot(robot, stage, docs.resolve("dashboard-runs-status.png"));
        robot.interact(stage::close);

        TrainingDashboardWindow diverging = DashboardShots.openDashboard(robot, window, huge, dash);
        TrainingDashboardViewModel dvm = diverging.view().viewModel();
        robot.interact(() -> {
            dvm.run().modeProperty().set(TrainingMode.ICQ_TABULAR);
            dvm.run().seedsProperty().set(1);
        });
        robot.clickOn("#dash-train");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> dvm.run().stateProperty().get() == RunState.DIVERGED);
        assertThat(dvm.run().notificationProperty().get()).contains("training paused: diverged (icq-tabular, seed 1): agent a")
                .contains("view \"progress=").contains("at handoff");
        shoot(robot, diverging.stage(), docs.resolve("dashboard-divergence.png"));
        robot.interact(dvm.run()::stop);
        robot.interact(diverging.stage()::close);
        assertThat(List.of(docs.resolve("dashboard-runs-status.png"), docs.resolve("dashboard-divergence.png")))
                .allSatisfy(f -> assertThat(f).exists());
    }
}
