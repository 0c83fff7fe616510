package dev.handoff.views.training.extension;

import dev.handoff.train.SeedRun;
import dev.handoff.views.training.TrainedWorkflow;

/**
 * One report an environment kind offers on a trained seed, shown in the dashboard's Policies… menu and in the policy
 * table's context menu ("Show programs…"). {@link #report} may take a while: the dashboard runs it off the FX thread.
 */
public interface SeedReportAction {
    /** A short id, used in control ids ({@code dash-<id>}, {@code dash-policy-<id>}). */
    String id();

    /** The menu text, e.g. "Show programs…". */
    String menuText();

    /** The policy table's menu text for the seed it shows, e.g. "Show this seed's programs". */
    String tableMenuText();

    /** The report on {@code seed} (a live trainer or one restored from its run folder; never changed). */
    SeedReport report(TrainedWorkflow trained, SeedRun seed);
}
