package dev.handoff.app;

import dev.handoff.train.RunState;

/**
 * What the editor does with training dashboards (issue 19.2, 19.3): there is at most one, for the workflow that is
 * open; Train opens it — or brings the open one back — and starts training (unless the preference says Train only
 * opens it); a dashboard whose run is going is never closed without asking.
 */
public final class TrainingWindowPolicy {
    private TrainingWindowPolicy() {
    }

    /** The open dashboard, as far as these decisions care: is it of the document as it is now, and its run's state. */
    public record Dashboard(boolean ofCurrentDocument, RunState state) {
        /** A run is going: running, or paused and resumable (closing the dashboard would end it). */
        public boolean runGoing() {
            return state == RunState.RUNNING || state == RunState.PAUSED || state == RunState.DIVERGED;
        }
    }

    /** What Train in the editor does. */
    public enum OnTrain {
        /** no dashboard: open one on the document */
        OPEN,
        /** bring the open dashboard to the front; it trains already, or the preference says not to start */
        SHOW,
        /** bring the open dashboard to the front and press its Train (start afresh, or resume a paused run) */
        SHOW_AND_START,
        /** the document changed since the dashboard opened and nothing runs: close it, open one on the document */
        REPLACE,
        /** the document changed and a run of the old version is going: ask before replacing it */
        ASK_THEN_REPLACE
    }


    public static OnTrain onTrain(Dashboard open, boolean startAtOnce) {
        if (open == null) {
            return OnTrain.OPEN;
        }
        if (open.ofCurrentDocument()) {
            return open.state() == RunState.RUNNING || !startAtOnce ? OnTrain.SHOW : OnTrain.SHOW_AND_START;
        }
        return open.runGoing() ? OnTrain.ASK_THEN_REPLACE : OnTrain.REPLACE;
    }

    /** What closing the workflow (New, Open, Import, Quit) does to its dashboard. */
    public enum OnClose {
        NOTHING, CLOSE, ASK_THEN_CLOSE
    }

    public static OnClose onCloseWorkflow(Dashboard open) {
        if (open == null) {
            return OnClose.NOTHING;
        }
        return open.runGoing() ? OnClose.ASK_THEN_CLOSE : OnClose.CLOSE;
    }
}
