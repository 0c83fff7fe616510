package dev.handoff.app;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Shows uncaught exceptions: what happened, that the document is still open, where the log is, and the report in a
 * text area with "Copy report". One dialog at a time ({@link ErrorReports} gathers errors that come while it is open);
 * {@link #show} may be called from any thread.
 */
public final class ErrorDialog {
    public static final ButtonType COPY = new ButtonType("Copy report", ButtonBar.ButtonData.LEFT);
    private final ErrorReports reports = new ErrorReports();
    private final Window owner;
    private Alert alert;

    public ErrorDialog(Window owner) {
        this.owner = owner;
    }

    public ErrorReports reports() {
        return reports;
    }

    /** Adds the report to the open dialog, or opens one (on the JavaFX thread). */
    public void show(ErrorReport report) {
        if (Platform.isFxApplicationThread()) {
            showNow(report);
        } else {
            Platform.runLater(() -> showNow(report));
        }
    }

    /** The dialog while it is open, else null. */
    public Alert alert() {
        return alert;
    }

    private void showNow(ErrorReport report) {
        reports.add(report);
        if (alert != null) {
            return;
        }
        alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Handoff Workbench: unexpected error");
        alert.initModality(Modality.NONE);
        if (owner != null && owner.isShowing() && owner.getScene() != null) {
            alert.initOwner(owner);
        }
        alert.headerTextProperty().bind(reports.headlineProperty());
        Label what = new Label("The workbench met an error it did not expect. Your workflow is still open and its "
                + "unsaved edits are autosaved; save it to be safe. The report below is also in the log file"
                + (report.logFile() == null ? "." : ":\n" + report.logFile()));
        what.setWrapText(true);
        TextArea text = new TextArea();
        text.setId("error-report");
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(16);
        text.setPrefColumnCount(90);
        text.textProperty().bind(reports.textProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        VBox content = new VBox(10, what, text);
        alert.getDialogPane().setContent(content);
        alert.getButtonTypes().setAll(COPY, ButtonType.CLOSE);
        alert.getDialogPane().lookupButton(COPY).addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(reports.textProperty().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            e.consume(); // copying keeps the dialog open
        });
        alert.setResizable(true);
        alert.setOnHidden(e -> {
            alert = null;
            reports.clear();
        });
        alert.show();
    }
}
