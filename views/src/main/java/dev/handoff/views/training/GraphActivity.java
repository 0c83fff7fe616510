package dev.handoff.views.training;

import dev.handoff.workflow.Workflow;

import java.util.Locale;

/**
 * What {@link LiveGraphView} draws over a workflow: how much each agent decided lately (its glow), who holds the
 * artifact, and what crossed each handoff edge lately (its scalar label). The training dashboard and evaluate mode
 * each provide one.
 */
public interface GraphActivity {
    Workflow workflow();

    /** Recent activity of an agent in [0, 1]. */
    double activity(int agent);

    /** The agent holding the artifact, or −1. */
    int holder();

    /** The agent outlined as selected, or −1. */
    int selectedAgent();

    /** How many handoffs crossed edge {@code e} lately (0: the edge is drawn plain and unlabelled). */
    long edgeRecentCount(int e);

    /** The mean scalar of those handoffs; NaN when none. */
    double edgeRecentMean(int e);

    /** Whether edge {@code e} is drawn emphasised (evaluate mode: the edge the last handoff crossed). */
    default boolean edgeHighlighted(int e) {
        return false;
    }

    /** The label drawn on an edge with recent handoffs. */
    default String edgeLabel(int e) {
        return String.format(Locale.ROOT, "%.2f (%s)", edgeRecentMean(e), Figures.count(edgeRecentCount(e)));
    }
}
