package dev.handoff.policy;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.train.Algorithm;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.RunFolder;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exported policies load back one agent at a time, act as trained, evaluate to the run's return, and refuse misfits. */
class PolicyBundleTest {
    private static final Workflow GAP = SyntheticTemplates.ring("gap", 10, 1.0, 0.05);
    private static final SyntheticKind KIND = new SyntheticKind();

    @TempDir
    static Path dir;
    private static HeadlessTraining.Result run;
    private static Path bundle;

    @BeforeAll
    static void trainAndExport() throws Exception {
        run = HeadlessTraining.run(new HeadlessTraining.Request(GAP, KIND, Algorithm.ICQ_TABULAR, List.of(1L, 2L), 1_000_000, 2),
                dir.resolve("run"), null);
        bundle = PolicyBundle.export(RunFolder.open(dir.resolve("run")), 2, dir.resolve("bundle"), true);
    }

    @Test
    void everyAgentActsExactlyAsItsTrainedLearnerOnEveryView() throws Exception {
        SeedTrainer trained = (SeedTrainer) run.trainers().get(1);
        for (int i = 0; i < GAP.agents().size(); i++) {
            AgentPolicy p = AgentPolicy.load(bundle.resolve("agents/a" + i + ".json"));
            InterfaceMap map = InterfaceMap.compile(GAP.artifact(), GAP.agents().get(i));
            assertThat(p.viewCount()).isEqualTo(map.viewCount());
            for (int g = 0; g < 6; g++) {
                for (int busy = 0; busy < 2; busy++) {
                    double[] features = {g, 2};
                    int z = map.key(features, busy);
                    assertThat(p.act(features, busy)).isEqualTo(trained.learner(i).greedyAction(z));
                    for (int a = 0; a < p.actionCount(); a++) {
                        assertThat(p.q(z, a)).isEqualTo(trained.learner(i).q(z, a));
                    }
                }
            }
        }
        assertThat(AgentPolicy.load(bundle.resolve("agents/a3.json")).actionLabel(5)).isEqualTo("thorough → STOP");
        assertThat(Files.readAllLines(bundle.resolve("agents/a0.csv"))).hasSize(1 + 12);
    }

    @Test
    void evaluatingTheBundleReproducesTheRunsGreedyReturn() throws Exception {
        BundleEvaluation.Result r = BundleEvaluation.evaluate(PolicyBundle.load(bundle), GAP, KIND, 20_000, 3);
        assertThat(r.exactReturn()).isEqualTo(run.summary().returnsBySeed().get(1));
        assertThat(r.meanReturn()).isCloseTo(r.exactReturn(), org.assertj.core.data.Offset.offset(4 * r.ci95() + 0.02));
    }

    @Test
    void aBundleThatDoesNotFitSaysExactlyWhatDiffers() throws Exception {
        Workflow seesDifficulty = GAP.withAgents(GAP.agents().stream().map(a -> a.id().equals("a4") ? a.withObservation(
                new InterfaceSpec(List.of(ObservationTerm.select("progress"), ObservationTerm.select("difficulty")), true)) : a)
                .toList());
        assertThatThrownBy(() -> BundleEvaluation.evaluate(PolicyBundle.load(bundle), seesDifficulty, KIND, 10, 1))
                .isInstanceOf(BundleException.class)
                .satisfies(e -> assertThat(((BundleException) e).problems()).singleElement().asString()
                        .startsWith("agent a4: interface observation differs"));
        Workflow fewer = SyntheticTemplates.ring("ring8", 8, 1.0, 0.05);
        assertThatThrownBy(() -> BundleEvaluation.evaluate(PolicyBundle.load(bundle), fewer, KIND, 10, 1))
                .isInstanceOf(BundleException.class).hasMessageContaining("not in the workflow: [a8, a9]");
    }

    @Test
    void corruptedOrIncompleteBundlesGiveAClearError() throws Exception {
        Path broken = dir.resolve("broken");
        copy(bundle, broken);
        Files.writeString(broken.resolve("agents/a2.json"), "{ \"agentId\": \"a2\", ");
        assertThatThrownBy(() -> PolicyBundle.load(broken)).isInstanceOf(BundleException.class).hasMessageContaining("a2.json");
        Path missing = dir.resolve("missing");
        copy(bundle, missing);
        Files.delete(missing.resolve("agents/a7.json"));
        assertThatThrownBy(() -> PolicyBundle.load(missing)).isInstanceOf(BundleException.class).hasMessageContaining("a7.json");
        assertThatThrownBy(() -> PolicyBundle.load(dir)).isInstanceOf(BundleException.class).hasMessageContaining("no bundle.json");
    }

    @Test
    void theCentralisedOracleIsNotExportable() throws Exception {
        HeadlessTraining.run(new HeadlessTraining.Request(GAP, KIND, Algorithm.ORACLE, List.of(1L), 100_000, 1), dir.resolve("oracle"), null);
        assertThatThrownBy(() -> PolicyBundle.export(RunFolder.open(dir.resolve("oracle")), 1, dir.resolve("ob"), false))
                .isInstanceOf(BundleException.class).hasMessageContaining("joint state");
    }

    private static void copy(Path from, Path to) throws Exception {
        List<Path> files = new ArrayList<>();
        try (var s = Files.walk(from)) {
            s.forEach(files::add);
        }
        for (Path f : files) {
            Path t = to.resolve(from.relativize(f).toString());
            if (Files.isDirectory(f)) {
                Files.createDirectories(t);
            } else {
                Files.copy(f, t);
            }
        }
    }
}
