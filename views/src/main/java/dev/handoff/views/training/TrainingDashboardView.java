package dev.handoff.views.training;

import dev.handoff.train.Algorithm;
import dev.handoff.train.RunState;
import dev.handoff.train.live.RunFolders;
import dev.handoff.train.live.TrainingMode;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live training dashboard: a toolbar (Train, Pause, Step, Stop, Reset; learner, seeds, speed; smoothing, log
 * scale), the workflow graph with activity and edge scalars, the selected agent's greedy policy, past runs, four
 * JFreeChart-FX charts and a status bar. An animation timer drains the view-model about 15 times a second and
 * rebuilds chart datasets with notifications suspended.
 */
public final class TrainingDashboardView extends BorderPane {
    private static final long DRAIN_NANOS = 66_000_000L; // ≈ 15 Hz
    private static final long CHART_NANOS = 80_000_000L; // one chart every 80 ms: each about twice a second
    private static final int MAX_POINTS = 400;
    private static final int SCALAR_EDGES = 6;
    private final TrainingDashboardViewModel vm;
    private final LiveGraphView graph;
    private final ChartPanel returnPanel;
    private final ChartPanel scalarPanel;
    private final ChartPanel errorPanel;
    private final ChartPanel qPanel;
    private final TableView<PolicyRow> policy = new TableView<>();
    private final Label policyTitle = new Label();
    private final Label notification = new Label();
    private final ListView<RunFolders.Entry> runsList;
    private final PolicyDialogs policies;
    private boolean dark;
    private long lastDrain;
    private long lastChartDraw;
    private int nextChart;
    private long drawnRevision = -1;
    private final AnimationTimer timer;

    public TrainingDashboardView(TrainingDashboardViewModel vm) {
        this.vm = vm;
        this.runsList = new ListView<>(vm.runs());
        this.policies = new PolicyDialogs(vm, this::window, runsList, () -> dark);
        setId("training-dashboard");
        graph = new LiveGraphView(vm);
        returnPanel = new ChartPanel("chart-return", chart("handoffs per seed", "return J"));
        scalarPanel = new ChartPanel("chart-scalars", chart("handoffs per seed", "scalar m"));
        errorPanel = new ChartPanel("chart-errors", chart("handoffs per seed", "mean |TD error|"));
        qPanel = new ChartPanel("chart-q", chart("handoffs per seed", "Q(view, action)"));

        ComboBox<TrainingDashboardViewModel.ErrorView> errorChoice = new ComboBox<>(
                FXCollections.observableArrayList(TrainingDashboardViewModel.ErrorView.values()));
        errorChoice.setId("dash-error-view");
        errorChoice.getStyleClass().add("small");
        errorChoice.valueProperty().bindBidirectional(vm.errorViewProperty());
        errorChoice.setFocusTraversable(false);
        errorChoice.setMinWidth(Region.USE_PREF_SIZE);
        errorChoice.setTooltip(new Tooltip("What this chart shows"));
        errorPanel.addControl(errorChoice);
        vm.errorViewProperty().addListener(o -> redrawAll());
        setTop(toolbar());
        setCenter(centre());
        setBottom(statusBar());

        graph.setOnAgentClicked(i -> {
            vm.selectedAgentProperty().set(i);
            vm.selectedViewProperty().set(0);
        });
        vm.selectedAgentProperty().addListener(o -> redrawAll());
        vm.selectedViewProperty().addListener(o -> redrawAll());
        vm.smoothingProperty().addListener(o -> redrawAll());
        vm.logScaleProperty().addListener(o -> redrawAll());
        policy.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && row.key() != vm.selectedViewProperty().get()) {
                vm.selectedViewProperty().set(row.key());
            }
        });
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (now - lastDrain < DRAIN_NANOS) {
                    return;
                }
                lastDrain = now;
                vm.drain();
                if (vm.revisionProperty().get() != drawnRevision) {
                    graph.redraw(); // cheap: every drain
                    // charts are costly to render: while training, at most every CHART_NANOS; at once otherwise
                    // one chart per tick, in turn, keeps every pulse short (software rendering redraws a chart in ~25 ms)
                    if (!vm.runningProperty().get()) {
                        redrawAll();
                    } else if (now - lastChartDraw >= CHART_NANOS) {
                        lastChartDraw = now;
                        redrawOne(nextChart);
                        nextChart = (nextChart + 1) % 5;
                    }
                }
            }
        };
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
        installKeys();
        redrawAll();
    }

    public TrainingDashboardViewModel viewModel() {
        return vm;
    }

    public LiveGraphView graph() {
        return graph;
    }

    public List<ChartPanel> charts() {
        return List.of(returnPanel, scalarPanel, errorPanel, qPanel);
    }

    public TableView<PolicyRow> policyTable() {
        return policy;
    }

    /** Follows the application's light/dark theme. */
    public void setDark(boolean dark) {
        this.dark = dark;
        graph.setDark(dark);
        redrawAll();
    }

    /** Stops drawing (the window closes); the run itself is stopped by the view-model. */
    public void dispose() {
        timer.stop();
    }

    // ---- layout

    private ToolBar toolbar() {
        Button train = button("▶  Train", "Train (F5): start, or resume a paused run", vm::train);
        train.setId("dash-train");
        train.getStyleClass().add("accent");
        train.disableProperty().bind(vm.runningProperty());
        Button pause = button("Pause", "Pause (F6): trainers stop between chunks; nothing is lost", vm::pause);
        pause.setId("dash-pause");
        pause.disableProperty().bind(vm.runningProperty().not());
        Button step = button("Step", "Step one handoff per seed (F7): follow the artifact", () -> vm.step(1));
        step.setId("dash-step");
        Button stepWindow = button("Window", "Step one evaluation window per seed (Shift+F7): one more point on every curve",
                vm::stepWindow);
        stepWindow.setId("dash-step-window");
        Button stepEpisode = button("Episode", "Step until seed 1's artifact is handed to STOP (Ctrl+F7)", vm::stepEpisode);
        stepEpisode.setId("dash-step-episode");
        stepEpisode.disableProperty().bind(vm.runningProperty());
        step.disableProperty().bind(vm.runningProperty());
        stepWindow.disableProperty().bind(vm.runningProperty());
        Button stop = button("■  Stop", "Stop (Shift+F5): end the run; its folder keeps checkpoints and summary", vm::stop);
        stop.setId("dash-stop");
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            RunState s = vm.stateProperty().get();
            return s == RunState.READY || s.isTerminal();
        }, vm.stateProperty()));
        Button reset = button("↺  Reset", "Reset (Ctrl+R): forget this run and clear the charts (run folders stay)", vm::reset);
        reset.setId("dash-reset");

        ComboBox<TrainingMode> mode = new ComboBox<>(FXCollections.observableArrayList(TrainingMode.values()));
        mode.setId("dash-mode");
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setTooltip(new Tooltip("Learners: tabular IC-Q alone, or IC-Q beside the centralised oracle and the "
                + "no-scalar baseline on the same seeds; neural IC-Q (DJL networks, one trainer thread)"));
        Spinner<Integer> seeds = new Spinner<>(1, 10, vm.seedsProperty().get());
        seeds.setId("dash-seeds");
        seeds.setPrefWidth(70);
        seeds.valueProperty().addListener((o, a, n) -> vm.seedsProperty().set(n));
        vm.seedsProperty().addListener((o, a, n) -> seeds.getValueFactory().setValue(n.intValue()));
        seeds.setTooltip(new Tooltip("Seeds per learner (1, 2, …)"));
        ComboBox<String> speed = new ComboBox<>(FXCollections.observableArrayList("Full speed", "10 000 /s", "1 000 /s",
                "100 /s", "10 /s", "2 /s"));
        speed.setId("dash-speed");
        speed.setValue("Full speed");
        speed.setTooltip(new Tooltip("Handoffs per second per seed: slow speeds let you follow the artifact on the graph"));
        speed.valueProperty().addListener((o, a, v) -> vm.setPace(v.startsWith("Full") ? 0
                : Double.parseDouble(v.replace(" /s", "").replace(" ", ""))));
        vm.paceProperty().addListener((o, a, p) -> speed.setValue(p.doubleValue() <= 0 ? "Full speed"
                : String.format(Locale.ROOT, "%,.0f /s", p.doubleValue()).replace(',', ' ')));
        Slider smooth = new Slider(0, 0.95, vm.smoothingProperty().get());
        smooth.setId("dash-smoothing");
        smooth.setPrefWidth(80);
        smooth.valueProperty().bindBidirectional(vm.smoothingProperty());
        smooth.setTooltip(new Tooltip("Smoothing of noisy curves (display only: the raw data are kept)"));
        CheckBox log = new CheckBox("Log scale");
        log.setId("dash-log");
        log.selectedProperty().bindBidirectional(vm.logScaleProperty());
        log.setTooltip(new Tooltip("Logarithmic handoffs axis on every chart, and logarithmic TD error"));
        Label learner = new Label("Learner");
        Label seedLabel = new Label("Seeds");
        Label speedLabel = new Label("Speed");
        Label smoothLabel = new Label("Smoothing");
        return new ToolBar(train, pause, step, stepEpisode, stepWindow, stop, reset, new Separator(Orientation.VERTICAL), learner, mode,
                seedLabel, seeds, speedLabel, speed, new Separator(Orientation.VERTICAL), smoothLabel, smooth, log);
    }

    private javafx.stage.Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private SplitPane centre() {
        TitledPane graphPane = titled("Workflow · glow = recent decisions · edges: mean scalar (count) last window", graph);
        graphPane.setId("dash-graph-pane");

        TableColumn<PolicyRow, String> view = new TableColumn<>("View");
        view.setCellValueFactory(r -> new javafx.beans.property.SimpleStringProperty(r.getValue().view()));
        view.setPrefWidth(170);
        TableColumn<PolicyRow, String> best = new TableColumn<>("Best action");
        best.setCellValueFactory(r -> new javafx.beans.property.SimpleStringProperty(r.getValue().bestAction()));
        best.setPrefWidth(100);
        TableColumn<PolicyRow, String> value = new TableColumn<>("Q");
        value.setCellValueFactory(r -> new javafx.beans.property.SimpleStringProperty(
                String.format(Locale.ROOT, "%.3f", r.getValue().value())));
        value.setPrefWidth(60);
        TableColumn<PolicyRow, String> visits = new TableColumn<>("Visits");
        visits.setCellValueFactory(r -> new javafx.beans.property.SimpleStringProperty(
                TrainingDashboardViewModel.count(r.getValue().visits())));
        visits.setPrefWidth(60);
        policy.getColumns().setAll(List.of(view, best, value, visits));
        policy.setPlaceholder(new Label("Train, then click an agent on the graph"));
        policy.setId("dash-policy");
        policy.setContextMenu(policies.policyTableMenu());
        policy.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox policyBox = new VBox(4, policyTitle, policy);
        VBox.setVgrow(policy, Priority.ALWAYS);
        policyTitle.getStyleClass().add("text-small");
        policyTitle.setPadding(new Insets(2, 4, 0, 4));
        TitledPane policyPane = titled("Greedy policy of the selected agent", policyBox);

        ListView<RunFolders.Entry> runs = runsList;
        runs.setId("dash-runs");
        runs.setPlaceholder(new Label("No saved runs of this workflow yet"));
        runs.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RunFolders.Entry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(String.format(Locale.ROOT, "%s  %s  %d seeds  %s%s", e.dir().getFileName().toString().substring(0,
                        Math.min(15, e.dir().getFileName().toString().length())), e.algorithm(), e.seeds(), e.status(),
                        e.meanReturn() == null ? "" : String.format(Locale.ROOT, "  J = %.3f ± %.3f", e.meanReturn(),
                                e.meanReturnCi95() == null ? 0 : e.meanReturnCi95())));
                setTooltip(new Tooltip(e.dir() + (e.reason() == null ? "" : "\n" + e.status() + ": " + e.reason())));
            }
        });
        runs.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        runs.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<RunFolders.Entry>) c ->
                vm.overlay(List.copyOf(runs.getSelectionModel().getSelectedItems())));
        runs.setTooltip(new Tooltip("Select runs (Ctrl-click for several) to overlay their return curves (dotted) on the return chart"));
        Button resume = new Button("Resume");
        resume.setId("dash-resume");
        resume.setTooltip(new Tooltip("Continue the selected past run from its checkpoints to its budget (or a larger one),"
                + " appending to its run folder"));
        resume.disableProperty().bind(javafx.beans.binding.Bindings.size(runs.getSelectionModel().getSelectedItems()).isNotEqualTo(1)
                .or(vm.runningProperty()));
        resume.setOnAction(e -> resumeSelected());
        HBox runActions = new HBox(6, new Label("This run:"), policies.policiesMenu(), resume);
        runActions.setAlignment(Pos.CENTER_LEFT);
        runActions.setPadding(new Insets(2, 4, 2, 4));
        VBox runsBox = new VBox(2, runs, runActions);
        VBox.setVgrow(runs, Priority.ALWAYS);
        TitledPane runsPane = titled("Runs of this workflow · select to overlay", runsBox);

        SplitPane left = new SplitPane(graphPane, policyPane, runsPane);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.5, 0.77);

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        grid.add(returnPanel, 0, 0);
        grid.add(errorPanel, 1, 0);
        grid.add(scalarPanel, 0, 1);
        grid.add(qPanel, 1, 1);
        for (ChartPanel p : charts()) {
            GridPane.setHgrow(p, Priority.ALWAYS);
            GridPane.setVgrow(p, Priority.ALWAYS);
            p.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            p.setPrefSize(300, 200);
        }
        javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
        c.setPercentWidth(50);
        grid.getColumnConstraints().addAll(c, c);
        javafx.scene.layout.RowConstraints r = new javafx.scene.layout.RowConstraints();
        r.setPercentHeight(50);
        grid.getRowConstraints().addAll(r, r);

        SplitPane centre = new SplitPane(left, grid);
        centre.setDividerPositions(0.34);
        return centre;
    }

    private VBox statusBar() {
        notification.setId("dash-notification");
        notification.textProperty().bind(vm.notificationProperty());
        notification.setWrapText(true);
        notification.visibleProperty().bind(vm.notificationProperty().isNotEmpty());
        notification.managedProperty().bind(notification.visibleProperty());
        notification.setPadding(new Insets(4, 10, 4, 10));
        notification.setMaxWidth(Double.MAX_VALUE);
        vm.stateProperty().addListener((o, a, s) -> styleNotification(s));
        Label status = new Label();
        status.setId("dash-status");
        status.textProperty().bind(vm.statusTextProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(180);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox line = new HBox(12, status, grow, bar);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(4, 10, 4, 10));
        line.getStyleClass().add("status-bar");
        return new VBox(notification, line);
    }

    private void styleNotification(RunState s) {
        notification.getStyleClass().removeAll("success", "warning", "danger");
        String style = switch (s) {
            case FINISHED -> "-fx-background-color: -color-success-subtle; -fx-text-fill: -color-success-fg;";
            case DIVERGED -> "-fx-background-color: -color-warning-subtle; -fx-text-fill: -color-warning-fg;";
            case FAILED -> "-fx-background-color: -color-danger-subtle; -fx-text-fill: -color-danger-fg;";
            default -> "-fx-background-color: -color-neutral-subtle;";
        };
        notification.setStyle(style);
    }

    private void installKeys() {
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                return;
            }
            s.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), vm::train);
            s.getAccelerators().put(new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN), vm::stop);
            s.getAccelerators().put(new KeyCodeCombination(KeyCode.F6), vm::pause);
            s.getAccelerators().put(new KeyCodeCombination(KeyCode.F7), () -> vm.step(1));
            s.getAccelerators().put(new KeyCodeCombination(KeyCode.F7, KeyCombination.SHIFT_DOWN), vm::stepWindow);
            s.getAccelerators().put(new KeyCodeCombination(KeyCode.F7, KeyCombination.SHORTCUT_DOWN), vm::stepEpisode);
            s.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), vm::reset);
        });
    }

    // ---- charts

    private static JFreeChart chart(String x, String y) {
        XYPlot plot = new XYPlot();
        NumberAxis xa = new NumberAxis(x);
        xa.setAutoRangeIncludesZero(false);
        xa.setAutoRangeMinimumSize(1000); // one point, or a few handoffs, still gets a readable axis
        NumberAxis ya = new NumberAxis(y);
        ya.setAutoRangeIncludesZero(false);
        ya.setAutoRangeMinimumSize(0.01);
        plot.setDomainAxis(xa);
        plot.setRangeAxis(ya);
        JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return c;
    }

    private static Color faint(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 70);
    }

    private static Color algoColor(Algorithm a) {
        if (a == Algorithm.ORACLE) {
            return ChartTheme.ORACLE;
        }
        if (a == Algorithm.INDEPENDENT) {
            return ChartTheme.INDEPENDENT;
        }
        return a == Algorithm.ICQ_TABULAR || a == Algorithm.ICQ_NEURAL ? ChartTheme.ICQ : ChartTheme.palette(3 + a.ordinal());
    }

    private static Algorithm algorithmOf(String cliName) {
        try {
            return Algorithm.parse(cliName);
        } catch (IllegalArgumentException e) {
            return Algorithm.ICQ_TABULAR;
        }
    }

    private static String algoLabel(Algorithm a) {
        if (a == Algorithm.ICQ_TABULAR) {
            return "IC-Q";
        }
        if (a == Algorithm.ICQ_NEURAL) {
            return "neural IC-Q";
        }
        return a.cliName(); // oracle, independent, and learners added later under their CLI names
    }

    /** Rebuilds every chart's datasets from the view-model, notifications suspended meanwhile (FX thread). */
    public void redrawAll() {
        for (int k = 0; k < 5; k++) {
            redrawOne(k);
        }
        graph.redraw();
    }

    /** Redraws one part: 0 return, 1 errors, 2 scalars, 3 Q-values, 4 policy table. */
    private void redrawOne(int k) {
        switch (k) {
            case 0 -> drawReturn();
            case 1 -> drawErrors();
            case 2 -> drawScalars();
            case 3 -> drawQ();
            default -> drawPolicy();
        }
    }

    private void drawPolicy() {
        drawnRevision = vm.revisionProperty().get();
        int agent = vm.selectedAgentProperty().get();
        List<PolicyRow> rows = vm.policyTable(agent);
        PolicyRow sel = policy.getSelectionModel().getSelectedItem();
        policy.getItems().setAll(rows);
        if (sel != null && sel.key() < rows.size()) {
            policy.getSelectionModel().select(sel.key());
        }
        policyTitle.setText(vm.agentName(agent) + " (" + vm.workflow().agents().get(agent).id() + ") · "
                + algoLabel(vm.primary()) + ", seed 1 · click a row to plot its Q-values");
    }

    private void axes(XYPlot plot, boolean logY) {
        boolean logX = vm.logScaleProperty().get();
        ValueAxis x = plot.getDomainAxis();
        if (logX != (x instanceof LogAxis)) {
            ValueAxis nx = logX ? new LogAxis(x.getLabel()) : new NumberAxis(x.getLabel());
            if (nx instanceof NumberAxis n) {
                n.setAutoRangeIncludesZero(false);
                n.setAutoRangeMinimumSize(1000);
            } else {
                ((LogAxis) nx).setSmallestValue(1);
            }
            plot.setDomainAxis(nx);
        }
        ValueAxis y = plot.getRangeAxis();
        if (logY != (y instanceof LogAxis)) {
            ValueAxis ny = logY ? new LogAxis(y.getLabel()) : new NumberAxis(y.getLabel());
            if (ny instanceof NumberAxis n) {
                n.setAutoRangeIncludesZero(false);
                n.setAutoRangeMinimumSize(0.01);
            } else {
                ((LogAxis) ny).setSmallestValue(1e-6);
            }
            plot.setRangeAxis(ny);
        }
    }

    /** Widens the (linear) range axis so a marker at {@code value} (J*) is in view; markers do not count for auto-range. */
    private static void includeInRange(XYPlot plot, Double value) {
        org.jfree.chart.axis.ValueAxis axis = plot.getRangeAxis();
        if (value == null || axis instanceof LogAxis) {
            return;
        }
        axis.setAutoRange(true);
        org.jfree.data.Range data = plot.getDataRange(axis);
        if (data != null && !data.contains(value)) {
            org.jfree.data.Range both = org.jfree.data.Range.expandToInclude(data, value);
            double pad = 0.05 * Math.max(both.getLength(), 1e-9);
            axis.setRange(both.getLowerBound() - pad, both.getUpperBound() + pad);
        }
    }

    private static void addBand(YIntervalSeriesCollection bands, String key, SeedBand b, boolean positiveOnly) {
        YIntervalSeries s = new YIntervalSeries(key, false, true);
        s.setNotify(false);
        int stride = Math.max(1, b.size() / MAX_POINTS);
        for (int i = 0; i < b.size(); i += stride) {
            if (!Double.isNaN(b.mean()[i]) && (!positiveOnly || b.mean()[i] > 0)) {
                double lo = positiveOnly ? Math.max(b.lower()[i], b.mean()[i] * 0.01) : b.lower()[i];
                s.add(b.x()[i], b.mean()[i], lo, b.upper()[i]);
            }
        }
        bands.addSeries(s);
    }

    private void drawReturn() {
        JFreeChart c = returnPanel.chart();
        c.setNotify(false);
        XYPlot plot = c.getXYPlot();
        axes(plot, false);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        XYSeriesCollection seeds = new XYSeriesCollection();
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setAlpha(0.18f);
        XYLineAndShapeRenderer faint = new XYLineAndShapeRenderer(true, false);
        int k = 0;
        boolean greedy = vm.showsGreedyReturn();
        double smoothing = greedy ? 0 : vm.smoothingProperty().get();
        for (Algorithm a : vm.algorithms()) {
            Map<Long, SeriesBuffer> curves = vm.returnCurves(a);
            addBand(bands, algoLabel(a) + " (mean ± 95% CI)", vm.returnBand(a), false);
            band.setSeriesPaint(bands.getSeriesCount() - 1, algoColor(a));
            band.setSeriesFillPaint(bands.getSeriesCount() - 1, algoColor(a));
            band.setSeriesStroke(bands.getSeriesCount() - 1, new BasicStroke(2f));
            for (Map.Entry<Long, SeriesBuffer> e : curves.entrySet()) {
                XYSeries s = new XYSeries(algoLabel(a) + " seed " + e.getKey(), false, true);
                SeriesBuffer b = e.getValue();
                double[] y = smoothing > 0 ? Smoothing.exponential(b.ys(), b.size(), smoothing) : null;
                int stride = Math.max(1, b.size() / MAX_POINTS);
                for (int i = 0; i < b.size(); i += stride) {
                    double v = y == null ? b.y(i) : y[i];
                    if (!Double.isNaN(v)) {
                        s.add(b.x(i), v, false);
                    }
                }
                seeds.addSeries(s);
                faint.setSeriesPaint(k, faint(algoColor(a)));
                faint.setSeriesStroke(k, new BasicStroke(0.8f));
                faint.setSeriesVisibleInLegend(k, false);
                k++;
            }
        }
        plot.setDataset(0, bands);
        plot.setRenderer(0, band);
        plot.setDataset(1, seeds);
        plot.setRenderer(1, faint);
        plot.clearRangeMarkers();
        Double jStar = vm.oracleReturn();
        if (jStar != null) {
            ValueMarker m = new ValueMarker(jStar, dark ? new Color(0xc9, 0xd1, 0xd9) : new Color(0x24, 0x29, 0x2f),
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            m.setLabel(String.format(Locale.ROOT, "J* = %.3f (exact optimum)", jStar));
            m.setLabelPaint(dark ? new Color(0xc9, 0xd1, 0xd9) : new Color(0x24, 0x29, 0x2f));
            m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(m);
        }
        includeInRange(plot, jStar);
        XYSeriesCollection past = new XYSeriesCollection();
        XYLineAndShapeRenderer dotted = new XYLineAndShapeRenderer(true, false);
        for (TrainingDashboardViewModel.Overlay o : vm.overlaid()) {
            RunFolders.Entry e = o.run();
            Color col = algoColor(algorithmOf(e.algorithm()));
            String folder = e.dir().getFileName().toString();
            String name = folder.contains(e.algorithm()) ? folder : folder + " " + e.algorithm();
            if (o.curve() != null) {
                XYSeries s = new XYSeries(name + " (past, " + o.curve().seeds() + " seeds)", false, true);
                int stride = Math.max(1, o.curve().size() / MAX_POINTS);
                for (int i = 0; i < o.curve().size(); i += stride) {
                    s.add(o.curve().x()[i], o.curve().y()[i], false);
                }
                past.addSeries(s);
                int k2 = past.getSeriesCount() - 1;
                dotted.setSeriesPaint(k2, col);
                dotted.setSeriesStroke(k2, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                        new float[] {2f, 3f}, 0f));
            } else if (e.meanReturn() != null) {
                ValueMarker m = new ValueMarker(e.meanReturn(), col, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 1f, new float[] {2f, 3f}, 0f));
                m.setLabel(String.format(Locale.ROOT, "%s: J = %.3f (no curve recorded)", name, e.meanReturn()));
                m.setLabelPaint(col);
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addRangeMarker(m);
            }
        }
        plot.setDataset(2, past);
        plot.setRenderer(2, dotted);
        plot.getRangeAxis().setLabel(greedy ? "return J of the greedy policy (exact)" : "mean episode return (training)");
        String overlays = vm.overlaid().isEmpty() ? "" : " · dotted: past runs";
        returnPanel.setCaption((greedy ? "Greedy return J (exact) · mean ± 95% CI · seeds faint · dashed: J*"
                : "Training return per window · mean ± 95% CI · seeds faint") + overlays);
        ChartTheme.apply(c, dark);
        c.setNotify(true);
    }

    private void drawScalars() {
        JFreeChart c = scalarPanel.chart();
        c.setNotify(false);
        XYPlot plot = c.getXYPlot();
        axes(plot, false);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.12f);
        List<Integer> shown = busiestEdges(SCALAR_EDGES);
        for (int e : shown) {
            SeedBand mean = vm.scalarMeanBand(e);
            SeedBand spread = vm.scalarStdBand(e);
            YIntervalSeries s = new YIntervalSeries(vm.edgeName(e), false, true);
            int stride = Math.max(1, mean.size() / MAX_POINTS);
            for (int i = 0; i < mean.size(); i += stride) {
                double sd = i < spread.size() ? spread.mean()[i] : 0;
                if (!Double.isNaN(mean.mean()[i])) {
                    s.add(mean.x()[i], mean.mean()[i], mean.mean()[i] - sd, mean.mean()[i] + sd);
                }
            }
            if (s.getItemCount() == 0) {
                continue;
            }
            bands.addSeries(s);
            int k = bands.getSeriesCount() - 1;
            r.setSeriesPaint(k, ChartTheme.palette(e));
            r.setSeriesFillPaint(k, ChartTheme.palette(e));
            r.setSeriesStroke(k, new BasicStroke(1.3f));
        }
        plot.setDataset(0, bands);
        plot.setRenderer(0, r);
        c.getLegend().setVisible(bands.getSeriesCount() <= 8);
        scalarPanel.setCaption("Handoff scalars m (" + algoLabel(vm.primary()) + ") · "
                + (shown.size() < vm.edgeCount() ? "the " + shown.size() + " busiest of " + vm.edgeCount() + " edges" : "every edge")
                + " · band: spread in a window");
        ChartTheme.apply(c, dark);
        c.setNotify(true);
    }

    /** The {@code n} edges that carried the most scalars in the latest window (all of them before any data). */
    private List<Integer> busiestEdges(int n) {
        List<Integer> edges = new ArrayList<>();
        for (int e = 0; e < vm.edgeCount(); e++) {
            edges.add(e);
        }
        edges.sort((a, b) -> Long.compare(vm.edgeRecentCount(b), vm.edgeRecentCount(a)));
        return edges.subList(0, Math.min(n, edges.size()));
    }

    private void drawErrors() {
        TrainingDashboardViewModel.ErrorView shown = vm.errorViewProperty().get();
        if (shown == TrainingDashboardViewModel.ErrorView.COMPONENTS && vm.live() != null && vm.oracleReturn() != null) {
            if (vm.componentLearner() != null) {
                drawComponents(vm.componentLearner());
            } else {
                drawOracleGap(); // the oracle alone learns on the joint state: it has no interface components
            }
            return;
        }
        if (shown != TrainingDashboardViewModel.ErrorView.TD_ERROR && vm.live() != null && vm.oracleReturn() != null) {
            drawOracleGap();
            return;
        }
        JFreeChart c = errorPanel.chart();
        c.setNotify(false);
        XYPlot plot = c.getXYPlot();
        boolean log = vm.logScaleProperty().get();
        axes(plot, log);
        plot.setDataset(1, null);
        plot.getRangeAxis().setLabel("mean |TD error|");
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < vm.agentCount(); i++) {
            SeedBand b = vm.tdBand(i);
            XYSeries s = new XYSeries(vm.workflow().agents().get(i).id(), false, true);
            int stride = Math.max(1, b.size() / MAX_POINTS);
            for (int p = 0; p < b.size(); p += stride) {
                double v = b.mean()[p];
                if (!Double.isNaN(v) && (!log || v > 0)) {
                    s.add(b.x()[p], v, false);
                }
            }
            lines.addSeries(s);
            r.setSeriesPaint(i, ChartTheme.palette(i));
            r.setSeriesStroke(i, new BasicStroke(1.3f));
        }
        plot.setDataset(0, lines);
        plot.setRenderer(0, r);
        c.getLegend().setVisible(vm.agentCount() <= 12);
        errorPanel.setCaption("TD error per agent (" + algoLabel(vm.primary()) + ", mean over seeds)"
                + (vm.oracleReturn() == null && vm.live() != null ? " · no finite model: no error components or oracle gap" : ""));
        ChartTheme.apply(c, dark);
        c.setNotify(true);
    }

    /**
     * The error components of {@code a} (ICQ.md §4), mean over seeds: neural approximation, interface gap, mixing
     * residual and total, with the sum of parts dashed so the closure check total ≤ sum of parts can be seen.
     */
    private void drawComponents(Algorithm a) {
        JFreeChart c = errorPanel.chart();
        c.setNotify(false);
        XYPlot plot = c.getXYPlot();
        boolean log = vm.logScaleProperty().get();
        axes(plot, log);
        plot.setDataset(1, null);
        plot.getRangeAxis().setLabel("μ-weighted error (units of Q)");
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int k = 0;
        // total and the sum of parts first, so the thinner parts stay visible on top where they coincide
        for (TrainingDashboardViewModel.ErrorComponent e : List.of(TrainingDashboardViewModel.ErrorComponent.TOTAL,
                TrainingDashboardViewModel.ErrorComponent.SUM_OF_PARTS, TrainingDashboardViewModel.ErrorComponent.INTERFACE_GAP,
                TrainingDashboardViewModel.ErrorComponent.MIXING_RESIDUAL, TrainingDashboardViewModel.ErrorComponent.NEURAL_APPROX)) {
            if (e == TrainingDashboardViewModel.ErrorComponent.NEURAL_APPROX && a != Algorithm.ICQ_NEURAL) {
                continue; // identically 0 for tabular learners (the caption says so)
            }
            SeedBand b = vm.componentBand(a, e);
            XYSeries s = new XYSeries(e.toString(), false, true);
            int stride = Math.max(1, b.size() / MAX_POINTS);
            for (int p = 0; p < b.size(); p += stride) {
                double v = b.mean()[p];
                if (!Double.isNaN(v) && (!log || v > 0)) {
                    s.add(b.x()[p], v, false);
                }
            }
            lines.addSeries(s);
            r.setSeriesPaint(k, componentColor(e));
            r.setSeriesStroke(k, e == TrainingDashboardViewModel.ErrorComponent.SUM_OF_PARTS
                    ? new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f)
                    : new BasicStroke(e == TrainingDashboardViewModel.ErrorComponent.TOTAL ? 4f : 1.5f));
            k++;
        }
        plot.setDataset(0, lines);
        plot.setRenderer(0, r);
        c.getLegend().setVisible(true);
        long readings = vm.componentReadings(a);
        String check = readings == 0 ? "no reading yet"
                : vm.closureHolds(a) ? "total ≤ sum of parts ✓" : "total > sum of parts ✗ in some readings";
        errorPanel.setCaption("Error components of " + algoLabel(a) + " · mean over seeds · " + check, readings + " readings (all seeds) of the bound's terms, ICQ.md §4"
                + (a == Algorithm.ICQ_NEURAL ? "" : "; the neural approximation is 0 for a tabular learner, so not drawn"));
        ChartTheme.apply(c, dark);
        c.setNotify(true);
    }

    private static java.awt.Color componentColor(TrainingDashboardViewModel.ErrorComponent e) {
        return switch (e) {
            case NEURAL_APPROX -> ChartTheme.palette(4);
            case INTERFACE_GAP -> ChartTheme.palette(3);
            case MIXING_RESIDUAL -> ChartTheme.palette(5);
            case TOTAL -> ChartTheme.ICQ;
            case SUM_OF_PARTS -> ChartTheme.palette(7);
        };
    }

    /** J* − J per learner, mean ± 95% CI: what is left of each learner's return gap (IC-Q keeps its interface gap). */
    private void drawOracleGap() {
        JFreeChart c = errorPanel.chart();
        c.setNotify(false);
        XYPlot plot = c.getXYPlot();
        boolean log = vm.logScaleProperty().get();
        axes(plot, log);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.18f);
        for (Algorithm a : vm.algorithms()) {
            addBand(bands, algoLabel(a) + " J* − J", vm.oracleGapBand(a), log);
            int k = bands.getSeriesCount() - 1;
            r.setSeriesPaint(k, algoColor(a));
            r.setSeriesFillPaint(k, algoColor(a));
            r.setSeriesStroke(k, new BasicStroke(2f));
        }
        plot.setDataset(0, bands);
        plot.setRenderer(0, r);
        plot.setDataset(1, null);
        plot.getRangeAxis().setLabel("J* − J (greedy policy, exact)");
        c.getLegend().setVisible(true);
        errorPanel.setCaption("Mean ± 95% CI over seeds · IC-Q keeps its interface gap");
        ChartTheme.apply(c, dark);
        c.setNotify(true);
    }

    private void drawQ() {
        JFreeChart c = qPanel.chart();
        c.setNotify(false);
        XYPlot plot = c.getXYPlot();
        axes(plot, false);
        int agent = vm.selectedAgentProperty().get();
        int view = Math.min(vm.selectedViewProperty().get(), Math.max(0, vm.viewCount(agent) - 1));
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        List<SeriesBuffer> curves = vm.qCurves(agent, view);
        for (int a = 0; a < curves.size(); a++) {
            String key = vm.actionName(agent, a);
            if (lines.getSeriesIndex(key) >= 0) {
                key = key + " (action " + a + ")";
            }
            XYSeries s = new XYSeries(key, false, true);
            SeriesBuffer b = curves.get(a);
            int stride = Math.max(1, b.size() / MAX_POINTS);
            for (int i = 0; i < b.size(); i += stride) {
                s.add(b.x(i), b.y(i), false);
            }
            lines.addSeries(s);
            r.setSeriesPaint(a, ChartTheme.palette(a + 3));
            r.setSeriesStroke(a, new BasicStroke(1.6f));
        }
        plot.setDataset(0, lines);
        plot.setRenderer(0, r);
        qPanel.setCaption("Q-values of " + vm.workflow().agents().get(agent).id() + " at view "
                + vm.describeView(agent, view) + ", one line per action (" + algoLabel(vm.primary()) + ", seed 1)");
        ChartTheme.apply(c, dark);
        c.setNotify(true);
    }

    private static TitledPane titled(String title, javafx.scene.Node content) {
        TitledPane p = new TitledPane(title, content);
        p.setCollapsible(false);
        p.setMaxHeight(Double.MAX_VALUE);
        return p;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /** The curves currently plotted on a chart, summed over its datasets (for tests). */
    public static int itemCount(ChartPanel p) {
        XYPlot plot = p.chart().getXYPlot();
        int n = 0;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) != null) {
                for (int s = 0; s < plot.getDataset(d).getSeriesCount(); s++) {
                    n += plot.getDataset(d).getItemCount(s);
                }
            }
        }
        return n;
    }

    static List<String> seriesKeys(ChartPanel p) {
        List<String> keys = new ArrayList<>();
        XYPlot plot = p.chart().getXYPlot();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) != null) {
                for (int s = 0; s < plot.getDataset(d).getSeriesCount(); s++) {
                    keys.add(String.valueOf(plot.getDataset(d).getSeriesKey(s)));
                }
            }
        }
        return keys;
    }

    /** Asks for the budget (the run's own by default) and resumes the selected past run in the dashboard. */
    private void resumeSelected() {
        RunFolders.Entry past = runsList.getSelectionModel().getSelectedItem();
        if (past == null) {
            return;
        }
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(String.valueOf(past.handoffs()));
        ask.setTitle("Resume run");
        ask.setHeaderText("Resume " + past.dir().getFileName() + " (" + past.algorithm() + ", " + past.seeds() + " seeds)");
        ask.setContentText("Handoffs per seed:");
        ask.showAndWait().ifPresent(text -> {
            long budget;
            try {
                budget = Long.parseLong(text.replace(",", "").replace("_", "").trim());
            } catch (NumberFormatException ex) {
                policies.message(javafx.scene.control.Alert.AlertType.ERROR, "Resume run", "Not a number of handoffs: " + text);
                return;
            }
            if (!vm.resumeRun(past, budget)) {
                policies.message(javafx.scene.control.Alert.AlertType.ERROR, "Resume run", vm.notificationProperty().get());
            }
        });
    }
}
