package dev.handoff.views.training.extension;

import dev.handoff.train.SeedRun;
import dev.handoff.views.training.TrainedWorkflow;
import javafx.scene.Node;

/**
 * One panel an environment kind offers on a trained seed (cpu-programming: its programs; routing: its greedy routes
 * against the baselines; llm-math: its held-out accuracy and cost), shown in the dashboard's Policies… menu and in the
 * policy table's context menu. {@link #measure} builds the panel's view-model and may take a while: the dashboard runs
 * it on its task executor, then shows {@link #view} of the result in a window titled {@link #title}.
 *
 * @param <M> the panel's view-model (no scene graph: tested without a screen)
 */
public interface SeedPanelAction<M> {
    /** A short id, used in control ids ({@code dash-<id>}, {@code dash-policy-<id>}). */
    String id();

    /** The menu text, e.g. "Show programs…". */
    String menuText();

    /** The policy table's menu text for the seed it shows, e.g. "Show this seed's programs". */
    String tableMenuText();

    /** The panel's view-model for {@code seed} (a live trainer or one restored from its run folder; never changed). */
    M measure(TrainedWorkflow trained, SeedRun seed);

    /** The window title for {@code model}. */
    String title(M model);

    /** The panel showing {@code model}: it only binds to it. */
    Node view(M model);
}
