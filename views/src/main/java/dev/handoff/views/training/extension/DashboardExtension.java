package dev.handoff.views.training.extension;

import java.util.List;

/**
 * What one environment kind adds to the training dashboard. The dashboard finds the extension of its workflow's kind by
 * {@link #kindId()} ({@link DashboardExtensions}, a {@link java.util.ServiceLoader}): a new kind adds its panels by
 * adding an implementation and a line to {@code META-INF/services/dev.handoff.views.training.extension.DashboardExtension},
 * without the dashboard knowing the kind.
 */
public interface DashboardExtension {
    /** The {@code EnvironmentKind.id()} this extension serves. */
    String kindId();

    /** Panels on a trained seed that the kind offers (none by default). */
    default List<SeedPanelAction<?>> seedPanels() {
        return List.of();
    }
}
