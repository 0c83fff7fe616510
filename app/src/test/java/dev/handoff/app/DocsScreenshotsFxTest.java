package dev.handoff.app;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.WorkflowJson;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.CheckMenuItem;
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
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the README's screenshots ({@code docs/editor-light.png}, {@code docs/editor-dark.png}): the 10-agent ring
 * after auto-layout with one agent selected; and {@code docs/inspector-neural.png}, the workflow's neural settings. Runs only when asked:
 * {@code xvfb-run -a -s "-screen 0 1400x900x24" mvn -pl app -am test -Dtest=DocsScreenshotsFxTest -Dhandoff.screenshots=true}.
 */
@EnabledIfSystemProperty(named = "handoff.screenshots", matches = "true")
@ExtendWith(ApplicationExtension.class)
class DocsScreenshotsFxTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/handoff/test/shots-" + System.nanoTime());
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, prefs);
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
    }

    @AfterEach
    void removeNode() throws Exception {
        prefs.removeNode();
    }

    private static Path docs() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("model")) && Files.isDirectory(d.resolve("views"))) {
                return d.resolve("docs");
            }
        }
        throw new IllegalStateException("repository root not found");
    }

    private void shoot(FxRobot robot, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = stage.getScene().snapshot(null));
        BufferedImage b = SwingFXUtils.fromFXImage(img[0], null);
        Files.createDirectories(file.getParent());
        ImageIO.write(b, "png", file.toFile());
        assertThat(Files.size(file)).isGreaterThan(20_000);
        assertThat(b.getWidth()).isEqualTo((int) stage.getScene().getWidth());
    }

    @Test
    void lightAndDarkEditorOnTheTenAgentRing(FxRobot robot, @TempDir Path dir) throws Exception {
        Path ring = dir.resolve("synthetic-ring10.workflow.json");
        WorkflowJson.write(SyntheticTemplates.ring("Synthetic ring (10 agents)", 10, 0.0, 0.1), ring);
        robot.interact(() -> window.open(ring));
        robot.clickOn("#auto-layout");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(window.editor().canvas().nodeView("a2"));
        shoot(robot, docs().resolve("editor-light.png"));
        CheckMenuItem dark = window.editor().viewMenu().getItems().stream()
                .filter(i -> i instanceof CheckMenuItem).map(i -> (CheckMenuItem) i).findFirst().orElseThrow();
        robot.interact(() -> dark.setSelected(true));
        shoot(robot, docs().resolve("editor-dark.png"));
        robot.interact(() -> dark.setSelected(false));
    }

    /** {@code docs/inspector-neural.png}: the workflow inspector's neural settings, each at the value the learner uses. */
    @Test
    void inspectorShowsTheNeuralSettings(FxRobot robot, @TempDir Path dir) throws Exception {
        Path gap = dir.resolve("synthetic-gap.workflow.json");
        WorkflowJson.write(SyntheticTemplates.ring("Synthetic ring of 10 with an interface gap", 10, 1.0, 0.05), gap);
        robot.interact(() -> window.open(gap));
        robot.interact(() -> window.editor().viewModel().inspector().set("train.algorithm", "icq-neural"));
        robot.interact(() -> window.editor().viewModel().inspector().set("train.neural.width", 128));
        javafx.scene.control.TitledPane neural = robot.lookup(n -> n instanceof javafx.scene.control.TitledPane t
                && t.getText().startsWith("Neural network")).query();
        javafx.scene.control.SplitPane side = robot.lookup(n -> n instanceof javafx.scene.control.SplitPane sp
                && sp.getOrientation() == javafx.geometry.Orientation.VERTICAL).query();
        robot.interact(() -> {
            neural.setExpanded(true);
            side.setDividerPositions(1.0); // the inspector over the whole side, the problems list (empty) folded away
        });
        assertThat(window.editor().viewModel().inspector().field("train.neural.width").value()).isEqualTo(128);
        shoot(robot, docs().resolve("inspector-neural.png"));
    }
}
