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

    private static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("sample-workflows"))) {
                return d;
            }
        }
        throw new IllegalStateException("repository root not found");
    }

    private Path shot(String name) throws Exception {
        Path dir = root().resolve("docs/first-minutes");
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
        robot.interact(() -> window.open(root().resolve("sample-workflows/" + sample + ".workflow.json")));
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

    @Test
    void trainThenAnotherWorkflowThenTrainAgain(FxRobot robot, @TempDir Path runs) throws Exception {
        System.setProperty("handoff.runs", runs.toString());
        openSample(robot, "synthetic-ring10");
        robot.clickOn("#train");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.dashboard() != null);
        screenShot("train-pressed");
        robot.interact(() -> window.dashboard().stage().toBack());
        openSample(robot, "routing-6x6");
        robot.interact(() -> stage.toFront());
        robot.clickOn("#train");
        screenShot("windows");
    }
}
