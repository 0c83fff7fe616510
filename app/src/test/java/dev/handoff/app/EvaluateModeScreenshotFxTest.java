package dev.handoff.app;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.policy.PolicyBundle;
import dev.handoff.train.Algorithm;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.RunFolder;
import dev.handoff.views.evaluate.EvaluationViewModel;
import dev.handoff.views.evaluate.EvaluationWindow;
import dev.handoff.workflow.Workflow;
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
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes {@code docs/evaluate-mode.png}: the real main window opens {@code synthetic-gap}, Policies ▸ Evaluate bundle on
 * canvas opens evaluate mode, and a bundle trained for 200 000 handoffs plays 400 episodes and three more handoffs. Runs only when asked:
 * {@code xvfb-run -a -s "-screen 0 1400x900x24" mvn -B -q -pl app -am test -Dtest=EvaluateModeScreenshotFxTest
 * -Dhandoff.screenshots=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "handoff.screenshots", matches = "true")
@ExtendWith(ApplicationExtension.class)
class EvaluateModeScreenshotFxTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/handoff/test/eval-shots-" + System.nanoTime());
    private MainWindow window;

    @Start
    void start(Stage stage) {
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

    @Test
    void evaluateModeOnSyntheticGap(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path file = root().resolve("sample-workflows/synthetic-gap.workflow.json");
        Workflow gap = WorkflowLoading.loadValid(file);
        HeadlessTraining.run(new HeadlessTraining.Request(gap, WorkflowLoading.kindOf(gap), Algorithm.ICQ_TABULAR, List.of(1L),
                200_000, 1), tmp.resolve("run"), null);
        Path bundle = PolicyBundle.export(RunFolder.open(tmp.resolve("run")), 1, tmp.resolve("synthetic-gap-icq-seed1"), false);

        robot.interact(() -> window.open(file));
        EvaluationWindow[] w = new EvaluationWindow[1];
        robot.interact(() -> w[0] = window.openEvaluation());
        Stage stage = w[0].stage();
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1300);
            stage.setHeight(820);
            assertThat(w[0].view().loadBundle(bundle)).isTrue();
        });
        EvaluationViewModel vm = w[0].view().viewModel();
        robot.interact(() -> {
            for (int e = 0; e < 400; e++) {
                vm.runEpisode();
            }
            vm.stepOnce();
            vm.stepOnce();
            vm.stepOnce();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = stage.getScene().snapshot(null));
        Path out = Path.of(System.getProperty("handoff.screenshot.out", root().resolve("docs/evaluate-mode.png").toString()));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.toFile());
        assertThat(Files.size(out)).isGreaterThan(30_000);
        robot.interact(stage::close);
    }
}
