package dev.handoff.views.training.extension;

import dev.handoff.train.SeedRun;
import dev.handoff.views.training.TrainedWorkflow;
import javafx.scene.Node;

import java.util.function.BiFunction;

/** A kind's measured panel on a seed: {@code measure} builds its {@link MeasuredPanel}, {@link MeasuredPanelView} shows it. */
public record MeasuredPanelAction<M extends MeasuredPanel>(String id, String menuText, String tableMenuText,
                                                           BiFunction<TrainedWorkflow, SeedRun, M> measurement)
        implements SeedPanelAction<M> {
    @Override
    public M measure(TrainedWorkflow trained, SeedRun seed) {
        return measurement.apply(trained, seed);
    }

    @Override
    public String title(M model) {
        return model.title();
    }

    @Override
    public Node view(M model) {
        return new MeasuredPanelView(model);
    }
}
