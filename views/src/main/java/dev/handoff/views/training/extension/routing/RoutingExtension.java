package dev.handoff.views.training.extension.routing;

import dev.handoff.env.routing.RoutingKind;
import dev.handoff.views.training.extension.DashboardExtension;
import dev.handoff.views.training.extension.MeasuredPanelAction;
import dev.handoff.views.training.extension.SeedPanelAction;

import java.util.List;

/** routing in the dashboard: "Compare routes…" measures a trained seed's frozen greedy routing against the baselines. */
public final class RoutingExtension implements DashboardExtension {
    @Override
    public String kindId() {
        return RoutingKind.ID;
    }

    @Override
    public List<SeedPanelAction<?>> seedPanels() {
        return List.of(new MeasuredPanelAction<>("routes", "Compare routes…", "Compare this seed's routes",
                RoutingPanelViewModel::measure));
    }
}
