package dev.handoff.app;

import dev.handoff.app.TrainingWindowPolicy.Dashboard;
import dev.handoff.app.TrainingWindowPolicy.OnClose;
import dev.handoff.app.TrainingWindowPolicy.OnTrain;
import dev.handoff.train.RunState;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19.2 and 19.3 as rules, without a screen: Train means train; one dashboard; never close a run unasked. */
class TrainingWindowPolicyTest {

    @Test
    void trainOpensADashboardWhenThereIsNone() {
        assertThat(TrainingWindowPolicy.onTrain(null, true)).isEqualTo(OnTrain.OPEN);
        assertThat(TrainingWindowPolicy.onTrain(null, false)).isEqualTo(OnTrain.OPEN);
    }

    @Test
    void trainAgainOnTheSameDocumentReusesItsDashboardAndStartsItUnlessItRuns() {
        assertThat(TrainingWindowPolicy.onTrain(new Dashboard(true, RunState.READY), true)).isEqualTo(OnTrain.SHOW_AND_START);
        assertThat(TrainingWindowPolicy.onTrain(new Dashboard(true, RunState.FINISHED), true)).isEqualTo(OnTrain.SHOW_AND_START);
        assertThat(TrainingWindowPolicy.onTrain(new Dashboard(true, RunState.PAUSED), true)).isEqualTo(OnTrain.SHOW_AND_START);
        assertThat(TrainingWindowPolicy.onTrain(new Dashboard(true, RunState.RUNNING), true)).isEqualTo(OnTrain.SHOW);
        assertThat(TrainingWindowPolicy.onTrain(new Dashboard(true, RunState.READY), false)).isEqualTo(OnTrain.SHOW);
    }

    @Test
    void anEditedDocumentReplacesItsDashboardAskingOnlyIfARunIsGoing() {
        assertThat(TrainingWindowPolicy.onTrain(new Dashboard(false, RunState.FINISHED), true)).isEqualTo(OnTrain.REPLACE);
        assertThat(TrainingWindowPolicy.onTrain(new Dashboard(false, RunState.READY), false)).isEqualTo(OnTrain.REPLACE);
        assertThat(TrainingWindowPolicy.onTrain(new Dashboard(false, RunState.RUNNING), true)).isEqualTo(OnTrain.ASK_THEN_REPLACE);
        assertThat(TrainingWindowPolicy.onTrain(new Dashboard(false, RunState.PAUSED), true)).isEqualTo(OnTrain.ASK_THEN_REPLACE);
    }

    @Test
    void closingTheWorkflowClosesItsDashboardAskingOnlyIfARunIsGoing() {
        assertThat(TrainingWindowPolicy.onCloseWorkflow(null)).isEqualTo(OnClose.NOTHING);
        assertThat(TrainingWindowPolicy.onCloseWorkflow(new Dashboard(true, RunState.FINISHED))).isEqualTo(OnClose.CLOSE);
        assertThat(TrainingWindowPolicy.onCloseWorkflow(new Dashboard(true, RunState.CANCELLED))).isEqualTo(OnClose.CLOSE);
        assertThat(TrainingWindowPolicy.onCloseWorkflow(new Dashboard(false, RunState.RUNNING))).isEqualTo(OnClose.ASK_THEN_CLOSE);
        assertThat(TrainingWindowPolicy.onCloseWorkflow(new Dashboard(true, RunState.PAUSED))).isEqualTo(OnClose.ASK_THEN_CLOSE);
    }

    @Test
    void theDashboardOpensBesideTheEditorAndStaysOnTheScreen() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1600, 1000);
        Rectangle2D dash = WindowPlacement.beside(new Rectangle2D(0, 0, 1400, 900), screen, 1600, 1000);
        assertThat(dash).isEqualTo(new Rectangle2D(48, 48, 1552, 952));
        Rectangle2D far = WindowPlacement.beside(new Rectangle2D(1550, 980, 400, 300), screen, 1600, 1000);
        assertThat(far.getMinX()).isLessThanOrEqualTo(1600 - WindowPlacement.MIN_VISIBLE_WIDTH);
        assertThat(far.getMinY()).isLessThanOrEqualTo(1000 - WindowPlacement.MIN_VISIBLE_HEIGHT);
        assertThat(far.getMaxX()).isLessThanOrEqualTo(1600);
    }

    @Test
    void aRememberedPlaceIsUsedOnlyWhenItCanStillBeSeen() throws Exception {
        Preferences prefs = Preferences.userRoot().node("dev/handoff/test/placement-" + System.nanoTime());
        try {
            WindowPlacement p = new WindowPlacement(prefs, "dashboardWindow");
            List<Rectangle2D> screens = List.of(new Rectangle2D(0, 0, 1600, 1000));
            assertThat(p.remembered(screens)).isEmpty();
            p.remember(new Rectangle2D(200, 100, 1000, 700));
            assertThat(p.remembered(screens)).contains(new Rectangle2D(200, 100, 1000, 700));
            p.remember(new Rectangle2D(3000, 100, 1000, 700)); // on a second monitor that is gone
            assertThat(p.remembered(screens)).isEmpty();
            p.remember(new Rectangle2D(100, -500, 800, 520)); // title bar above the screen
            assertThat(p.remembered(screens)).isEmpty();
        } finally {
            prefs.removeNode();
        }
    }
}
