package dev.handoff.views.training.policies;

import dev.handoff.train.live.RunFolders;
import dev.handoff.views.evaluate.EvaluationWindow;
import dev.handoff.views.training.Alerts;
import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.extension.SeedPanelAction;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The dashboard's policy actions as menus and dialogs: the run's Policies… menu (export a seed as a bundle, evaluate a
 * bundle in a dialog or on the canvas, the kind's reports on a seed) and the policy table's context menu. The work is
 * {@link PoliciesViewModel}'s (slow parts on its task executor); this class only asks and shows the outcome.
 */
public final class PolicyDialogs {
    private final PoliciesViewModel vm;
    private final TrainedWorkflow trained;
    private final Supplier<Window> owner;
    private final Supplier<List<RunFolders.Entry>> savedRuns;
    private final BooleanSupplier dark;

    /** {@code savedRuns}: the runs selected in the Runs panel, whose seeds Export offers too. */
    public PolicyDialogs(PoliciesViewModel vm, TrainedWorkflow trained, Supplier<Window> owner,
                         Supplier<List<RunFolders.Entry>> savedRuns, BooleanSupplier dark) {
        this.vm = vm;
        this.trained = trained;
        this.owner = owner;
        this.savedRuns = savedRuns;
        this.dark = dark;
    }

    /** Policies ▾: export a seed of a paused or finished run; evaluate a bundle on this workflow; the kind's reports. */
    public MenuButton policiesMenu() {
        MenuItem export = item("Export policies…", "dash-export", this::exportPolicies);
        MenuItem evaluate = item("Evaluate bundle…", "dash-evaluate", this::evaluateBundle);
        MenuItem onCanvas = item("Evaluate bundle on canvas…", "dash-evaluate-canvas", this::evaluateOnCanvas);
        MenuButton menu = new MenuButton("Policies…", null, export, evaluate, onCanvas);
        for (SeedPanelAction<?> action : vm.seedPanels()) {
            menu.getItems().add(item(action.menuText(), "dash-" + action.id(), () -> chooseSeedFor(action)));
        }
        menu.setId("dash-policies");
        menu.setFocusTraversable(false);
        menu.setTooltip(new Tooltip("Export a trained seed's policies as a bundle, or load a bundle and evaluate it greedily"));
        menu.setOnShowing(e -> export.setDisable(vm.exportChoices(savedRuns.get()).isEmpty()));
        return menu;
    }

    /** The policy table's context menu: export (and the kind's reports on) the seed whose greedy policy it shows. */
    public ContextMenu policyTableMenu() {
        MenuItem export = item("Export this seed's policies…", "dash-policy-export", () -> vm.shownPolicyChoice()
                .ifPresentOrElse(c -> export(List.of(c)), () -> message(Alert.AlertType.INFORMATION, "Export policies",
                        vm.exportUnavailableReason().isEmpty() ? "The table shows no exportable seed yet: train, then pause."
                                : vm.exportUnavailableReason())));
        ContextMenu menu = new ContextMenu(export);
        for (SeedPanelAction<?> action : vm.seedPanels()) {
            MenuItem report = item(action.tableMenuText() + "…", "dash-policy-" + action.id(), () -> vm.shownPolicyChoice()
                    .ifPresentOrElse(c -> showPanel(action, c), () -> message(Alert.AlertType.INFORMATION,
                            action.menuText().replace("…", ""), "The table shows no trained seed yet: train, then pause.")));
            menu.getItems().add(report);
        }
        menu.setOnShowing(e -> {
            String seed = vm.shownPolicyChoice().map(c -> " (" + c + ")").orElse("");
            export.setText("Export this seed's policies" + seed + "…");
            for (int i = 0; i < vm.seedPanels().size(); i++) {
                menu.getItems().get(i + 1).setText(vm.seedPanels().get(i).tableMenuText() + seed + "…");
            }
        });
        return menu;
    }

    private void exportPolicies() {
        List<ExportChoice> choices = vm.exportChoices(savedRuns.get());
        if (choices.isEmpty()) {
            message(Alert.AlertType.INFORMATION, "Export policies", vm.exportUnavailableReason());
            return;
        }
        export(choices);
    }

    /** The export dialog over {@code choices}; writes the bundle when the user presses Export. */
    private void export(List<ExportChoice> choices) {
        ExportDialogViewModel model = vm.exportDialog(choices);
        ExportDialog dialog = new ExportDialog(owner.get(), model);
        if (!dialog.showAndWait()) {
            return;
        }
        try {
            model.export();
        } catch (IOException | RuntimeException ex) {
            message(Alert.AlertType.ERROR, "Export failed", "Nothing was written to " + dialog.target() + ": " + ex.getMessage());
        }
    }

    private void chooseSeedFor(SeedPanelAction<?> action) {
        List<ExportChoice> choices = vm.exportChoices();
        String title = action.menuText().replace("…", "");
        if (choices.isEmpty()) {
            message(Alert.AlertType.INFORMATION, title, vm.exportUnavailableReason());
            return;
        }
        ChoiceDialog<ExportChoice> pick = new ChoiceDialog<>(choices.get(0), choices);
        pick.initOwner(owner.get());
        pick.setTitle(title);
        pick.setHeaderText("Whose greedy policy?");
        pick.setContentText("Learner and seed:");
        pick.showAndWait().ifPresent(c -> showPanel(action, c));
    }

    private <M> void showPanel(SeedPanelAction<M> action, ExportChoice choice) {
        vm.seedPanelInBackground(action, choice, model -> SeedPanelDialog.show(owner.get(), action.title(model), action.view(model)),
                ex -> message(Alert.AlertType.ERROR, action.menuText().replace("…", ""), String.valueOf(ex.getMessage())));
    }

    private void evaluateOnCanvas() {
        EvaluationWindow w = new EvaluationWindow(owner.get(), trained.workflow(), new SimpleBooleanProperty(dark.getAsBoolean()));
        w.show();
        w.view().chooseBundle();
    }

    private void evaluateBundle() {
        DirectoryChooser dir = new DirectoryChooser();
        dir.setTitle("Policy bundle folder (the one holding bundle.json)");
        File start = trained.runsRoot() == null ? null : trained.runsRoot().toFile();
        if (start != null && start.isDirectory()) {
            dir.setInitialDirectory(start);
        }
        File chosen = dir.showDialog(owner.get());
        if (chosen == null) {
            return;
        }
        vm.evaluateBundleInBackground(chosen.toPath(), r -> message(r.fits() ? Alert.AlertType.INFORMATION
                        : Alert.AlertType.WARNING, "Bundle " + chosen.getName(),
                r.summary() + (r.problems().isEmpty() ? "" : "\n\n• " + String.join("\n• ", r.problems()))));
    }

    private void message(Alert.AlertType type, String title, String text) {
        Alerts.show(owner.get(), type, title, text);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }
}
