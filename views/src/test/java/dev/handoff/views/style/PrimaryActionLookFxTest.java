package dev.handoff.views.style;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.views.editor.EditorView;
import dev.handoff.views.editor.EditorViewModel;
import dev.handoff.views.training.TrainingDashboardView;
import dev.handoff.views.training.TrainingDashboardViewModel;
import dev.handoff.workflow.Workflow;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19.1: the enabled Train button looks primary (the theme's accent, white text) in the dashboard's tool bar and in
 * the editor, and a disabled Train looks plainly different (no accent colour), in the light and the dark theme.
 */
@ExtendWith(ApplicationExtension.class)
class PrimaryActionLookFxTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static Path sample(String name) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("sample-workflows"))) {
                return d.resolve("sample-workflows").resolve(name + ".workflow.json");
            }
        }
        throw new IllegalStateException("sample-workflows not found");
    }

    /** Shows {@code root} in the given theme and returns the button {@code id} with its CSS applied. */
    private Button show(FxRobot robot, Parent root, boolean dark, String id) {
        Button[] b = new Button[1];
        robot.interact(() -> {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            stage.setScene(new Scene(root, 1280, 800));
            stage.show();
            root.applyCss();
            root.layout();
            b[0] = (Button) root.lookup("#" + id);
        });
        return b[0];
    }

    private static Color background(Button b) {
        Paint p = b.getBackground().getFills().get(b.getBackground().getFills().size() - 1).getFill();
        return (Color) p;
    }

    /** The mean colour of the button as drawn (opacity included), over the scene's background. */
    private static Color drawn(FxRobot robot, Button b) {
        Color[] c = new Color[1];
        robot.interact(() -> {
            Image img = b.getScene().snapshot(null);
            javafx.geometry.Bounds r = b.localToScene(b.getBoundsInLocal());
            PixelReader px = img.getPixelReader();
            double red = 0;
            double green = 0;
            double blue = 0;
            int n = 0;
            for (int x = (int) r.getMinX() + 3; x < (int) r.getMaxX() - 3; x++) {
                for (int y = (int) r.getMinY() + 3; y < (int) r.getMaxY() - 3; y++) {
                    Color p = px.getColor(x, y);
                    red += p.getRed();
                    green += p.getGreen();
                    blue += p.getBlue();
                    n++;
                }
            }
            c[0] = Color.color(red / n, green / n, blue / n);
        });
        return c[0];
    }

    /** AtlantaFX Primer's accent blues (-color-accent-emphasis, and -color-accent-6 when focused): hue about 212°. */
    private static boolean isAccent(Color c) {
        return c.getSaturation() > 0.6 && c.getHue() > 200 && c.getHue() < 225;
    }

    private static void assertLooksPrimary(Button b, Color drawn) {
        assertThat(b.isDisabled()).isFalse();
        assertThat(isAccent(background(b))).as("background %s of %s is the accent", background(b), b.getId()).isTrue();
        assertThat(b.getTextFill()).as("text of %s", b.getId()).isEqualTo(Color.WHITE);
        assertThat(drawn.getBlue() - drawn.getRed()).as("drawn %s is blue", drawn).isGreaterThan(0.3);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void dashboardTrainLooksPrimaryAndPauseDisabledLooksDifferent(boolean dark, FxRobot robot) throws Exception {
        Workflow w = WorkflowLoading.loadValid(sample("synthetic-gap"));
        TrainingDashboardView view = new TrainingDashboardView(new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w),
                Files.createTempDirectory("runs")));
        Button train = show(robot, view, dark, "dash-train");
        assertLooksPrimary(train, drawn(robot, train));
        Button pause = (Button) view.lookup("#dash-pause");
        assertThat(pause.isDisabled()).isTrue();
        Color pauseDrawn = drawn(robot, pause);
        assertThat(Math.abs(pauseDrawn.getBlue() - pauseDrawn.getRed())).as("a disabled button is not blue").isLessThan(0.1);
        robot.interact(view::dispose);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void editorTrainIsAccentWhenValidAndGreyWhenDisabled(boolean dark, FxRobot robot) throws Exception {
        EditorView valid = new EditorView(EditorViewModel.standard());
        valid.viewModel().document().open(sample("synthetic-gap"));
        Button enabled = show(robot, valid, dark, "train");
        Color enabledDrawn = drawn(robot, enabled);
        assertLooksPrimary(enabled, enabledDrawn);

        EditorView blank = new EditorView(EditorViewModel.standard()); // a new document has problems: Train is disabled
        Button disabled = show(robot, blank, dark, "train");
        assertThat(disabled.isDisabled()).isTrue();
        assertThat(isAccent(background(disabled))).as("disabled background %s", background(disabled)).isFalse();
        Color disabledDrawn = drawn(robot, disabled);
        assertThat(Math.abs(disabledDrawn.getBlue() - disabledDrawn.getRed())).as("disabled Train %s is grey", disabledDrawn)
                .isLessThan(0.1);
        assertThat(colourDistance(enabledDrawn, disabledDrawn)).isGreaterThan(0.3);
    }

    private static double colourDistance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }
}
