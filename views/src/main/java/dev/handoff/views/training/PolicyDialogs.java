package dev.handoff.views.training;

import dev.handoff.train.live.RunFolders;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The dashboard's policy actions as menus and dialogs: the run's Policies… menu (export a seed as a bundle, evaluate a
 * bundle in a dialog or on the canvas, show a CPU seed's programs) and the policy table's context menu. The work itself
 * is the view-model's; this class only asks the user (choice dialogs, folder choosers) and shows the outcome.
 */
final class PolicyDialogs {
    private final TrainingDashboardViewModel vm;
    private final Supplier<javafx.stage.Window> owner;
    private final ListView<RunFolders.Entry> runsList;
    private final BooleanSupplier dark;

    PolicyDialogs(TrainingDashboardViewModel vm, Supplier<javafx.stage.Window> owner, ListView<RunFolders.Entry> runsList,
                  BooleanSupplier dark) {
        this.vm = vm;
        this.owner = owner;
        this.runsList = runsList;
        this.dark = dark;
    }

    private javafx.stage.Window window() {
        return owner.get();
    }

    /** Policies ▾: export a seed of a paused or finished run as a bundle; evaluate a bundle on this workflow (issue 9). */
    javafx.scene.control.MenuButton policiesMenu() {
        javafx.scene.control.MenuItem export = new javafx.scene.control.MenuItem("Export policies…");
        export.setId("dash-export");
        export.setOnAction(e -> exportPolicies());
        javafx.scene.control.MenuItem evaluate = new javafx.scene.control.MenuItem("Evaluate bundle…");
        evaluate.setId("dash-evaluate");
        evaluate.setOnAction(e -> evaluateBundle());
        javafx.scene.control.MenuItem onCanvas = new javafx.scene.control.MenuItem("Evaluate bundle on canvas…");
        onCanvas.setId("dash-evaluate-canvas");
        onCanvas.setOnAction(e -> evaluateOnCanvas());
        javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton("Policies…", null, export, evaluate, onCanvas);
        if (vm.offersPrograms()) {
            javafx.scene.control.MenuItem programs = new javafx.scene.control.MenuItem("Show programs…");
            programs.setId("dash-programs");
            programs.setOnAction(e -> showPrograms());
            menu.getItems().add(programs);
        }
        menu.setId("dash-policies");
        menu.setFocusTraversable(false);
        menu.setTooltip(new Tooltip("Export a trained seed's policies as a bundle, or load a bundle and evaluate it greedily"));
        menu.setOnShowing(e -> export.setDisable(vm.exportChoices().isEmpty()
                && runsList.getSelectionModel().getSelectedItems().isEmpty()));
        return menu;
    }

    private void exportPolicies() {
        List<TrainingDashboardViewModel.ExportChoice> choices = new ArrayList<>(vm.exportChoices());
        for (RunFolders.Entry past : runsList.getSelectionModel().getSelectedItems()) {
            choices.addAll(vm.exportChoices(past));
        }
        if (choices.isEmpty()) {
            message(javafx.scene.control.Alert.AlertType.INFORMATION, "Export policies", vm.exportUnavailableReason());
            return;
        }
        javafx.scene.control.ChoiceDialog<TrainingDashboardViewModel.ExportChoice> pick =
                new javafx.scene.control.ChoiceDialog<>(choices.get(0), choices);
        pick.initOwner(window());
        pick.setTitle("Export policies");
        pick.setHeaderText("Which trained seed? Its agents' Q-tables and greedy actions are written as a policy bundle "
                + "(JSON, with CSV copies).");
        pick.setContentText("Learner and seed:");
        pick.showAndWait().ifPresent(this::exportToChosenFolder);
    }

    /** Asks for a folder and writes the bundle of {@code choice} into a sub-folder named after workflow, learner and seed. */
    private void exportToChosenFolder(TrainingDashboardViewModel.ExportChoice choice) {
        javafx.stage.DirectoryChooser dir = new javafx.stage.DirectoryChooser();
        dir.setTitle("Folder for the bundle of " + choice);
        java.io.File parent = dir.showDialog(window());
        if (parent == null) {
            return;
        }
        java.nio.file.Path out = parent.toPath().resolve(vm.workflow().name().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + choice.algorithm().cliName() + "-seed" + choice.seed() + "-policies");
        try {
            vm.exportPolicies(choice, out, true);
        } catch (Exception ex) {
            message(javafx.scene.control.Alert.AlertType.ERROR, "Export failed", String.valueOf(ex.getMessage()));
        }
    }

    /** The policy table's context menu: export the seed whose greedy policy the table shows. */
    javafx.scene.control.ContextMenu policyTableMenu() {
        javafx.scene.control.MenuItem export = new javafx.scene.control.MenuItem("Export this seed's policies…");
        export.setId("dash-policy-export");
        export.setOnAction(e -> vm.shownPolicyChoice().ifPresentOrElse(this::exportToChosenFolder,
                () -> message(javafx.scene.control.Alert.AlertType.INFORMATION, "Export policies",
                        vm.exportUnavailableReason().isEmpty() ? "The table shows no exportable seed yet: train, then pause."
                                : vm.exportUnavailableReason())));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(export);
        javafx.scene.control.MenuItem programs = new javafx.scene.control.MenuItem("Show this seed's programs…");
        programs.setId("dash-policy-programs");
        programs.setOnAction(e -> vm.shownPolicyChoice().ifPresentOrElse(this::showProgramsOf,
                () -> message(javafx.scene.control.Alert.AlertType.INFORMATION, "Show programs",
                        "The table shows no trained seed yet: train, then pause.")));
        if (vm.offersPrograms()) {
            menu.getItems().add(programs);
        }
        menu.setOnShowing(e -> {
            export.setText(vm.shownPolicyChoice().map(c -> "Export this seed's policies (" + c + ")…")
                    .orElse("Export this seed's policies…"));
            programs.setText(vm.shownPolicyChoice().map(c -> "Show this seed's programs (" + c + ")…")
                    .orElse("Show this seed's programs…"));
        });
        return menu;
    }

    private void evaluateOnCanvas() {
        dev.handoff.views.evaluate.EvaluationWindow w = new dev.handoff.views.evaluate.EvaluationWindow(window(), vm.workflow(),
                new javafx.beans.property.SimpleBooleanProperty(dark.getAsBoolean()));
        w.show();
        w.view().chooseBundle();
    }

    /** cpu-programming: per task, the assembly the greedy policy of a paused or finished seed submits (read-only). */
    private void showPrograms() {
        List<TrainingDashboardViewModel.ExportChoice> choices = vm.exportChoices();
        if (choices.isEmpty()) {
            message(javafx.scene.control.Alert.AlertType.INFORMATION, "Show programs", vm.exportUnavailableReason());
            return;
        }
        javafx.scene.control.ChoiceDialog<TrainingDashboardViewModel.ExportChoice> pick =
                new javafx.scene.control.ChoiceDialog<>(choices.get(0), choices);
        pick.initOwner(window());
        pick.setTitle("Show programs");
        pick.setHeaderText("Whose greedy policy? Each task is run once with it; the submitted program is shown.");
        pick.setContentText("Learner and seed:");
        pick.showAndWait().ifPresent(this::showProgramsOf);
    }

    /** The read-only dialog listing the tasks and showing the program {@code choice}'s greedy policy submits for each. */
    private void showProgramsOf(TrainingDashboardViewModel.ExportChoice choice) {
        java.util.Map<String, String> programs;
        try {
            programs = vm.greedyPrograms(choice);
        } catch (RuntimeException ex) {
            message(javafx.scene.control.Alert.AlertType.ERROR, "Show programs", String.valueOf(ex.getMessage()));
            return;
        }
        javafx.scene.control.ListView<String> tasks = new javafx.scene.control.ListView<>(
                javafx.collections.FXCollections.observableArrayList(programs.keySet()));
        tasks.setPrefWidth(175);
        tasks.setMinWidth(175);
        tasks.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String task, boolean empty) {
                super.updateItem(task, empty);
                setText(empty || task == null ? null
                        : task + (TrainingDashboardViewModel.programSolved(programs.get(task)) ? "  ✓ solved" : "  ✗ not solved"));
            }
        });
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea();
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace;");
        tasks.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            text.setText(b == null ? "" : programs.get(b));
            tasks.scrollTo(b);
        });
        tasks.getSelectionModel().selectFirst();
        long solved = programs.values().stream().filter(TrainingDashboardViewModel::programSolved).count();
        Label header = new Label("The program " + choice + "'s greedy pipeline submits for each task · " + solved + " of "
                + programs.size() + " solved on every vector, held-out ones included · read-only; copy with Ctrl+C");
        header.setWrapText(true);
        javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox body = new javafx.scene.layout.HBox(8, tasks, text);
        javafx.scene.layout.VBox.setVgrow(body, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.control.Dialog<Void> d = new javafx.scene.control.Dialog<>();
        d.initOwner(window());
        d.setTitle("Programs of " + choice);
        d.getDialogPane().setContent(new javafx.scene.layout.VBox(8, header, body));
        d.getDialogPane().setPrefSize(960, 520);
        d.getDialogPane().setMinSize(720, 400);
        d.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
        d.setResizable(true);
        d.setWidth(980);
        d.setHeight(560);
        d.show();
    }

    private void evaluateBundle() {
        javafx.stage.DirectoryChooser dir = new javafx.stage.DirectoryChooser();
        dir.setTitle("Policy bundle folder (the one holding bundle.json)");
        java.io.File chosen = dir.showDialog(window());
        if (chosen == null) {
            return;
        }
        Thread t = new Thread(() -> {
            TrainingDashboardViewModel.BundleReport r = vm.evaluateBundle(chosen.toPath(), EVALUATION_EPISODES, 1);
            javafx.application.Platform.runLater(() -> message(r.fits() ? javafx.scene.control.Alert.AlertType.INFORMATION
                            : javafx.scene.control.Alert.AlertType.WARNING, "Bundle " + chosen.getName(),
                    r.summary() + (r.problems().isEmpty() ? "" : "\n\n• " + String.join("\n• ", r.problems()))));
        }, "handoff-bundle-evaluation");
        t.setDaemon(true);
        t.start();
    }

    /** Episodes of a greedy bundle evaluation from the app (the CLI's default is larger; exact J is shown where known). */
    static final long EVALUATION_EPISODES = 10_000;

    void message(javafx.scene.control.Alert.AlertType type, String title, String text) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(type, text, javafx.scene.control.ButtonType.OK);
        a.initOwner(window());
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setMinWidth(520);
        a.show();
    }
}
