package dev.handoff.sweep.spark;

import dev.handoff.sweep.SweepCell;
import dev.handoff.sweep.SweepProgress;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progress of one sweep job from Spark's task events: each cell's first successful task prints one
 * {@link SweepProgress} line (cells done / total, the cell, elapsed, ETA). The job is recognised by its job group;
 * task {@code i} of its stage is pending cell {@code i}. Spark delivers events on its listener thread, a little
 * after the fact, so the driver calls {@link #finish()} once the results are in, and late events are ignored.
 */
final class CellProgress extends SparkListener {
    private final String jobGroup;
    private final List<SweepCell> cells;
    private final SweepProgress progress;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final Set<Integer> reported = ConcurrentHashMap.newKeySet();

    CellProgress(String jobGroup, List<SweepCell> cells, SweepProgress progress) {
        this.jobGroup = jobGroup;
        this.cells = cells;
        this.progress = progress;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        if (event.properties() != null && jobGroup.equals(event.properties().getProperty("spark.jobGroup.id"))) {
            stages.add(event.stageInfo().stageId());
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        if (stages.contains(event.stageId()) && event.reason() == Success$.MODULE$) {
            report(event.taskInfo().index());
        }
    }

    /** Reports every cell not reported yet (all of them have finished when the job's results are in). */
    void finish() {
        for (int i = 0; i < cells.size(); i++) {
            report(i);
        }
    }

    private void report(int index) {
        if (index >= 0 && index < cells.size() && reported.add(index)) {
            progress.cellDone(cells.get(index));
        }
    }
}
