package dev.handoff.views.training.charts;

import dev.handoff.views.training.TrainingDashboardViewModel;
import dev.handoff.views.training.curves.ErrorView;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;

import java.util.List;

/**
 * The dashboard's four charts in a 2×2 grid: return, errors (with its chooser), handoff scalars and Q-values. Each shows
 * the {@link ChartContent} its adapter builds from the view-models; {@link #redraw(int)} redraws one at a time so no
 * frame has to render all four.
 */
public final class DashboardCharts extends GridPane {
    /** Charts in the order {@link #redraw(int)} numbers them. */
    public static final int COUNT = 4;
    private final ChartPanel returnPanel = new ChartPanel("chart-return", "handoffs per seed", "return J");
    private final ChartPanel errorPanel = new ChartPanel("chart-errors", "handoffs per seed", "mean |TD error|");
    private final ChartPanel scalarPanel = new ChartPanel("chart-scalars", "handoffs per seed", "scalar m");
    private final ChartPanel qPanel = new ChartPanel("chart-q", "handoffs per seed", "Q(view, action)");
    private final ReturnChart returns;
    private final ErrorChart errors;
    private final ScalarChart scalars;
    private final QValueChart qValues;
    private boolean dark;

    public DashboardCharts(TrainingDashboardViewModel vm) {
        returns = new ReturnChart(vm.curves(), vm.run(), vm.runs());
        errors = new ErrorChart(vm.trained(), vm.curves(), vm.run());
        scalars = new ScalarChart(vm.trained(), vm.curves(), vm.activity(), vm.run());
        qValues = new QValueChart(vm.trained(), vm.focus(), vm.curves(), vm.run());
        errorPanel.addControl(errorChooser(vm.curves().errorViewProperty()));

        setHgap(6);
        setVgap(6);
        setPadding(new Insets(6));
        add(returnPanel, 0, 0);
        add(errorPanel, 1, 0);
        add(scalarPanel, 0, 1);
        add(qPanel, 1, 1);
        for (ChartPanel p : panels()) {
            GridPane.setHgrow(p, Priority.ALWAYS);
            GridPane.setVgrow(p, Priority.ALWAYS);
            p.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            p.setPrefSize(300, 200);
        }
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        getColumnConstraints().addAll(half, half);
        RowConstraints halfHeight = new RowConstraints();
        halfHeight.setPercentHeight(50);
        getRowConstraints().addAll(halfHeight, halfHeight);
    }

    /**
     * "Show ▾": what the error chart shows (error components, oracle gap, TD errors), as a small menu so the chart's
     * title keeps its room.
     */
    private static MenuButton errorChooser(ObjectProperty<ErrorView> shown) {
        MenuButton menu = new MenuButton("Show");
        menu.setId("dash-error-view");
        menu.getStyleClass().addAll("small", "flat");
        menu.setFocusTraversable(false);
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.setTooltip(new Tooltip("What this chart shows: the error components of the bound, the oracle gap J* − J, "
                + "or the TD error per agent"));
        ToggleGroup group = new ToggleGroup();
        for (ErrorView v : ErrorView.values()) {
            RadioMenuItem item = new RadioMenuItem(v.toString());
            item.setId("dash-error-view-" + v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            item.setToggleGroup(group);
            item.setSelected(shown.get() == v);
            item.setOnAction(e -> shown.set(v));
            shown.addListener((o, a, now) -> item.setSelected(now == v));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** Return, errors, scalars, Q-values. */
    public List<ChartPanel> panels() {
        return List.of(returnPanel, scalarPanel, errorPanel, qPanel);
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        redrawAll();
    }

    public void redrawAll() {
        for (int k = 0; k < COUNT; k++) {
            redraw(k);
        }
    }

    /** Redraws one chart: 0 return, 1 errors, 2 scalars, 3 Q-values. */
    public void redraw(int k) {
        switch (k) {
            case 0 -> returnPanel.show(returns.content(), dark);
            case 1 -> errorPanel.show(errors.content(), dark);
            case 2 -> scalarPanel.show(scalars.content(), dark);
            default -> qPanel.show(qValues.content(), dark);
        }
    }
}
