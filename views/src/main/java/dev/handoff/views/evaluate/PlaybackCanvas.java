package dev.handoff.views.evaluate;

import dev.handoff.policy.BundlePlayer;
import dev.handoff.views.training.GraphActivity;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;

import java.util.Arrays;
import java.util.Locale;

/**
 * What evaluate mode's canvas draws ({@link GraphActivity}): the artifact's holder lit, the agents that held it before
 * fading by half each handoff, and the edge of the last handoff emphasised and labelled with its scalar m and reward R.
 */
public final class PlaybackCanvas implements GraphActivity {
    private final Workflow workflow;
    private final double[] activity;
    private int holder = -1;
    private int lastEdge = -1;
    private BundlePlayer.Step lastStep;

    PlaybackCanvas(Workflow workflow) {
        this.workflow = workflow;
        this.activity = new double[workflow.agents().size()];
    }

    /** Starts over with {@code holder} (−1: nothing loaded) holding the artifact. */
    void clear(int holder) {
        Arrays.fill(activity, 0);
        this.holder = holder;
        if (holder >= 0) {
            activity[holder] = 1;
        }
        lastEdge = -1;
        lastStep = null;
    }

    /** One handoff played: earlier holders fade, {@code newHolder} lights up, the handoff's edge is the last edge. */
    void played(BundlePlayer.Step s, int newHolder) {
        for (int i = 0; i < activity.length; i++) {
            activity[i] *= 0.55;
        }
        holder = newHolder;
        activity[newHolder] = 1;
        lastEdge = edgeOf(s.holderId(), s.receiverId());
        lastStep = s;
    }

    /** The holder after the last step (lit at full strength). */
    void holder(int holder) {
        this.holder = holder;
        if (holder >= 0) {
            activity[holder] = 1;
        }
    }

    private int edgeOf(String from, String to) {
        for (int e = 0; e < workflow.handoffs().size(); e++) {
            HandoffSpec h = workflow.handoffs().get(e);
            if (h.from().equals(from) && h.to().equals(to)) {
                return e;
            }
        }
        return -1;
    }

    @Override
    public Workflow workflow() {
        return workflow;
    }

    /** 1 for the holder, fading by half each handoff for the agents that held the artifact before. */
    @Override
    public double activity(int agent) {
        return activity[agent];
    }

    @Override
    public int holder() {
        return holder;
    }

    @Override
    public int selectedAgent() {
        return -1;
    }

    /** The workflow edge the last handoff crossed, or −1. */
    public int lastEdge() {
        return lastEdge;
    }

    @Override
    public long edgeRecentCount(int e) {
        return e == lastEdge ? 1 : 0;
    }

    @Override
    public double edgeRecentMean(int e) {
        return e == lastEdge && lastStep != null ? lastStep.scalar() : Double.NaN;
    }

    @Override
    public boolean edgeHighlighted(int e) {
        return e == lastEdge;
    }

    /** The last handoff's edge carries its scalar m and option reward R. */
    @Override
    public String edgeLabel(int e) {
        return lastStep == null ? "" : String.format(Locale.ROOT, "m %.2f · R %.2f", lastStep.scalar(), lastStep.reward());
    }
}
