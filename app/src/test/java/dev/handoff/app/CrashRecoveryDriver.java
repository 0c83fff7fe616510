package dev.handoff.app;

import dev.handoff.workflow.WorkflowJson;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The workbench as a user drives it, in a process of its own for {@link CrashRecoveryProcessTest}: starts the real
 * {@link WorkbenchApplication} (Monocle headless) on a workflow file, then
 * <ul>
 *   <li>{@code edit FILE OUT}: adds two agents, deletes one, connects two and lays the graph out through the toolbar,
 *   canvas and keyboard, writes the document to OUT, prints {@code EDITED} and waits to be killed;</li>
 *   <li>{@code recover FILE OUT}: waits for the recovery offer at start-up, prints {@code OFFER <text>}, presses
 *   Recover, writes the document to OUT, prints {@code RECOVERED} and exits.</li>
 * </ul>
 */
public final class CrashRecoveryDriver {
    private CrashRecoveryDriver() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkbenchApplication app = (WorkbenchApplication) FxToolkit.setupApplication(WorkbenchApplication.class, file.toString());
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.window() != null && stage.isShowing());
        MainWindow window = app.window();
        if (mode.equals("edit")) {
            edit(robot, window);
            write(robot, window, out);
            System.out.println("EDITED");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        } else {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#recovery-offers").tryQuery().isPresent());
            ListView<?> offers = robot.lookup("#recovery-offers").queryAs(ListView.class);
            javafx.scene.control.Label changes = robot.lookup("#recovery-changes").queryAs(javafx.scene.control.Label.class);
            System.out.println("OFFER " + offers.getItems().get(0).toString().replace('\n', ' ') + " | shown: "
                    + changes.getText());
            Button recover = robot.lookup(".button").queryAllAs(Button.class).stream()
                    .filter(b -> "Recover".equals(b.getText())).findFirst().orElseThrow();
            robot.clickOn(recover);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage.getTitle().endsWith(" *"));
            write(robot, window, out);
            System.out.println("RECOVERED " + stage.getTitle());
            System.out.flush();
            System.exit(0);
        }
    }

    private static void edit(FxRobot robot, MainWindow window) {
        robot.clickOn("#add-agent");
        robot.clickOn("#add-agent");
        robot.clickOn(window.editor().canvas().nodeView("a3"));
        robot.type(KeyCode.DELETE);
        Bounds port = window.editor().canvas().portScreenBounds("a0");
        robot.drag(new Point2D(port.getCenterX(), port.getCenterY()), MouseButton.PRIMARY);
        robot.moveTo(centre(window.editor().canvas().nodeView("a5")));
        robot.drop();
        robot.clickOn("#auto-layout");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D centre(Node n) {
        Bounds b = n.localToScreen(n.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private static void write(FxRobot robot, MainWindow window, Path out) throws Exception {
        String[] text = new String[1];
        robot.interact(() -> text[0] = WorkflowJson.write(window.editor().viewModel().document().document()));
        Files.writeString(out, text[0]);
    }
}
