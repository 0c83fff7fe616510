package dev.handoff.views.training.extension.llm;

import dev.handoff.env.llm.LlmMathKind;
import dev.handoff.views.training.extension.DashboardExtension;
import dev.handoff.views.training.extension.MeasuredPanelAction;
import dev.handoff.views.training.extension.SeedPanelAction;

import java.util.List;

/** llm-math in the dashboard: "Score on held-out questions…" compares a trained seed's greedy policy with the baselines. */
public final class LlmMathExtension implements DashboardExtension {
    @Override
    public String kindId() {
        return LlmMathKind.ID;
    }

    @Override
    public List<SeedPanelAction<?>> seedPanels() {
        return List.of(new MeasuredPanelAction<>("held-out", "Score on held-out questions…",
                "Score this seed on held-out questions", LlmMathPanelViewModel::measure));
    }
}
