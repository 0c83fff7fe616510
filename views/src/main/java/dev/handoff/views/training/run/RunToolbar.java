package dev.handoff.views.training.run;

import dev.handoff.train.RunState;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.style.PrimaryActions;
import dev.handoff.views.training.curves.CurvesViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

import java.util.Locale;

import static dev.handoff.views.style.ToolButtons.button;

/**
 * The dashboard's tool bar: Train (the primary action), Pause, Step, Episode, Window, Stop, Reset; learner, seeds and
 * speed of the next run; smoothing and log scale of the charts. It binds to {@link RunControlViewModel} and
 * {@link CurvesViewModel} and calls their commands.
 */
public final class RunToolbar extends ToolBar {
    private static final String FULL_SPEED = "Full speed";

    public RunToolbar(RunControlViewModel run, CurvesViewModel curves) {
        Button train = PrimaryActions.mark(button("▶  Train", "Train (F5): start, or resume a paused run", run::train));
        train.setId("dash-train");
        train.disableProperty().bind(run.runningProperty());
        Button pause = button("Pause", "Pause (F6): trainers stop between chunks; nothing is lost", run::pause);
        pause.setId("dash-pause");
        pause.disableProperty().bind(run.runningProperty().not());
        Button step = button("Step", "Step one handoff per seed (F7): follow the artifact", () -> run.step(1));
        step.setId("dash-step");
        Button stepEpisode = button("Episode", "Step until seed 1's artifact is handed to STOP (Ctrl+F7)", run::stepEpisode);
        stepEpisode.setId("dash-step-episode");
        Button stepWindow = button("Window", "Step one evaluation window per seed (Shift+F7): one more point on every curve",
                run::stepWindow);
        stepWindow.setId("dash-step-window");
        for (Button b : new Button[] {step, stepEpisode, stepWindow}) {
            b.disableProperty().bind(run.runningProperty());
        }
        Button stop = button("■  Stop", "Stop (Shift+F5): end the run; its folder keeps checkpoints and summary", run::stop);
        stop.setId("dash-stop");
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            RunState s = run.stateProperty().get();
            return s == RunState.READY || s.isTerminal();
        }, run.stateProperty()));
        Button reset = button("↺  Reset", "Reset (Ctrl+R): forget this run and clear the charts (run folders stay)", run::reset);
        reset.setId("dash-reset");

        ComboBox<TrainingMode> mode = new ComboBox<>(FXCollections.observableArrayList(TrainingMode.values()));
        mode.setId("dash-mode");
        mode.valueProperty().bindBidirectional(run.modeProperty());
        mode.setTooltip(new Tooltip("Learners: tabular IC-Q alone, or IC-Q beside the centralised oracle and the "
                + "no-scalar baseline on the same seeds; neural IC-Q (DJL networks, one trainer thread); IC-Q from traces "
                + "(offline: open them with File ▸ Learn from traces…)"));
        Spinner<Integer> seeds = new Spinner<>(1, 10, run.seedsProperty().get());
        seeds.setId("dash-seeds");
        seeds.setPrefWidth(70);
        seeds.valueProperty().addListener((o, a, n) -> run.seedsProperty().set(n));
        run.seedsProperty().addListener((o, a, n) -> seeds.getValueFactory().setValue(n.intValue()));
        seeds.setTooltip(new Tooltip("Seeds per learner (1, 2, …); a mean ± 95% CI needs at least 2"));
        ComboBox<String> speed = new ComboBox<>(FXCollections.observableArrayList(FULL_SPEED, "10 000 /s", "1 000 /s",
                "100 /s", "10 /s", "2 /s"));
        speed.setId("dash-speed");
        speed.setValue(FULL_SPEED);
        speed.setTooltip(new Tooltip("Handoffs per second per seed: slow speeds let you follow the artifact on the graph"));
        speed.valueProperty().addListener((o, a, v) -> run.paceProperty().set(v.startsWith("Full") ? 0
                : Double.parseDouble(v.replace(" /s", "").replace(" ", ""))));
        run.paceProperty().addListener((o, a, p) -> speed.setValue(p.doubleValue() <= 0 ? FULL_SPEED
                : String.format(Locale.ROOT, "%,.0f /s", p.doubleValue()).replace(',', ' ')));
        Slider smooth = new Slider(0, 0.95, curves.smoothingProperty().get());
        smooth.setId("dash-smoothing");
        smooth.setPrefWidth(80);
        smooth.valueProperty().bindBidirectional(curves.smoothingProperty());
        smooth.setTooltip(new Tooltip("Smoothing of noisy curves (display only: the raw data are kept)"));
        CheckBox log = new CheckBox("Log scale");
        log.setId("dash-log");
        log.selectedProperty().bindBidirectional(curves.logScaleProperty());
        log.setTooltip(new Tooltip("Logarithmic handoffs axis on every chart, and logarithmic TD error"));
        getItems().addAll(train, pause, step, stepEpisode, stepWindow, stop, reset, new Separator(Orientation.VERTICAL),
                new Label("Learner"), mode, new Label("Seeds"), seeds, new Label("Speed"), speed,
                new Separator(Orientation.VERTICAL), new Label("Smoothing"), smooth, log);
    }
}
