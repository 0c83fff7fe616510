package dev.handoff.train;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The trainer is deterministic for a seed, and pausing, stepping and resuming never change the numbers. */
class TrainingRunTest {
    private static final Workflow RING = SyntheticTemplates.ring("ring", 10, 0.5, 0.05);
    private static final SyntheticKind KIND = new SyntheticKind();
    private static final long BUDGET = 400_000;

    private static double[] tables(SeedTrainer t) {
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < t.agentCount(); i++) {
            for (double q : t.learner(i).table()) {
                all.add(q);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static SeedTrainer trained(long seed, Algorithm algo) {
        SeedTrainer t = new SeedTrainer(RING, KIND, algo, seed, BUDGET);
        t.runUntil(BUDGET, null);
        return t;
    }

    @Test
    void sameSeedGivesIdenticalTablesAndAnotherSeedDifferentOnes() {
        assertThat(tables(trained(3, Algorithm.ICQ_TABULAR))).containsExactly(tables(trained(3, Algorithm.ICQ_TABULAR)));
        assertThat(tables(trained(3, Algorithm.ICQ_TABULAR))).isNotEqualTo(tables(trained(4, Algorithm.ICQ_TABULAR)));
    }

    @Test
    void pausedSteppedAndResumedRunEqualsAnUninterruptedOne() throws Exception {
        SeedTrainer straight = trained(11, Algorithm.ICQ_TABULAR);

        SeedTrainer interrupted = new SeedTrainer(RING, KIND, Algorithm.ICQ_TABULAR, 11, BUDGET);
        TrainingRun run = new TrainingRun(List.of(interrupted), 1);
        run.step(12_345);
        waitFor(run, RunState.PAUSED);
        assertThat(interrupted.handoffs()).isEqualTo(12_345);
        run.step(1);
        waitFor(run, RunState.PAUSED);
        assertThat(interrupted.handoffs()).isEqualTo(12_346);
        run.resume();
        run.pause();
        run.resume();
        assertThat(run.await()).isEqualTo(RunState.FINISHED);
        assertThat(interrupted.handoffs()).isEqualTo(BUDGET);
        assertThat(tables(interrupted)).containsExactly(tables(straight));
    }

    @Test
    void windowsAreReportedForEverySeedAndCancelStopsTheRun() throws Exception {
        List<TrainingWindow> windows = Collections.synchronizedList(new ArrayList<>());
        List<SeedTrainer> seeds = List.of(new SeedTrainer(RING, KIND, Algorithm.ICQ_TABULAR, 1, BUDGET),
                new SeedTrainer(RING, KIND, Algorithm.ORACLE, 1, BUDGET));
        TrainingRun run = new TrainingRun(seeds, 2);
        run.addListener(new TrainingListener() {
            @Override
            public void onWindow(TrainingWindow w) {
                windows.add(w);
            }
        });
        run.start();
        assertThat(run.await()).isEqualTo(RunState.FINISHED);
        long expected = 2 * (BUDGET / RING.training().evaluationWindow());
        assertThat(windows).hasSize((int) expected);
        assertThat(windows).allSatisfy(w -> {
            assertThat(w.meanAbsTdByAgent()).hasSize(10);
            assertThat(w.scalarCountByEdge()).hasSize(RING.handoffs().size());
        });
        assertThat(windows.stream().mapToLong(w -> java.util.Arrays.stream(w.scalarCountByEdge()).sum()).sum())
                .as("every handoff carries exactly one scalar").isEqualTo(2 * BUDGET);

        SeedTrainer longOne = new SeedTrainer(RING, KIND, Algorithm.ICQ_TABULAR, 2, 1_000_000_000L);
        TrainingRun cancelled = new TrainingRun(List.of(longOne), 1);
        cancelled.start();
        Thread.sleep(50);
        cancelled.cancel();
        assertThat(cancelled.await()).isEqualTo(RunState.CANCELLED);
        assertThat(longOne.handoffs()).isLessThan(1_000_000_000L);
    }

    private static void waitFor(TrainingRun run, RunState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (run.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(run.state()).isEqualTo(state);
    }
}
