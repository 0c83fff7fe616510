package dev.handoff.offline;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.trace.TraceFormatException;
import dev.handoff.trace.TraceSet;
import dev.handoff.train.Algorithm;
import dev.handoff.train.RecordedHandoffs;
import dev.handoff.train.SeedRun;
import dev.handoff.train.TrainingPlan;
import dev.handoff.workflow.Workflow;

import java.util.List;

/**
 * The agents' own traces as what a training session learns from offline ({@link RecordedHandoffs}): each seed is an
 * {@link OfflineSeedRun} of the same rounds as {@code handoff learn}. Checked when made: every handoff reaches at most
 * one agent.
 */
public final class OfflineTraces implements RecordedHandoffs {
    private final TraceSet traces;
    private final OfflineLearning.Settings settings;

    private OfflineTraces(TraceSet traces, OfflineLearning.Settings settings) {
        this.traces = traces;
        this.settings = settings;
    }

    /**
     * The traces {@code traces} read for {@code w}, learned from for at most {@code settings}' rounds.
     *
     * @throws TraceFormatException when two agents' traces both record receiving the same handoff, or there is no record
     */
    public static OfflineTraces of(Workflow w, EnvironmentKind kind, TraceSet traces, OfflineLearning.Settings settings)
            throws TraceFormatException {
        if (traces.records() == 0) {
            throw new TraceFormatException(List.of("the traces hold no complete handoff (a decision joined with its outcome)"));
        }
        HandoffEnvironment env = kind.create(w);
        try {
            OfflineIcq.of(w, env, traces)
                    .checkEachHandoffReachesOneAgent();
        } catch (ScalarBoard.DuplicateHandoffException e) {
            throw new TraceFormatException(List.of(duplicateMessage(w, traces, e)));
        }
        return new OfflineTraces(traces, settings);
    }

    static String duplicateMessage(Workflow w, TraceSet traces, ScalarBoard.DuplicateHandoffException e) {
        return "the traces of agents " + w.agents().get(e.firstAgent()).id() + " and " + w.agents().get(e.secondAgent()).id()
                + " both record receiving handoff \"" + traces.handoffId(e.handoff()) + "\": each handoff reaches one agent";
    }

    /**
     * One seed ({@code seed}) of tabular IC-Q on {@code w} learning from these traces, with the settings of a watched
     * run (error components every round where the kind has an exact model) on one thread; no run folder yet.
     */
    public TrainingPlan plan(Workflow w, EnvironmentKind kind, long seed) {
        return TrainingPlan.of(w, kind, List.of(Algorithm.ICQ_TABULAR), List.of(seed), budget()).withParallelism(1)
                .withComponents(TrainingPlan.ComponentCadence.LIVE).withRecorded(this);
    }

    public TraceSet traces() {
        return traces;
    }

    public OfflineLearning.Settings settings() {
        return settings;
    }

    @Override
    public long records() {
        return traces.records();
    }

    @Override
    public long budget() {
        return Math.multiplyHigh(records(), settings.maxRounds()) != 0 ? Long.MAX_VALUE : records() * settings.maxRounds();
    }

    @Override
    public SeedRun learner(Workflow workflow, EnvironmentKind kind, long seed, long budget) {
        return OfflineSeedRun.of(workflow, kind, traces, settings, seed, budget);
    }
}
