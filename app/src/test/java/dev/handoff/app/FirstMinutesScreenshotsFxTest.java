package dev.handoff.app;

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
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's first minutes, photographed: the routing canvas, a new agent's name, Train, and the windows on the
 * screen. Writes {@code docs/first-minutes/*-SUFFIX.png} (SUFFIX from {@code -Dhandoff.shots.suffix}). Needs a real
 * display (whole-screen captures with ImageMagick's {@code import}):
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -o -pl app -am test -Dtest=FirstMinutesScreenshotsFxTest
 * -Dhandoff.screenshots=true -Dhandoff.shots.suffix=after -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "handoff.screenshots", matches = "true")
@ExtendWith(ApplicationExtension.class)
class FirstMinutesScreenshotsFxTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/handoff/test/first-minutes-" + System.nanoTime());
    private final String suffix = System.getProperty("handoff.shots.suffix", "after");
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, prefs);
        stage.show();
    }

    @AfterEach
    void removeNode() throws Exception {
        prefs.removeNode();
    }

    private Path shot(String name) throws Exception {
        Path dir = Repository.docs().resolve("first-minutes");
        Files.createDirectories(dir);
        return dir.resolve(name + "-" + suffix + ".png");
    }

    private void sceneShot(FxRobot robot, Stage s, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = s.getScene().snapshot(null));
        Path out = shot(name);
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.toFile());
        assertThat(Files.size(out)).isGreaterThan(10_000);
    }

    /** The whole (virtual) screen, so window placement shows. */
    private void screenShot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(1500);
        Path out = shot(name);
        Process p = new ProcessBuilder("import", "-window", "root", out.toString()).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.size(out)).isGreaterThan(10_000);
    }

    private void openSample(FxRobot robot, String sample) {
        robot.interact(() -> window.open(Repository.sample(sample)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void routingCanvasAtTheFittedZoom(FxRobot robot) throws Exception {
        openSample(robot, "routing-6x6");
        robot.interact(() -> window.editor().canvas().fitToView());
        sceneShot(robot, stage, "routing-6x6");
    }

    @Test
    void aNewAgentOnTheTenAgentRing(FxRobot robot) throws Exception {
        openSample(robot, "synthetic-ring10");
        robot.clickOn("#add-agent");
        sceneShot(robot, stage, "new-agent-name");
    }

    /** The dashboard's graph of routing-6x6 (its canvas had STOP on r25 and touching routers). */
    @Test
    void routingDashboardGraph(FxRobot robot, @TempDir Path runs) throws Exception {
        System.setProperty("handoff.runs", runs.toString());
        prefs.putBoolean("train.startsAtOnce", false);
        openSample(robot, "routing-6x6");
        robot.clickOn("#train");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.dashboard() != null);
        Stage dash = window.dashboard().stage();
        robot.interact(() -> {
            dash.setX(0);
            dash.setY(0);
            dash.setWidth(1600);
            dash.setHeight(1000);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        javafx.scene.Node graph = window.dashboard().view().graph();
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = graph.snapshot(null, null));
        Path out = shot("routing-6x6-dashboard-graph");
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.toFile());
        robot.interact(dash::close);
    }

    /**
     * Train on ring10 opens its dashboard beside the editor and trains; opening routing-6x6 closes it (asking if the run
     * is still going); Train there opens one dashboard, with a Window menu back to the editor.
     */
    @Test
    void trainThenAnotherWorkflowThenTrainAgain(FxRobot robot, @TempDir Path runs) throws Exception {
        System.setProperty("handoff.runs", runs.toString());
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1400);
            stage.setHeight(900);
        });
        openSample(robot, "synthetic-ring10");
        robot.clickOn("#train");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.dashboard() != null);
        screenShot("train-pressed");
        javafx.application.Platform.runLater(() -> window.open(Repository.sample("routing-6x6")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.lookup(".button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> "Stop the run and close".equals(b.getText())).findFirst().ifPresent(robot::clickOn);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.dashboard() == null);
        robot.interact(() -> stage.toFront());
        robot.clickOn("#train");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.dashboard() != null);
        javafx.scene.Node bar = window.dashboard().stage().getScene().getRoot().lookup(".menu-bar");
        robot.clickOn(bar.lookupAll(".menu").iterator().next()); // the dashboard's Window menu, open in the shot
        screenShot("windows");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith("Training · ")).count()).isEqualTo(1);
        robot.interact(() -> window.dashboard().stage().close());
    }
}
