package dev.handoff.views.editor;

import atlantafx.base.theme.PrimerLight;
import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.graph.GraphCanvas;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor driven through its controls by a robot (headless on Monocle when there is no display). */
@ExtendWith(ApplicationExtension.class)
class EditorViewFxTest {
    private EditorView view;
    private DocumentViewModel doc;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new EditorView(EditorViewModel.standard());
        doc = view.viewModel().document();
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    private Point2D centreOf(Node n) {
        Bounds b = n.localToScreen(n.getBoundsInLocal());
        return new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
    }

    private List<String> agentIds() {
        return doc.document().agents().stream().map(AgentSpec::id).toList();
    }

    @Test
    void createTwoAgentsConnectThemByDraggingThenUndoAndRedo(FxRobot robot) {
        robot.clickOn("#add-agent");
        robot.clickOn("#add-agent");
        assertThat(doc.document().agents()).hasSize(2);
        String a = agentIds().get(0);
        String b = agentIds().get(1);
        GraphCanvas canvas = view.canvas();

        Bounds port = canvas.portScreenBounds(a);
        robot.drag(new Point2D(port.getCenterX(), port.getCenterY()), MouseButton.PRIMARY);
        robot.moveTo(centreOf(canvas.nodeView(b)));
        assertThat(canvas.connectionHint()).isEqualTo("Connect Agent 1 → Agent 2");
        robot.drop();
        assertThat(doc.document().handoffs()).containsExactly(new HandoffSpec(a, b));
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Connect Agent 1 → Agent 2");

        robot.clickOn("#undo");
        assertThat(doc.document().handoffs()).isEmpty();
        robot.clickOn("#redo");
        assertThat(doc.document().handoffs()).containsExactly(new HandoffSpec(a, b));
    }

    @Test
    void aRefusedConnectionSaysWhyWhileDraggingAndDrawsNothing(FxRobot robot) {
        robot.clickOn("#add-agent");
        String a = agentIds().get(0);
        GraphCanvas canvas = view.canvas();
        Bounds port = canvas.portScreenBounds(a);
        robot.drag(new Point2D(port.getCenterX(), port.getCenterY()), MouseButton.PRIMARY);
        robot.moveTo(centreOf(canvas.nodeView(a)));
        assertThat(canvas.connectionHint()).isEqualTo("An agent hands the artifact on to another agent, not to itself");
        robot.drop();
        assertThat(doc.document().handoffs()).isEmpty();
    }

    @Test
    void draggingANodeMovesItAsOneUndoableStep(FxRobot robot) {
        robot.clickOn("#add-agent");
        String a = agentIds().get(0);
        var before = doc.document().layout().positions().get(a);
        Node node = view.canvas().nodeView(a);
        robot.drag(centreOf(node).add(-30, 0), MouseButton.PRIMARY).moveBy(60, 40).drop();
        var after = doc.document().layout().positions().get(a);
        assertThat(after.x() - before.x()).isCloseTo(60 / view.canvas().zoom(), org.assertj.core.data.Offset.offset(2.0));
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Move Agent 1");
    }

    @Test
    void deleteBackspaceUndoAndBothRedoShortcutsWorkOnTheCanvas(FxRobot robot) {
        robot.clickOn("#add-agent");
        robot.clickOn(view.canvas().nodeView(agentIds().get(0)));
        robot.type(KeyCode.DELETE);
        assertThat(doc.document().agents()).isEmpty();
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(doc.document().agents()).hasSize(1);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        assertThat(doc.document().agents()).isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(doc.document().agents()).isEmpty();
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(doc.document().agents()).isEmpty();
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        robot.clickOn(view.canvas().nodeView(agentIds().get(0)));
        robot.type(KeyCode.BACK_SPACE);
        assertThat(doc.document().agents()).isEmpty();
    }

    @Test
    void aFocusedTextFieldKeepsItsEditingKeys(FxRobot robot) {
        robot.clickOn("#add-agent");
        String a = agentIds().get(0);
        robot.clickOn(view.canvas().nodeView(a));
        javafx.scene.control.TextField name = robot.lookup(".property-sheet .text-field")
                .queryAllAs(javafx.scene.control.TextField.class).stream()
                .filter(t -> "Agent 1".equals(t.getText())).findFirst().orElseThrow();
        robot.clickOn(name);
        robot.press(KeyCode.END).release(KeyCode.END);
        robot.type(KeyCode.BACK_SPACE);
        robot.write("X");
        assertThat(doc.document().agents()).hasSize(1);
        assertThat(doc.document().agent(a).orElseThrow().name()).isEqualTo("Agent X");
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Rename Agent 1 to Agent X");
    }

    @Test
    void doubleClickAddsRubberBandSelectsAndShortcutsCopyAndPaste(FxRobot robot) {
        GraphCanvas canvas = view.canvas();
        Bounds c = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.doubleClickOn(new Point2D(c.getMinX() + 200, c.getMinY() + 500), MouseButton.PRIMARY);
        robot.doubleClickOn(new Point2D(c.getMinX() + 450, c.getMinY() + 500), MouseButton.PRIMARY);
        assertThat(doc.document().agents()).hasSize(2);
        robot.drag(new Point2D(c.getMinX() + 40, c.getMinY() + 420), MouseButton.PRIMARY)
                .moveTo(new Point2D(c.getMinX() + 620, c.getMinY() + 600)).drop();
        assertThat(view.viewModel().selection().nodes()).containsExactlyInAnyOrderElementsOf(agentIds());
        robot.press(KeyCode.CONTROL).type(KeyCode.C).type(KeyCode.V).release(KeyCode.CONTROL);
        assertThat(doc.document().agents()).hasSize(4);
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Paste 2 agents");
    }

    @Test
    void undoUpdatesTheValueShownInTheInspector(FxRobot robot) {
        robot.clickOn("#add-agent");
        String a = agentIds().get(0);
        robot.clickOn(view.canvas().nodeView(a));
        robot.interact(() -> view.viewModel().inspector().set("agent.name", "Solver"));
        javafx.scene.control.TextField name = robot.lookup(".property-sheet .text-field")
                .queryAllAs(javafx.scene.control.TextField.class).stream()
                .filter(t -> "Solver".equals(t.getText())).findFirst().orElseThrow();
        robot.clickOn("#undo");
        assertThat(name.getText()).isEqualTo("Agent 1");
    }

    @Test
    void tickingAFeatureInTheInspectorEditsTheAgentsInterfaceAndShowsTheViewCount(FxRobot robot) {
        robot.clickOn("#add-agent");
        String a = agentIds().get(0);
        robot.clickOn(view.canvas().nodeView(a));
        Label count = robot.lookup("#view-count").queryAs(Label.class);
        assertThat(count.getText()).isEqualTo("busy 2 = 2 distinct views");
        robot.clickOn("#sees-progress");
        assertThat(doc.document().agent(a).orElseThrow().observation().terms())
                .extracting(ObservationTerm::feature).containsExactly("progress");
        assertThat(count.getText()).isEqualTo("progress 6 × busy 2 = 12 distinct views");
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Show progress for Agent 1");
    }

    @Test
    void savingAndReopeningGivesTheSameDocument(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("#add-agent");
        robot.clickOn("#add-agent");
        String a = agentIds().get(0);
        robot.clickOn(view.canvas().nodeView(a));
        robot.clickOn("#sees-progress");
        Workflow drawn = doc.document();
        Path file = dir.resolve("drawn.workflow.json");
        robot.interact(() -> {
            try {
                doc.saveAs(file);
                doc.newDocument();
                doc.open(file);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.document().withWrittenBy(null)).isEqualTo(drawn.withWrittenBy(null));
        assertThat(doc.isModified()).isFalse();
        assertThat(view.canvas().nodeView(a)).isNotNull();
    }

    @Test
    void trainIsDisabledWithAReasonNamingTheProblem(FxRobot robot) {
        assertThat(view.trainButton().isDisabled()).isTrue();
        assertThat(view.trainTooltipText()).contains("/agents: a workflow needs at least one agent");
        Label summary = robot.lookup("#validation-summary").queryAs(Label.class);
        assertThat(summary.getText()).isEqualTo("⚠  1 problem");
    }
}
