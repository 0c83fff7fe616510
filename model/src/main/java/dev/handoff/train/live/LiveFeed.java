package dev.handoff.train.live;

import dev.handoff.components.ComponentReading;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.train.Algorithm;
import dev.handoff.train.GreedyReturn;
import dev.handoff.train.QSnapshot;
import dev.handoff.train.SeedRun;
import dev.handoff.train.TrainingListener;
import dev.handoff.train.TrainingSession;
import dev.handoff.train.TrainingWindow;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a watched run shows, filled on the trainer threads: fixed-size {@link WindowRing}s a reader drains at its own
 * pace (windows, greedy returns, activity, error components; the full-resolution record is the run folder's
 * {@code metrics.csv}, so a run of any length holds the same heap), the greedy returns so far, and the latest Q tables
 * of each algorithm's first seed. Between chunks it evaluates the seeds' greedy return (exact, where the kind has
 * a finite model) every so many handoffs and, past the first tenth of the budget, at most four times a second per seed,
 * so at full speed evaluation never costs the trainer much (a run learning from traces: every round, simulated where
 * the kind has no exact model). Nothing here runs per handoff.
 */
final class LiveFeed implements TrainingListener {
    private static final long MIN_EVALUATION_GAP_NANOS = 250_000_000L;

    private final TrainingSession session;
    private final long budget;
    private final long evaluateEvery;
    private final long firstSeed;
    private final Map<SeedRun, Long> nextEvaluation = new ConcurrentHashMap<>();
    private final Map<SeedRun, Long> lastEvaluationNanos = new ConcurrentHashMap<>();
    final WindowRing<TrainingWindow> windows = new WindowRing<>(8192);
    final WindowRing<GreedyPoint> greedy = new WindowRing<>(4096);
    final WindowRing<ActivitySample> activity = new WindowRing<>(1024);
    final WindowRing<ComponentPoint> components = new WindowRing<>(4096);
    private final List<GreedyPoint> greedyHistory = Collections.synchronizedList(new ArrayList<>());
    private final Map<Algorithm, QSnapshot> latestQ = new ConcurrentHashMap<>();
    private long[] lastDecisions;

    LiveFeed(TrainingSession session) {
        this.session = session;
        this.budget = session.plan().handoffs();
        // learning from traces: every round (a round replays every record: far more work than one evaluation)
        this.evaluateEvery = session.plan().recorded() != null ? session.plan().recorded().records()
                : Math.max(10_000, budget / 150);
        this.firstSeed = session.plan().seeds().get(0);
        session.trainers().forEach(t -> nextEvaluation.put(t, 0L));
        session.run().addListener(this);
        session.run().addAfterChunk(this::afterChunk);
    }

    @Override
    public void onWindow(TrainingWindow w) {
        windows.offer(w);
    }

    @Override
    public void onComponents(Algorithm algorithm, ComponentReading reading) {
        ComponentPoint p = new ComponentPoint(algorithm, reading);
        components.offer(p);
    }

    /** On a trainer thread between chunks: greedy return, Q snapshot, activity. */
    private void afterChunk(SeedRun t) {
        boolean first = t.seed() == firstSeed;
        long due = nextEvaluation.getOrDefault(t, 0L);
        long now = System.nanoTime();
        boolean early = t.handoffs() <= budget / 10; // where curves move fastest: evaluate by handoffs only
        if ((t.handoffs() >= due && (early || now - lastEvaluationNanos.getOrDefault(t, 0L) >= MIN_EVALUATION_GAP_NANOS))
                || t.finished()) {
            nextEvaluation.put(t, t.handoffs() + evaluateEvery);
            lastEvaluationNanos.put(t, now);
            evaluate(t);
            if (first) {
                latestQ.put(t.algorithm(), t.snapshot());
            }
        }
        if (t == session.trainers().get(0)) {
            sampleActivity(t);
        }
    }

    private void evaluate(SeedRun t) {
        FiniteSmdp model = session.model();
        if (model == null && !simulatesGreedy()) {
            return;
        }
        try {
            double j = GreedyReturn.of(t, model, session.plan().simulatedEpisodes());
            GreedyPoint p = new GreedyPoint(t.algorithm(), t.seed(), t.handoffs(), j);
            greedyHistory.add(p);
            greedy.offer(p);
            session.recordGreedyReturn(t.algorithm(), t.seed(), t.handoffs(), j); // the Runs panel overlays this curve later
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(LiveFeed.class).debug("greedy evaluation failed", e);
        }
    }

    /** Decisions each agent of the first seed took since the last sample: who held the artifact lately. */
    private void sampleActivity(SeedRun t) {
        long[] now = t.decisionsByAgent();
        long[] delta = now.clone();
        if (lastDecisions != null) {
            for (int i = 0; i < delta.length; i++) {
                delta[i] -= lastDecisions[i];
            }
        }
        lastDecisions = now;
        activity.offer(new ActivitySample(t.handoffs(), delta));
    }

    /**
     * The end of each seed's greedy curve where it stopped: its final greedy return from the summaries (exact kinds only;
     * the same number an evaluation between chunks gives), unless its last point is already there.
     */
    void endGreedyCurves(List<dev.handoff.train.TrainingSummary> summaries) {
        if (session.model() == null && !simulatesGreedy()) {
            return;
        }
        Map<String, Long> lastAt = new java.util.HashMap<>();
        for (GreedyPoint p : greedyHistory()) {
            lastAt.merge(p.algorithm().cliName() + "/" + p.seed(), p.handoffs(), Math::max);
        }
        for (dev.handoff.train.TrainingSummary s : summaries) {
            for (SeedRun t : session.trainersOf(Algorithm.parse(s.algo()))) {
                int k = s.seeds().indexOf(t.seed());
                if (k >= 0 && lastAt.getOrDefault(t.algorithm().cliName() + "/" + t.seed(), -1L) != t.handoffs()) {
                    GreedyPoint p = new GreedyPoint(t.algorithm(), t.seed(), t.handoffs(), s.returnsBySeed().get(k));
                    greedyHistory.add(p);
                    greedy.offer(p);
                }
            }
        }
    }

    /**
     * Whether greedy returns are simulated between chunks although the kind has no exact model: a run learning from
     * traces plays no episode, so its simulated greedy return (the plan's episodes, the summary's evaluation seed) is
     * its only return curve.
     */
    boolean simulatesGreedy() {
        return session.model() == null && session.plan().recorded() != null;
    }

    List<GreedyPoint> greedyHistory() {
        synchronized (greedyHistory) {
            return new ArrayList<>(greedyHistory);
        }
    }

    QSnapshot latestQ(Algorithm algorithm) {
        return latestQ.get(algorithm);
    }
}
