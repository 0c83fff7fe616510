package dev.handoff.policy;

import dev.handoff.components.ViewEncodings;
import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.learn.neural.NeuralQLearner;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.train.Algorithm;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.NeuralSeedTrainer;
import dev.handoff.train.RunFolder;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Neural policies exported and loaded back act exactly as the trained learners, in plain Java. */
class NeuralPolicyBundleTest {
    private static final SyntheticKind KIND = new SyntheticKind();
    private static final NeuralSettings SMALL = NeuralSettings.DEFAULTS.withWidth(16);
    private static final long HANDOFFS = 3_000;

    private static Workflow sample() {
        Workflow w = SyntheticTemplates.ring("ring6", 6, 0.0, 0.05);
        return w.withTraining(w.training().withEpsilon(new EpsilonSpec(1.0, 0.2, HANDOFFS / 2)).withHandoffs(HANDOFFS));
    }

    /** Every view of every agent: same greedy action and bit-identical network outputs as the learner's mirror. */
    private static void assertActsLikeTheLearners(PolicyBundle bundle, Workflow w, NeuralSeedTrainer trainer) {
        for (int i = 0; i < w.agents().size(); i++) {
            AgentPolicy p = bundle.agent(i);
            NeuralQLearner learner = trainer.learner(i);
            assertThat(p.isNeural()).isTrue();
            InterfaceMap map = InterfaceMap.compile(w.artifact(), w.agents().get(i));
            assertThat(p.viewCount()).isEqualTo(map.viewCount()).isPositive();
            float[] trained = new float[learner.actionCount()];
            for (int z = 0; z < map.viewCount(); z++) {
                float[] enc = ViewEncodings.encode(map, z);
                learner.qValues(enc, trained);
                assertThat(p.networkOutputs(enc)).as("agent %d view %d", i, z).containsExactly(trained);
                assertThat(p.actOnView(z)).isEqualTo(learner.greedyAction(enc));
                assertThat(p.q(z, 0)).isEqualTo(trained[0]);
            }
        }
    }

    @Test
    void exportedNetworksLoadAndActExactlyAsTheTrainedLearners(@TempDir Path dir) throws Exception {
        Workflow w = sample();
        try (NeuralSeedTrainer trainer = new NeuralSeedTrainer(w, KIND, SMALL, Algorithm.ICQ_NEURAL, 3, HANDOFFS)) {
            trainer.runUntil(HANDOFFS, null);
            assertThat(trainer.learner(0).trainingSteps()).isPositive();
            Path out = PolicyBundle.export(w, trainer, "direct", dir.resolve("bundle"), true);

            PolicyBundle bundle = PolicyBundle.load(out);
            assertThat(bundle.manifest().algorithm()).isEqualTo("icq-neural");
            assertThat(bundle.differencesFrom(w, trainer.environment())).isEmpty();
            assertActsLikeTheLearners(bundle, w, trainer);

            // each agent file stands alone, and the DJL parameters sit beside it
            String id = w.agents().get(1).id();
            AgentPolicy alone = AgentPolicy.load(out.resolve("agents/" + id + ".json"));
            InterfaceMap map = InterfaceMap.compile(w.artifact(), w.agents().get(1));
            for (int z = 0; z < map.viewCount(); z++) {
                assertThat(alone.actOnView(z)).isEqualTo(trainer.learner(1).greedyAction(ViewEncodings.encode(map, z)));
            }
            // acting on a raw artifact (features in schema order, private state) goes through the same encoder
            dev.handoff.util.Rng rng = new dev.handoff.util.Rng(11);
            double[] features = new double[w.artifact().features().size()];
            float[] encoded = new float[map.encodingSize()];
            int privateStates = Math.max(1, w.agents().get(1).privateStateCount());
            for (int k = 0; k < 200; k++) {
                for (int f = 0; f < features.length; f++) {
                    var spec = w.artifact().features().get(f);
                    features[f] = Math.floor(spec.lo() + rng.nextDouble() * (spec.hi() - spec.lo() + 1));
                    features[f] = Math.min(features[f], spec.hi());
                }
                int ps = rng.nextInt(privateStates);
                map.encode(features, ps, encoded, 0);
                assertThat(alone.act(features, ps)).isEqualTo(trainer.learner(1).greedyAction(encoded))
                        .isEqualTo(alone.actOnView(map.key(features, ps)));
            }
            Path params = out.resolve("agents/" + id + "-0000.params");
            assertThat(Files.size(params)).isGreaterThan(16L * 4);
            assertThat(Files.exists(out.resolve("agents/" + id + ".network.json"))).isFalse();
            // the network DJL trained computes the same outputs (to float precision) as the exported one
            float[] enc = ViewEncodings.encode(map, 0);
            float[] djl = trainer.learner(1).qValuesFromNetwork(enc);
            float[] exported = alone.networkOutputs(enc);
            for (int a = 0; a < djl.length; a++) {
                assertThat(exported[a]).isCloseTo(djl[a], within(1e-5f));
            }
        }
    }

    @Test
    void aRunFolderOfANeuralRunExportsTheNetworksOfEachSeed(@TempDir Path dir) throws Exception {
        Workflow w = sample();
        HeadlessTraining.Request request = new HeadlessTraining.Request(w, KIND, Algorithm.ICQ_NEURAL, List.of(1L, 2L),
                HANDOFFS, 1, 0, SMALL);
        HeadlessTraining.Result result = HeadlessTraining.run(request, dir.resolve("run"), null);
        RunFolder run = RunFolder.open(dir.resolve("run"));
        for (int s = 0; s < 2; s++) {
            NeuralSeedTrainer trainer = (NeuralSeedTrainer) result.trainers().get(s);
            Path out = PolicyBundle.export(run, trainer.seed(), dir.resolve("bundle" + s), false);
            PolicyBundle bundle = PolicyBundle.load(out);
            assertThat(bundle.manifest().seed()).isEqualTo(trainer.seed());
            assertActsLikeTheLearners(bundle, w, trainer);
        }
    }

    @Test
    void aCorruptedNetworkIsRefusedWithAReason(@TempDir Path dir) throws Exception {
        Workflow w = sample();
        Path out;
        try (NeuralSeedTrainer trainer = new NeuralSeedTrainer(w, KIND, SMALL, Algorithm.ICQ_NEURAL, 4, HANDOFFS)) {
            trainer.runUntil(500, null);
            out = PolicyBundle.export(w, trainer, "direct", dir.resolve("bundle"), false);
        }
        Path file = out.resolve("agents/" + w.agents().get(0).id() + ".json");
        String text = Files.readString(file);
        assertThat(text).contains("\"depth\" : 2");
        Files.writeString(file, text.replace("\"depth\" : 2", "\"depth\" : 3"));
        assertThatThrownBy(() -> PolicyBundle.load(out)).isInstanceOf(BundleException.class)
                .hasMessageContaining("network is corrupted").hasMessageContaining("depth 3");
    }
}
