package dev.handoff.views.evaluate;

import atlantafx.base.theme.PrimerLight;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.policy.PolicyBundle;
import dev.handoff.train.Algorithm;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.RunFolder;
import dev.handoff.workflow.Workflow;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Evaluate mode through its buttons: load a trained bundle, step, play an episode, play and pause; a misfit is explained. */
@ExtendWith(ApplicationExtension.class)
class EvaluationViewFxTest {
    @TempDir
    static Path dir;
    private static Workflow gap;
    private static EnvironmentKind kind;
    private static Path bundle;
    private EvaluationView view;

    @BeforeAll
    static void trainAndExport() throws Exception {
        gap = WorkflowLoading.loadValid(EvaluationViewModelTest.repoRoot().resolve("sample-workflows/synthetic-gap.workflow.json"));
        kind = WorkflowLoading.kindOf(gap);
        HeadlessTraining.run(new HeadlessTraining.Request(gap, kind, Algorithm.ICQ_TABULAR, List.of(1L), 200_000, 1),
                dir.resolve("run"), null);
        bundle = PolicyBundle.export(RunFolder.open(dir.resolve("run")), 1, dir.resolve("bundle"), false);
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new EvaluationView(new EvaluationViewModel(gap, kind, new FxPlaybackTicker()));
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void loadStepPlayAnEpisodePlayAndPause(FxRobot robot) throws Exception {
        EvaluationViewModel vm = view.viewModel();
        assertThat(robot.lookup("#eval-step").queryButton().isDisabled()).isTrue();
        robot.interact(() -> assertThat(view.loadBundle(bundle)).isTrue());
        assertThat(text(robot, "#eval-exact")).matches("-?\\d+\\.\\d{4}");
        assertThat(text(robot, "#eval-holder")).contains("holds the artifact");

        robot.clickOn("#eval-step");
        assertThat(text(robot, "#eval-handoffs")).isEqualTo("1");
        assertThat(view.graph().edgeLabels()).singleElement().asString()
                .startsWith(vm.lastStepProperty().get().holderId() + " → " + vm.lastStepProperty().get().receiverId() + ": m ");

        robot.clickOn("#eval-episode");
        assertThat(text(robot, "#eval-episodes")).isEqualTo("1");
        assertThat(String.valueOf(robot.lookup("#eval-log").queryListView().getItems().get(0))).contains(" · return ");

        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> speed = robot.lookup("#eval-speed").queryAs(ComboBox.class);
            speed.setValue("1 000 /s");
        });
        assertThat(vm.speedProperty().get()).isEqualTo(1000);
        long before = vm.handoffsProperty().get();
        robot.clickOn("#eval-play");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.episodesProperty().get() > 5);
        robot.clickOn("#eval-pause");
        assertThat(vm.stateProperty().get()).isEqualTo(EvaluationViewModel.State.READY);
        long paused = vm.handoffsProperty().get();
        assertThat(paused).isGreaterThan(before);
        Thread.sleep(300);
        assertThat(vm.handoffsProperty().get()).isEqualTo(paused);
        assertThat(text(robot, "#eval-mean")).contains("±");

        robot.clickOn("#eval-reset");
        assertThat(text(robot, "#eval-handoffs")).isEqualTo("0");
        assertThat(robot.lookup("#eval-log").queryListView().getItems()).isEmpty();
    }

    @Test
    void aMisfitBundleOpensADialogListingEveryDifference(FxRobot robot) throws Exception {
        Workflow fewer = gap.withAgents(gap.agents().subList(0, gap.agents().size() - 1))
                .withHandoffs(gap.handoffs().stream().filter(h -> !h.from().equals(gap.agents().get(gap.agents().size() - 1).id())
                        && !h.to().equals(gap.agents().get(gap.agents().size() - 1).id())).toList());
        robot.interact(() -> {
            Stage s = new Stage();
            view = new EvaluationView(new EvaluationViewModel(fewer, kind, new FxPlaybackTicker()));
            s.setScene(new Scene(view, 900, 600));
            s.show();
            assertThat(view.loadBundle(bundle)).isFalse();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = robot.lookup(".eval-problem").queryAll().stream().map(n -> ((Label) n).getText()).toList();
        assertThat(shown).singleElement().asString().startsWith("•  agents differ").contains("not in the workflow: ["
                + gap.agents().get(gap.agents().size() - 1).id() + "]");
        Node ok = robot.lookup(".dialog-pane .button").query();
        robot.clickOn(ok);
        assertThat(view.viewModel().stateProperty().get()).isEqualTo(EvaluationViewModel.State.REFUSED);
        assertThat(robot.lookup("#eval-play").queryButton().isDisabled()).isTrue();
    }
}
