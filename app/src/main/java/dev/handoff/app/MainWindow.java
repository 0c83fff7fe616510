package dev.handoff.app;

import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.editor.EditorView;
import dev.handoff.views.editor.EditorViewModel;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.WorkflowLoadException;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import dev.handoff.env.routing.TopologyImport;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;

/**
 * The main window: the editor screen plus what belongs to the application — File menu (New, Open, recent files,
 * samples, Save, Save As), dropping a workflow file on the window, the theme switch, About, and the unsaved-changes
 * prompt on close. The title follows the document ("Handoff Workbench — ring.workflow.json *").
 */
public final class MainWindow {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    private static final FileChooser.ExtensionFilter WORKFLOWS =
            new FileChooser.ExtensionFilter("Workflow documents (*.workflow.json)", "*.workflow.json", "*.json");

    private final Stage stage;
    private final EditorViewModel vm = EditorViewModel.standard();
    private final DocumentViewModel doc = vm.document();
    private final EditorView editor = new EditorView(vm);
    private final RecentFiles recent;
    private final ThemePreference theme;
    private final Menu recentMenu = new Menu("Open _Recent");
    private final UnsavedWork unsaved;
    private final BooleanPreference trainStarts;
    private final TrainingWindows training;
    private dev.handoff.views.evaluate.EvaluationWindow evaluation;
    private dev.handoff.views.traces.TraceLearningWindow traceLearning;

    public MainWindow(Stage stage, Preferences prefs) {
        this.stage = stage;
        this.recent = new RecentFiles(prefs);
        this.theme = new ThemePreference(prefs);
        this.unsaved = new UnsavedWork(doc, DataDirectory.recovery());
        this.trainStarts = new BooleanPreference(prefs, "train.startsAtOnce", true);
        this.training = new TrainingWindows(stage, theme.darkProperty(), trainStarts.property(), prefs);
        buildMenus();
        editor.setOnTrain(this::train);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(editor, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.setOnDragOver(e -> {
            if (workflowFile(e.getDragboard().getFiles()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            File f = workflowFile(e.getDragboard().getFiles());
            boolean done = f != null && confirmDiscard() && open(f.toPath());
            e.setDropCompleted(done);
            e.consume();
        });
        stage.setScene(scene);
        stage.titleProperty().bind(doc.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            unsaved.close(); // the user saved or discarded: no autosave to keep
            training.closeNow(); // the editor is gone (a close request already asked about a running run)
        });
    }

    /**
     * Offers the unsaved work a crash left in the recovery folder (File ▸ Recover unsaved work, and at start-up);
     * true when a workflow was recovered into the editor.
     */
    public boolean offerRecovery() {
        return unsaved.offerRecovery(stage, this::confirmDiscard);
    }


    public EditorView editor() {
        return editor;
    }

    /** Opens a workflow file; shows what is wrong with it (and keeps the current document) when it cannot be read. */
    public boolean open(Path file) {
        if (!training.closeWithWorkflow()) {
            return false;
        }
        try {
            doc.open(file);
            recent.remember(file);
            status("Opened " + file.getFileName());
            return true;
        } catch (WorkflowLoadException e) {
            String problems = e.problems().stream().limit(12).map(Problem::toString).collect(Collectors.joining("\n"));
            error("Could not open " + file.getFileName(), "The file was not opened; the current document is unchanged.\n\n" + problems);
        } catch (Exception e) {
            LOG.warn("Opening {} failed", file, e);
            error("Could not open " + file.getFileName(), e.getMessage() + "\n\nThe current document is unchanged.");
        }
        recent.forget(file);
        return false;
    }

    /** File ▸ Import network: a Topology Zoo GraphML or Boyan–Littman .net file becomes a new routing workflow. */
    private void importNetwork() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a network as a routing workflow");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Networks (*.graphml, *.net)", "*.graphml", "*.net"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null && confirmDiscard()) {
            importNetwork(f.toPath());
        }
    }

    /** Imports a network file as a new, unsaved routing workflow; says what is wrong when the file cannot be read. */
    public boolean importNetwork(Path network) {
        if (!training.closeWithWorkflow()) {
            return false;
        }
        try {
            doc.adopt(TopologyImport.importFile(network));
            status("Imported " + network.getFileName());
            return true;
        } catch (Exception e) {
            LOG.warn("Importing {} failed", network, e);
            error("Could not import " + network.getFileName(), e.getMessage() + "\n\nThe current document is unchanged.");
            return false;
        }
    }

    /** Shows a short message in the log (and the title bar's tooltip-free status for now). */
    public void status(String message) {
        LOG.info(message);
    }

    private void buildMenus() {
        MenuItem newDoc = item("_New", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            if (confirmDiscard()) {
                doc.newDocument();
            }
        });
        MenuItem open = item("_Open…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openWithChooser);
        Menu samples = new Menu("_Samples");
        List<Path> sampleFiles = SampleFiles.list(Path.of(System.getProperty("user.dir")));
        if (sampleFiles.isEmpty()) {
            MenuItem none = new MenuItem("(no sample-workflows folder found)");
            none.setDisable(true);
            samples.getItems().add(none);
        }
        for (Path p : sampleFiles) {
            MenuItem m = new MenuItem(p.getFileName().toString().replace(".workflow.json", ""));
            m.setMnemonicParsing(false);
            m.setOnAction(e -> {
                if (confirmDiscard()) {
                    open(p);
                }
            });
            samples.getItems().add(m);
        }
        recent.files().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        MenuItem importNetwork = item("_Import network (GraphML, .net)…", null, this::importNetwork);
        MenuItem recover = item("Recover unsaved _work…", null, () -> {
            if (!offerRecovery()) {
                status("No unsaved work to recover");
            }
        });
        recover.setId("menu-recover");
        MenuItem learnFromTraces = item("_Learn from traces…", null, () -> {
            if (openTraceLearning() != null) {
                traceLearning.view().chooseTraces();
            }
        });
        learnFromTraces.setId("menu-learn-from-traces");
        MenuItem save = item("_Save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        save.setId("menu-save");
        MenuItem saveAs = item("Save _As…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::saveAs);
        MenuItem quit = item("_Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            if (confirmDiscard()) {
                stage.close();
            }
        });
        Menu file = new Menu("_File", null, newDoc, open, recentMenu, samples, importNetwork, learnFromTraces, new SeparatorMenuItem(), save, saveAs,
                recover, new SeparatorMenuItem(), quit);

        CheckMenuItem dark = new CheckMenuItem("_Dark theme");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        editor.viewMenu().getItems().addAll(new SeparatorMenuItem(), dark);
        javafx.scene.control.ToggleButton themeToggle = new javafx.scene.control.ToggleButton("◐");
        themeToggle.setId("theme-toggle");
        themeToggle.setFocusTraversable(false);
        themeToggle.setTooltip(new javafx.scene.control.Tooltip("Dark theme (remembered)"));
        themeToggle.selectedProperty().bindBidirectional(theme.darkProperty());
        editor.toolBar().getItems().add(themeToggle);

        MenuItem about = item("_About Handoff Workbench", null, () -> WindowDialogs.about(stage));
        Menu help = new Menu("_Help", null, about);
        MenuItem evaluate = item("_Evaluate bundle on canvas…", null, () -> {
            if (openEvaluation() != null) {
                evaluation.view().chooseBundle();
            }
        });
        evaluate.setId("menu-evaluate-canvas");
        Menu policies = new Menu("_Policies", null, evaluate);
        policies.setId("menu-policies");
        editor.menuBar().getMenus().add(0, file);
        editor.menuBar().getMenus().addAll(policies, training.windowMenu(true), help);
    }

    /**
     * Train (issue 19.2): the training dashboard of this workflow, opened or brought back, training the document as it
     * is now — unless the preference "Train starts training" is off. Says why when the workflow cannot be trained.
     */
    private void train() {
        try {
            training.train(doc.document());
        } catch (RuntimeException e) {
            LOG.warn("Train failed", e);
            error("This workflow cannot be trained yet", String.valueOf(e.getMessage()));
        }
    }

    /**
     * Policies ▸ Evaluate bundle on canvas: evaluate mode on a snapshot of the document as it is now (the bundle is
     * chosen next); null, after saying why, when the document cannot be simulated.
     */
    public dev.handoff.views.evaluate.EvaluationWindow openEvaluation() {
        try {
            evaluation = new dev.handoff.views.evaluate.EvaluationWindow(stage, doc.document(), theme.darkProperty());
            evaluation.show();
            return evaluation;
        } catch (RuntimeException e) {
            error("Evaluate bundle", "This workflow cannot be simulated yet: " + e.getMessage());
            return null;
        }
    }

    /**
     * File ▸ Learn from traces: a window over a snapshot of the document as it is now, where a folder of the agents'
     * own traces is opened (counts, scalars on the edges) and handed to the training dashboard to learn from (null,
     * after a dialog, when the workflow cannot be simulated).
     */
    public dev.handoff.views.traces.TraceLearningWindow openTraceLearning() {
        try {
            traceLearning = new dev.handoff.views.traces.TraceLearningWindow(stage, doc.document(), theme.darkProperty(),
                    training::learnFrom);
            traceLearning.show();
            return traceLearning;
        } catch (RuntimeException e) {
            error("Learn from traces", "This workflow cannot be simulated yet: " + e.getMessage());
            return null;
        }
    }

    /** The last evaluate-mode window opened, or null. */
    public dev.handoff.views.evaluate.EvaluationWindow evaluation() {
        return evaluation;
    }

    /** The open training dashboard of this workflow, or null. */
    public dev.handoff.views.training.TrainingDashboardWindow dashboard() {
        return training.current();
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.files()) {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> {
                if (confirmDiscard()) {
                    open(p);
                }
            });
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recent.files().isEmpty());
    }

    private void openWithChooser() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("Open workflow");
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Saves; asks for a file first when the document has none. False when the user cancelled or saving failed. */
    private boolean save() {
        try {
            if (doc.save()) {
                recent.remember(doc.fileProperty().get());
                return true;
            }
            return saveAs();
        } catch (Exception e) {
            saveFailed(doc.fileProperty().get(), e);
            return false;
        }
    }

    private boolean saveAs() {
        FileChooser chooser = chooser("Save workflow as");
        Path current = doc.fileProperty().get();
        chooser.setInitialFileName(current == null ? "untitled.workflow.json" : current.getFileName().toString());
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return false;
        }
        try {
            doc.saveAs(f.toPath());
            recent.remember(f.toPath());
            return true;
        } catch (Exception e) {
            saveFailed(f.toPath(), e);
            return false;
        }
    }

    /**
     * True when the open workflow may go: it has no unsaved changes or the user saved or discarded them, and its
     * training dashboard is closed (asking first if a run is going).
     */
    private boolean confirmDiscard() {
        return confirmUnsavedChanges() && training.closeWithWorkflow();
    }

    private boolean confirmUnsavedChanges() {
        if (!doc.isModified()) {
            return true;
        }
        Path f = doc.fileProperty().get();
        return switch (WindowDialogs.askAboutUnsavedChanges(stage, f == null ? "the untitled workflow" : f.getFileName().toString())) {
            case CANCEL -> false;
            case DISCARD -> true;
            case SAVE -> save();
        };
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(WORKFLOWS);
        Path current = doc.fileProperty().get();
        Path dir = current != null ? current.getParent() : SampleFiles.sampleDirectory(Path.of(System.getProperty("user.dir")));
        if (dir != null && dir.toFile().isDirectory()) {
            chooser.setInitialDirectory(dir.toFile());
        }
        return chooser;
    }

    /** A save failed: says why, that the file on disk is unchanged, and what to do next. */
    private void saveFailed(Path file, Exception e) {
        LOG.warn("Saving {} failed", file, e);
        dev.handoff.views.document.SaveFailure failure = dev.handoff.views.document.SaveFailure.of(file, e);
        error(failure.headline(), failure.message());
    }

    private void error(String header, String text) {
        WindowDialogs.error(stage, header, text);
    }

    private static File workflowFile(List<File> files) {
        return files.stream().filter(f -> f.getName().endsWith(".json")).findFirst().orElse(null);
    }

    private static MenuItem item(String text, KeyCombination accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accel != null) {
            m.setAccelerator(accel);
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
