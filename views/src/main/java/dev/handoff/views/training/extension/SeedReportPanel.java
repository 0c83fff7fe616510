package dev.handoff.views.training.extension;

import dev.handoff.train.SeedRun;
import dev.handoff.views.training.TrainedWorkflow;
import javafx.scene.Node;

import java.util.function.BiFunction;

/** A panel listing a {@link SeedReport}'s items (cpu-programming's programs), made by {@code report}. */
public record SeedReportPanel(String id, String menuText, String tableMenuText,
                              BiFunction<TrainedWorkflow, SeedRun, SeedReport> report) implements SeedPanelAction<SeedReport> {
    @Override
    public SeedReport measure(TrainedWorkflow trained, SeedRun seed) {
        return report.apply(trained, seed);
    }

    @Override
    public String title(SeedReport model) {
        return model.title();
    }

    @Override
    public Node view(SeedReport model) {
        return new SeedReportView(model);
    }
}
