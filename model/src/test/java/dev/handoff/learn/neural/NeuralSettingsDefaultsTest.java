package dev.handoff.learn.neural;

import dev.handoff.workflow.NeuralSpec;
import dev.handoff.workflow.TrainingSettings;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The learner reads the workflow's neural block, and its defaults are the document's (one source). */
class NeuralSettingsDefaultsTest {
    @Test
    void theDefaultsAreTheOnesEveryPublishedNeuralRunUsed() {
        assertThat(NeuralSettings.DEFAULTS).isEqualTo(new NeuralSettings(64, 2, 3e-3, 32, 20_000, 256, 1,
                TargetUpdate.periodic(100), 1.0, ScalarMode.STORED, 1, 200_000));
        assertThat(NeuralSettings.of((NeuralSpec) null)).isEqualTo(NeuralSettings.DEFAULTS);
        assertThat(NeuralSettings.of((TrainingSettings) null)).isEqualTo(NeuralSettings.DEFAULTS);
        assertThat(NeuralSettings.of(NeuralSpec.NONE)).isEqualTo(NeuralSettings.DEFAULTS);
    }

    @Test
    void aWorkflowsNeuralBlockReachesTheLearner() {
        NeuralSpec spec = NeuralSpec.NONE.with("width", 16).with("depth", 1).with("learningRate", 1e-2)
                .with("polyakTau", 0.05).with("scalarMode", "requery").with("batchSize", 8).with("replayCapacity", 64);
        TrainingSettings t = new TrainingSettings("icq-neural", 0.95, null, null, 1000, null, null, spec);
        NeuralSettings s = NeuralSettings.of(t);
        assertThat(s).isEqualTo(new NeuralSettings(16, 1, 1e-2, 8, 64, 256, 1, TargetUpdate.polyak(0.05), 1.0,
                ScalarMode.REQUERY, 1, 200_000));
    }

    @Test
    void theLearnersScalarModesAreTheOnesTheDocumentNames() {
        assertThat(Arrays.stream(ScalarMode.values()).map(ScalarMode::cliName).toList()).isEqualTo(NeuralSpec.SCALAR_MODES);
    }

    @Test
    void aSettingsRecordWithoutTargetOrModeTakesTheDocumentDefaults() {
        NeuralSettings s = new NeuralSettings(8, 1, 1e-3, 4, 16, 4, 1, null, 1.0, null, 1, 8);
        assertThat(s.target()).isEqualTo(NeuralSettings.DEFAULTS.target());
        assertThat(s.scalarMode()).isEqualTo(NeuralSettings.DEFAULTS.scalarMode());
    }
}
