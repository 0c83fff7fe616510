package dev.handoff.views.training;

import dev.handoff.views.style.PrimaryActions;
import dev.handoff.views.training.charts.ChartPanel;
import dev.handoff.views.training.charts.DashboardCharts;
import dev.handoff.views.training.focus.PolicyRow;
import dev.handoff.views.training.focus.PolicyTablePane;
import dev.handoff.views.training.policies.PolicyDialogs;
import dev.handoff.views.training.run.DashboardStatusBar;
import dev.handoff.views.training.run.RunControlViewModel;
import dev.handoff.views.training.run.RunToolbar;
import dev.handoff.views.training.runs.RunsPane;
import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.plot.XYPlot;

import java.util.ArrayList;
import java.util.List;

/**
 * The live training dashboard: the tool bar, the workflow graph with activity and edge scalars, the selected agent's
 * greedy policy, the saved runs, four charts and the status bar, each a view of one part of
 * {@link TrainingDashboardViewModel}. An animation timer drains the view-model about 15 times a second; while training
 * it redraws one chart per 80 ms, so no frame renders all four.
 */
public final class TrainingDashboardView extends BorderPane {
    private static final long DRAIN_NANOS = 66_000_000L; // ≈ 15 Hz
    private static final long CHART_NANOS = 80_000_000L; // one chart every 80 ms: each about three times a second
    private final TrainingDashboardViewModel vm;
    private final LiveGraphView graph;
    private final DashboardCharts charts;
    private final PolicyTablePane policy;
    private boolean dark;
    private long lastDrain;
    private long lastChartDraw;
    private int nextPart;
    private long drawnRevision = -1;
    private final AnimationTimer timer;

    public TrainingDashboardView(TrainingDashboardViewModel vm) {
        this.vm = vm;
        setId("training-dashboard");
        PrimaryActions.styled(this);
        graph = new LiveGraphView(vm.activity());
        charts = new DashboardCharts(vm);
        RunsPane[] runsPane = new RunsPane[1];
        PolicyDialogs dialogs = new PolicyDialogs(vm.policies(), vm.trained(),
                () -> getScene() == null ? null : getScene().getWindow(), () -> runsPane[0].selected(), () -> dark);
        policy = new PolicyTablePane(vm.focus(), vm.trained(), vm.run(), dialogs.policyTableMenu());
        runsPane[0] = new RunsPane(vm.runs(), vm.run().runningProperty(), dialogs.policiesMenu());

        TitledPane graphPane = titled("Workflow · glow: who decides · edges: mean m (count)", graph);
        graphPane.setId("dash-graph-pane");
        SplitPane left = new SplitPane(graphPane, titled("Greedy policy of the selected agent", policy),
                titled("Runs of this workflow · select to overlay", runsPane[0]));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.5, 0.77);
        SplitPane centre = new SplitPane(left, charts);
        centre.setDividerPositions(0.34);
        setTop(new RunToolbar(vm.run(), vm.curves()));
        setCenter(centre);
        setBottom(new DashboardStatusBar(vm.run()));

        graph.setOnAgentClicked(vm.focus()::selectAgent);
        vm.focus().selectedAgentProperty().addListener(o -> redrawAll());
        vm.focus().selectedViewProperty().addListener(o -> redrawAll());
        vm.curves().smoothingProperty().addListener(o -> redrawAll());
        vm.curves().logScaleProperty().addListener(o -> redrawAll());
        vm.curves().errorViewProperty().addListener(o -> redrawAll());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick(now);
            }
        };
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                timer.stop();
            } else {
                timer.start();
                installKeys(vm.run(), s);
            }
        });
        redrawAll();
    }

    private void tick(long now) {
        if (now - lastDrain < DRAIN_NANOS) {
            return;
        }
        lastDrain = now;
        vm.drain();
        if (vm.revisionProperty().get() == drawnRevision) {
            return;
        }
        graph.redraw(); // cheap: every drain
        // charts are costly to render: while training one part per CHART_NANOS, in turn; at once otherwise
        if (!vm.run().runningProperty().get()) {
            redrawAll();
        } else if (now - lastChartDraw >= CHART_NANOS) {
            lastChartDraw = now;
            redrawPart(nextPart);
            nextPart = (nextPart + 1) % (DashboardCharts.COUNT + 1);
        }
    }

    public TrainingDashboardViewModel viewModel() {
        return vm;
    }

    public LiveGraphView graph() {
        return graph;
    }

    /** Return, scalars, errors, Q-values. */
    public List<ChartPanel> charts() {
        return charts.panels();
    }

    public TableView<PolicyRow> policyTable() {
        return policy.table();
    }

    /** Follows the application's light/dark theme. */
    public void setDark(boolean dark) {
        this.dark = dark;
        graph.setDark(dark);
        charts.setDark(dark);
    }

    /** Stops drawing (the window closes); the run itself is stopped by the window. */
    public void dispose() {
        timer.stop();
    }

    /** Redraws every chart, the policy table and the graph from the view-model (FX thread). */
    public void redrawAll() {
        for (int k = 0; k <= DashboardCharts.COUNT; k++) {
            redrawPart(k);
        }
        graph.redraw();
    }

    /** One part: the charts 0–3, then 4 the policy table. */
    private void redrawPart(int k) {
        if (k < DashboardCharts.COUNT) {
            charts.redraw(k);
        } else {
            drawnRevision = vm.revisionProperty().get();
            policy.refresh();
        }
    }

    private static void installKeys(RunControlViewModel run, javafx.scene.Scene s) {
        s.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), run::train);
        s.getAccelerators().put(new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN), run::stop);
        s.getAccelerators().put(new KeyCodeCombination(KeyCode.F6), run::pause);
        s.getAccelerators().put(new KeyCodeCombination(KeyCode.F7), () -> run.step(1));
        s.getAccelerators().put(new KeyCodeCombination(KeyCode.F7, KeyCombination.SHIFT_DOWN), run::stepWindow);
        s.getAccelerators().put(new KeyCodeCombination(KeyCode.F7, KeyCombination.SHORTCUT_DOWN), run::stepEpisode);
        s.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), run::reset);
    }

    private static TitledPane titled(String title, Node content) {
        TitledPane p = new TitledPane(title, content);
        p.setCollapsible(false);
        p.setMaxHeight(Double.MAX_VALUE);
        p.setMinWidth(240); // a long title is cut short rather than taking the charts' room
        p.setTooltip(new javafx.scene.control.Tooltip(title));
        return p;
    }

    /** The data points currently plotted on a chart, summed over its datasets (for tests). */
    public static int itemCount(ChartPanel p) {
        XYPlot plot = p.chart().getXYPlot();
        int n = 0;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            for (int s = 0; plot.getDataset(d) != null && s < plot.getDataset(d).getSeriesCount(); s++) {
                n += plot.getDataset(d).getItemCount(s);
            }
        }
        return n;
    }

    /** The keys of the series currently plotted on a chart (for tests). */
    public static List<String> seriesKeys(ChartPanel p) {
        List<String> keys = new ArrayList<>();
        XYPlot plot = p.chart().getXYPlot();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            for (int s = 0; plot.getDataset(d) != null && s < plot.getDataset(d).getSeriesCount(); s++) {
                keys.add(String.valueOf(plot.getDataset(d).getSeriesKey(s)));
            }
        }
        return keys;
    }
}
