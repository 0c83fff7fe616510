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
 * Writes {@code docs/dashboard-runs-status.png} (the Runs panel listing a finished run, one whose process was killed —
 * interrupted — and one that diverged — failed) and {@code docs/dashboard-divergence.png} (a live run paused by a
 * divergence, the banner naming the agent, its view and the handoff): the real main window and dashboard. Runs only
 * when asked: {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -q -pl app -am test
 * -Dtest=RunFaultsScreenshotsFxTest -Dhandoff.screenshots=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "handoff.screenshots", matches = "true")
@ExtendWith(ApplicationExtension.class)
class RunFaultsScreenshotsFxTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/handoff/test/fault-shots-" + System.nanoTime());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, prefs);
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
    }

    @AfterEach
    void removeNode() throws Exception {
        prefs.removeNode();
    }

    private static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("sample-workflows"))) {
                return d;
            }
        }
        throw new IllegalStateException("repository root not found");
    }

    /** synthetic-gap with rewards that overflow Q: a valid workflow whose training diverges (same name as the sample). */
    private static Path hugeReward(Path dir) throws Exception {
        ObjectNode w = (ObjectNode) new ObjectMapper().readTree(root().resolve("sample-workflows/synthetic-gap.workflow.json")
                .toFile());
        ((ObjectNode) w.path("environment").path("parameters")).put("rGoal", 1e300);
        Path file = dir.resolve("synthetic-gap-huge-reward.workflow.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), w);
        return file;
    }

    private TrainingDashboardWindow openDashboard(FxRobot robot, Path workflow) throws Exception {
        robot.interact(() -> window.open(workflow));
        robot.clickOn("#train");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.dashboard() != null);
        TrainingDashboardWindow dash = window.dashboard();
        robot.interact(() -> {
            dash.stage().setWidth(1600);
            dash.stage().setHeight(1000);
            dash.stage().setX(0);
            dash.stage().setY(0);
        });
        return dash;
    }

    private static void shoot(FxRobot robot, Stage stage, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
        assertThat(Files.size(file)).isGreaterThan(50_000);
    }

    @Test
    void runsPanelShowsInterruptedAndFailedRunsAndADivergenceBanner(FxRobot robot, @TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        System.setProperty("handoff.runs", runs.toString());
        String gap = root().resolve("sample-workflows/synthetic-gap.workflow.json").toString();
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

        TrainingDashboardWindow dash = openDashboard(robot, Path.of(gap));
        Stage stage = dash.stage();
        TrainingDashboardViewModel vm = dash.view().viewModel();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.runs().runs().size() == 3);
        assertThat(vm.runs().runs()).extracting(RunFolders.Entry::status)
                .containsExactly(RunManifest.FAILED, RunManifest.INTERRUPTED, RunManifest.FINISHED);
        assertThat(vm.runs().runs().get(0).meanReturn()).as("a diverged run's J means nothing").isNull();
        Path docs = root().resolve("docs");
        shoot(robot, stage, docs.resolve("dashboard-runs-status.png"));
        robot.interact(stage::close);

        TrainingDashboardWindow diverging = openDashboard(robot, huge);
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
