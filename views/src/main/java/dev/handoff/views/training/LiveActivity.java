package dev.handoff.views.training;

import dev.handoff.train.Algorithm;
import dev.handoff.train.TrainingWindow;
import dev.handoff.train.live.ActivitySample;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * What the dashboard's graph shows of the current run ({@link GraphActivity}): each agent's recent share of decisions,
 * smoothed so it glows rather than flashes; the agent that decided last (the artifact's holder at slow speed); and per
 * edge the mean scalar and count of the latest window of the shown learner, seeds pooled.
 */
public final class LiveActivity implements GraphActivity {
    private final TrainedWorkflow trained;
    private final IntSupplier selectedAgent;
    private final double[] activity;
    private final double[] edgeRecentMean;
    private final long[] edgeRecentCount;
    private final Map<Long, TrainingWindow> latestPrimaryWindow = new TreeMap<>();
    private int holder = -1;

    public LiveActivity(TrainedWorkflow trained, IntSupplier selectedAgent) {
        this.trained = trained;
        this.selectedAgent = selectedAgent;
        this.activity = new double[trained.agentCount()];
        this.edgeRecentMean = new double[trained.edgeCount()];
        this.edgeRecentCount = new long[trained.edgeCount()];
        clear();
    }

    public void clear() {
        Arrays.fill(activity, 0);
        Arrays.fill(edgeRecentMean, Double.NaN);
        Arrays.fill(edgeRecentCount, 0);
        latestPrimaryWindow.clear();
        holder = -1;
    }

    /** The latest window of each seed of the shown learner sets the edges' recent scalars. */
    public void acceptWindow(TrainingWindow w, Algorithm primary) {
        if (w.algorithm() != primary) {
            return;
        }
        latestPrimaryWindow.put(w.seed(), w);
        for (int e = 0; e < edgeRecentMean.length; e++) {
            double sum = 0;
            long count = 0;
            for (TrainingWindow lw : latestPrimaryWindow.values()) {
                long c = lw.scalarCountByEdge()[e];
                sum += lw.scalarMeanByEdge()[e] * c;
                count += c;
            }
            edgeRecentCount[e] = count;
            edgeRecentMean[e] = count == 0 ? Double.NaN : sum / count;
        }
    }

    /** Decisions per agent since the previous sample: the glow follows them, the busiest is the holder. */
    public void acceptSample(ActivitySample s) {
        long max = 0;
        long total = 0;
        for (long d : s.decisionsByAgent()) {
            max = Math.max(max, d);
            total += d;
        }
        if (total == 0) {
            return;
        }
        for (int i = 0; i < activity.length && i < s.decisionsByAgent().length; i++) {
            double share = (double) s.decisionsByAgent()[i] / max;
            activity[i] = 0.7 * activity[i] + 0.3 * share;
            if (s.decisionsByAgent()[i] == max) {
                holder = i;
            }
        }
    }

    /** The agent with the most recent decisions, or −1 before any. */
    public int busiestAgent() {
        int best = -1;
        for (int i = 0; i < activity.length; i++) {
            if (activity[i] > 0 && (best < 0 || activity[i] > activity[best])) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public dev.handoff.workflow.Workflow workflow() {
        return trained.workflow();
    }

    /** Recent activity of each agent in [0, 1]. */
    @Override
    public double activity(int agent) {
        return activity[agent];
    }

    /** The agent that decided last (at slow speeds: the one holding the artifact), or −1. */
    @Override
    public int holder() {
        return holder;
    }

    @Override
    public int selectedAgent() {
        return selectedAgent.getAsInt();
    }

    /** Mean scalar over the latest window of the shown learner, seeds pooled; NaN before any. */
    @Override
    public double edgeRecentMean(int e) {
        return edgeRecentMean[e];
    }

    /** How many scalars crossed the edge in the latest window, seeds summed. */
    @Override
    public long edgeRecentCount(int e) {
        return edgeRecentCount[e];
    }
}
