package dev.handoff.views.training.focus;

import dev.handoff.train.Algorithm;
import dev.handoff.train.QSnapshot;
import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.curves.EvenlyThinned;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent the dashboard looks at closely: its greedy-policy table (per interface view: best action, its Q-value, its
 * visits) and the Q-values of one of its views over handoffs, from the Q snapshots of the shown learner's first seed.
 * Until the user picks an agent, each run opens on the busiest agent (most visits; without visit counts, most recent
 * decisions) and its most visited view, so a large workflow does not open on an idle corner.
 */
public final class AgentFocusViewModel {
    private final TrainedWorkflow trained;
    private final ReadOnlyIntegerWrapper selectedAgent = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper selectedView = new ReadOnlyIntegerWrapper(0);
    /** Q snapshots for the Q-value curves: at most 64 whole tables, evenly thinned over a long run (issue 13). */
    private final EvenlyThinned<QSnapshot> history = new EvenlyThinned<>(64);
    private QSnapshot latest;
    private boolean chosenByUser;
    private boolean focusedThisRun;

    public AgentFocusViewModel(TrainedWorkflow trained) {
        this.trained = trained;
    }

    public ReadOnlyIntegerProperty selectedAgentProperty() {
        return selectedAgent.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedViewProperty() {
        return selectedView.getReadOnlyProperty();
    }

    public int selectedAgent() {
        return selectedAgent.get();
    }

    /** The selected view, kept within the selected agent's views. */
    public int selectedView() {
        return Math.min(selectedView.get(), Math.max(0, trained.viewCount(selectedAgent.get()) - 1));
    }

    // ---- commands

    /** The user picks an agent (on the graph): it opens on its most visited view. Automatic focus stops. */
    public void selectAgent(int agent) {
        chosenByUser = true;
        selectedAgent.set(agent);
        selectedView.set(Math.max(0, mostVisitedView(agent)));
    }

    /** The user picks a view of the selected agent (a row of the policy table). Automatic focus stops. */
    public void selectView(int key) {
        chosenByUser = true;
        selectedView.set(key);
    }

    /** A new run (or Reset): the Q history is forgotten and the next run opens on its busiest agent again. */
    public void clear() {
        history.clear();
        latest = null;
        focusedThisRun = false;
    }

    /**
     * Keeps {@code q} (the shown learner's latest snapshot) if it is new; the run's first snapshot with any activity
     * also focuses the busiest agent unless the user has picked one: the one with most visits, or (learners that count
     * no visits) {@code busiestByDecisions}, the agent with the most recent decisions (−1: none yet). Returns whether
     * anything changed.
     */
    public boolean acceptSnapshot(QSnapshot q, int busiestByDecisions) {
        if (q == null || (latest != null && latest.handoffs() == q.handoffs())) {
            return false;
        }
        latest = q;
        history.offer(q);
        if (!chosenByUser && !focusedThisRun) {
            focusBusiest(q, busiestByDecisions);
        }
        return true;
    }

    private void focusBusiest(QSnapshot q, int busiestByDecisions) {
        int best = -1;
        long bestVisits = 0;
        for (int i = 0; i < q.q().length; i++) {
            long v = 0;
            for (int z = 0; z < q.keyCount(i); z++) {
                v += visits(q, i, z);
            }
            if (v > bestVisits) {
                best = i;
                bestVisits = v;
            }
        }
        if (best < 0) {
            best = busiestByDecisions; // neural learners count no visits
        }
        if (best < 0) {
            return; // nothing decided yet: try again with the next snapshot
        }
        selectedAgent.set(best);
        selectedView.set(Math.max(0, mostVisitedView(best)));
        focusedThisRun = true;
    }

    private static long visits(QSnapshot s, int agent, int key) {
        long v = 0;
        for (int a = 0; a < s.actions()[agent]; a++) {
            v += s.visitCount(agent, key, a);
        }
        return v;
    }

    /** The agent's view with the most visits in the latest snapshot, or −1 without visits. */
    private int mostVisitedView(int agent) {
        QSnapshot s = latest();
        if (s == null || agent >= s.q().length) {
            return -1;
        }
        int best = -1;
        long bestVisits = 0;
        for (int z = 0; z < s.keyCount(agent); z++) {
            long v = visits(s, agent, z);
            if (v > bestVisits) {
                best = z;
                bestVisits = v;
            }
        }
        return best;
    }

    // ---- what the table and the Q chart read

    private QSnapshot latest() {
        return latest;
    }

    /** The learner and seed whose values are shown (the latest snapshot's), or null before any. */
    public Algorithm shownAlgorithm() {
        return latest() == null ? null : latest().algorithm();
    }

    /** The seed shown, or −1 before any snapshot. */
    public long shownSeed() {
        return latest() == null ? -1 : latest().seed();
    }

    /** Q(view, a) of {@code agent} over handoffs, one series per action. */
    public List<dev.handoff.views.training.curves.SeriesBuffer> qCurves(int agent, int view) {
        List<dev.handoff.views.training.curves.SeriesBuffer> out = new ArrayList<>();
        int actions = trained.actionCount(agent);
        for (int a = 0; a < actions; a++) {
            out.add(new dev.handoff.views.training.curves.SeriesBuffer());
        }
        List<QSnapshot> shown = new ArrayList<>(history.samples());
        if (latest != null && (shown.isEmpty() || shown.get(shown.size() - 1) != latest)) {
            shown.add(latest); // the curves end at the latest snapshot even when thinning left it out
        }
        for (QSnapshot s : shown) {
            if (view < s.keyCount(agent)) {
                for (int a = 0; a < actions; a++) {
                    out.get(a).add(s.handoffs(), s.value(agent, view, a));
                }
            }
        }
        return out;
    }

    /** The greedy-policy table of an agent: per view, best action, its value and its visits (latest snapshot). */
    public List<PolicyRow> policyTable(int agent) {
        List<PolicyRow> rows = new ArrayList<>();
        QSnapshot s = latest();
        if (s == null || s.q().length <= agent) {
            return rows;
        }
        int actions = s.actions()[agent];
        for (int z = 0; z < s.keyCount(agent); z++) {
            int best = 0;
            for (int a = 0; a < actions; a++) {
                if (s.value(agent, z, a) > s.value(agent, z, best)) {
                    best = a;
                }
            }
            rows.add(new PolicyRow(z, trained.describeView(agent, z), trained.actionName(agent, best), s.value(agent, z, best),
                    visits(s, agent, z)));
        }
        return rows;
    }
}
