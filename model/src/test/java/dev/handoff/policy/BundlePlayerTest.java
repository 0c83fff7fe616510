package dev.handoff.policy;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.train.Algorithm;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.RunFolder;
import dev.handoff.util.Rng;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Playing a bundle handoff by handoff is the greedy evaluation, one step at a time: same episodes, same returns. */
class BundlePlayerTest {
    private static final Workflow GAP = SyntheticTemplates.ring("gap", 10, 1.0, 0.05);
    private static final SyntheticKind KIND = new SyntheticKind();

    @TempDir
    static Path dir;
    private static PolicyBundle bundle;

    @BeforeAll
    static void trainAndExport() throws Exception {
        HeadlessTraining.run(new HeadlessTraining.Request(GAP, KIND, Algorithm.ICQ_TABULAR, List.of(1L), 200_000, 1),
                dir.resolve("run"), null);
        bundle = PolicyBundle.load(PolicyBundle.export(RunFolder.open(dir.resolve("run")), 1, dir.resolve("bundle"), false));
    }

    @Test
    void meanReturnOverEpisodesEqualsTheBatchEvaluationForTheSameSeed() throws Exception {
        BundlePlayer player = BundlePlayer.create(bundle, GAP, KIND, 7);
        for (int e = 0; e < 6_000; e++) {
            List<BundlePlayer.Step> episode = player.runEpisode();
            assertThat(episode.get(episode.size() - 1).episodeEnded()).isTrue();
            assertThat(episode.subList(0, episode.size() - 1)).noneMatch(BundlePlayer.Step::episodeEnded);
        }
        BundleEvaluation.Result batch = BundleEvaluation.evaluate(bundle, GAP, KIND, 6_000, 7);
        assertThat(player.episodes()).isEqualTo(6_000);
        assertThat(player.meanReturn()).isEqualTo(batch.meanReturn());
        assertThat(player.ci95()).isEqualTo(batch.ci95());
    }

    @Test
    void theSameSeedReplaysTheSameHandoffsAndAnotherSeedDoesNot() throws Exception {
        BundlePlayer player = BundlePlayer.create(bundle, GAP, KIND, 5);
        List<BundlePlayer.Step> first = play(player, 400);
        player.reset(5);
        assertThat(player.handoffs()).isZero();
        assertThat(player.episodes()).isZero();
        assertThat(play(player, 400)).isEqualTo(first);
        player.reset(6);
        assertThat(play(player, 400)).isNotEqualTo(first);
    }

    @Test
    void eachStepReportsTheGreedyActionAndTheReceiversGreedyValueAsTheScalar() throws Exception {
        BundlePlayer player = BundlePlayer.create(bundle, GAP, KIND, 11);
        HandoffEnvironment env = KIND.create(GAP); // the same simulation, stepped by hand
        env.reset(new Rng(11));
        StepOutcome out = new StepOutcome();
        int stops = 0;
        double returns = 0;
        for (int k = 0; k < 2_000; k++) {
            int i = env.nextDecision();
            assertThat(player.holder()).isEqualTo(i);
            int a = bundle.agent(i).actOnView(env.viewKey());
            env.step(a, out);
            BundlePlayer.Step s = player.step();
            assertThat(s.holder()).isEqualTo(i);
            assertThat(s.holderId()).isEqualTo(GAP.agents().get(i).id());
            assertThat(s.action()).isEqualTo(a);
            assertThat(s.actionLabel()).isEqualTo(bundle.agent(i).actionLabel(a));
            assertThat(s.receiver()).isEqualTo(out.receiver);
            assertThat(s.reward()).isEqualTo(out.reward);
            assertThat(s.tau()).isEqualTo(out.tau);
            if (out.stopped()) {
                stops++;
                assertThat(s.receiverId()).isEqualTo("STOP");
                assertThat(s.scalar()).isEqualTo(out.terminalReward);
            } else {
                int z = env.receiverViewKey();
                double best = Double.NEGATIVE_INFINITY;
                for (int b = 0; b < bundle.agent(out.receiver).actionCount(); b++) {
                    best = Math.max(best, bundle.agent(out.receiver).q(z, b));
                }
                assertThat(s.scalar()).isEqualTo(best);
                assertThat(s.receiverId()).isEqualTo(GAP.agents().get(out.receiver).id());
            }
            assertThat(s.episodeEnded()).isEqualTo(out.episodeEnded);
            if (out.episodeEnded) {
                returns += out.episodeReturn;
                assertThat(s.episodeReturn()).isEqualTo(out.episodeReturn);
            }
        }
        assertThat(stops).isPositive();
        assertThat(player.meanReturn()).isEqualTo(returns / player.episodes());
    }

    @Test
    void aBundleThatDoesNotFitIsRefusedWithEveryDifferenceListed() {
        Workflow seesDifficulty = GAP.withAgents(GAP.agents().stream().map(a -> a.id().equals("a4") || a.id().equals("a6")
                ? a.withObservation(new InterfaceSpec(List.of(ObservationTerm.select("progress"),
                ObservationTerm.select("difficulty")), true)) : a).toList());
        assertThatThrownBy(() -> BundlePlayer.create(bundle, seesDifficulty, KIND, 1))
                .isInstanceOf(BundleException.class)
                .satisfies(e -> assertThat(((BundleException) e).problems()).hasSize(2)
                        .anySatisfy(p -> assertThat(p).startsWith("agent a4: interface observation differs"))
                        .anySatisfy(p -> assertThat(p).startsWith("agent a6: interface observation differs")));
        Workflow fewer = SyntheticTemplates.ring("ring8", 8, 1.0, 0.05);
        assertThatThrownBy(() -> BundlePlayer.create(bundle, fewer, KIND, 1))
                .isInstanceOf(BundleException.class).hasMessageContaining("not in the workflow: [a8, a9]");
    }

    private static List<BundlePlayer.Step> play(BundlePlayer player, int handoffs) {
        List<BundlePlayer.Step> steps = new ArrayList<>();
        for (int k = 0; k < handoffs; k++) {
            steps.add(player.step());
        }
        return steps;
    }
}
