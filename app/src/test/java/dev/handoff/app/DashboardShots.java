package dev.handoff.app;

import dev.handoff.views.training.TrainingDashboardWindow;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dashboard's screenshot tests share: the repository, a scene written as PNG, a sample's dashboard opened. */
final class DashboardShots {
    private DashboardShots() {
    }

    static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("sample-workflows"))) {
                return d;
            }
        }
        throw new IllegalStateException("repository root not found");
    }

    /** Writes what {@code scene} shows as a PNG, once the FX thread has settled; it must be over {@code minBytes}. */
    static void shoot(FxRobot robot, Scene scene, Path file, long minBytes) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(600);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = scene.snapshot(null));
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
        assertThat(Files.size(file)).isGreaterThan(minBytes);
    }

    /**
     * Opens the sample in the main window, presses Train and places the new dashboard (not {@code previous}) at
     * 1600×1000 in the screen's corner.
     */
    static TrainingDashboardWindow openDashboard(FxRobot robot, MainWindow window, String sample,
                                                 TrainingDashboardWindow previous) throws Exception {
        return openDashboard(robot, window, root().resolve("sample-workflows/" + sample + ".workflow.json"), previous);
    }

    /** As {@link #openDashboard(FxRobot, MainWindow, String, TrainingDashboardWindow)} for any workflow file. */
    static TrainingDashboardWindow openDashboard(FxRobot robot, MainWindow window, Path workflow,
                                                 TrainingDashboardWindow previous) throws Exception {
        robot.interact(() -> window.open(workflow));
        robot.clickOn("#train");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.dashboard() != null && window.dashboard() != previous);
        TrainingDashboardWindow dash = window.dashboard();
        robot.interact(() -> {
            dash.stage().setWidth(1600);
            dash.stage().setHeight(1000);
            dash.stage().setX(0);
            dash.stage().setY(0);
        });
        return dash;
    }
}
