package dev.handoff.observe;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.FeatureType;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.PrivateStateSpec;
import dev.handoff.workflow.SampleWorkflows;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterfaceMapTest {
    /** progress INT 0..10, quality REAL 0..1, stage CATEGORY(3), flagged BOOL, score INT -5..5. */
    static final ArtifactSchema SCHEMA = new ArtifactSchema(List.of(
            FeatureSpec.integer("progress", 0, 10, null),
            FeatureSpec.real("quality", 0, 1, null),
            new FeatureSpec("stage", FeatureType.CATEGORY, null, null, List.of("draft", "review", "done"), null),
            FeatureSpec.bool("flagged", null),
            FeatureSpec.integer("score", -5, 5, null)));

    static AgentSpec agent(Boolean includePrivate, int privateValues, ObservationTerm... terms) {
        return new AgentSpec("a", null, null, List.of(new OptionSpec("o", null, null)),
                privateValues > 0 ? new PrivateStateSpec("busy", privateValues, null) : null,
                new InterfaceSpec(List.of(terms), includePrivate));
    }

    private static InterfaceMap map(ObservationTerm... terms) {
        return InterfaceMap.compile(SCHEMA, agent(false, 0, terms));
    }

    static double[] artifact(double progress, double quality, double stage, double flagged, double score) {
        return new double[]{progress, quality, stage, flagged, score};
    }

    @Test
    void realFeatureIsCutIntoEqualWidthBinsWithTheTopValueInTheLastBin() {
        InterfaceMap m = map(ObservationTerm.binned("quality", 4));
        assertThat(m.viewCount()).isEqualTo(4);
        assertThat(m.key(artifact(0, 0.0, 0, 0, 0), 0)).isEqualTo(0);
        assertThat(m.key(artifact(0, 0.2499, 0, 0, 0), 0)).isEqualTo(0);
        assertThat(m.key(artifact(0, 0.25, 0, 0, 0), 0)).isEqualTo(1);
        assertThat(m.key(artifact(0, 0.5, 0, 0, 0), 0)).isEqualTo(2);
        assertThat(m.key(artifact(0, 0.99, 0, 0, 0), 0)).isEqualTo(3);
        assertThat(m.key(artifact(0, 1.0, 0, 0, 0), 0)).isEqualTo(3);
        assertThat(m.describe(1)).isEqualTo("quality=[0.25,0.5)");
        assertThat(m.describe(3)).isEqualTo("quality=[0.75,1]");
    }

    @Test
    void valuesOutsideTheRangeLandInTheNearestCell() {
        InterfaceMap m = map(ObservationTerm.binned("quality", 4), ObservationTerm.select("progress"));
        assertThat(m.decode(m.key(artifact(-3, -0.5, 0, 0, 0), 0))).containsExactly(0, 0, 0);
        assertThat(m.decode(m.key(artifact(99, 7, 0, 0, 0), 0))).containsExactly(3, 10, 0);
        assertThat(m.decode(m.key(artifact(Double.NaN, Double.NaN, 0, 0, 0), 0))).containsExactly(0, 0, 0);
    }

    @Test
    void discreteFeatureIndexIsValueMinusItsLowestValue() {
        InterfaceMap m = map(ObservationTerm.select("score"));
        assertThat(m.viewCount()).isEqualTo(11);
        assertThat(m.key(artifact(0, 0, 0, 0, -5), 0)).isEqualTo(0);
        assertThat(m.key(artifact(0, 0, 0, 0, 2), 0)).isEqualTo(7);
        assertThat(m.describe(7)).isEqualTo("score=2");
    }

    @Test
    void categoryAndBooleanKeysAreTheirIndexAndDescribeByLabel() {
        InterfaceMap m = map(ObservationTerm.select("stage"), ObservationTerm.select("flagged"));
        assertThat(m.viewCount()).isEqualTo(6);
        int key = m.key(artifact(0, 0, 1, 1, 0), 0);
        assertThat(key).isEqualTo(1 * 2 + 1);
        assertThat(m.describe(key)).isEqualTo("stage=review, flagged=1");
    }

    @Test
    void moduloMakesMValuesAfterClamping() {
        InterfaceMap m = map(new ObservationTerm("progress", null, 7.0, 3, null));
        assertThat(m.termCardinality(0)).isEqualTo(3);
        assertThat(m.key(artifact(4, 0, 0, 0, 0), 0)).isEqualTo(1);
        assertThat(m.key(artifact(6, 0, 0, 0, 0), 0)).isEqualTo(0);
        // 10 is clamped to 7 first, then 7 mod 3 = 1
        assertThat(m.key(artifact(10, 0, 0, 0, 0), 0)).isEqualTo(1);
        assertThat(m.describe(2)).isEqualTo("progress mod 3=2");
    }

    @Test
    void moduloOfANegativeValueIsNonNegative() {
        InterfaceMap m = map(new ObservationTerm("score", null, null, 4, null));
        assertThat(m.key(artifact(0, 0, 0, 0, -1), 0)).isEqualTo(3);
        assertThat(m.key(artifact(0, 0, 0, 0, -4), 0)).isEqualTo(0);
    }

    @Test
    void clampNarrowsTheRangeOfADiscreteFeature() {
        InterfaceMap m = map(new ObservationTerm("progress", 2.0, 5.0, null, null));
        assertThat(m.viewCount()).isEqualTo(4);
        assertThat(m.key(artifact(0, 0, 0, 0, 0), 0)).isEqualTo(0);
        assertThat(m.key(artifact(3, 0, 0, 0, 0), 0)).isEqualTo(1);
        assertThat(m.key(artifact(10, 0, 0, 0, 0), 0)).isEqualTo(3);
        assertThat(m.describe(0)).isEqualTo("progress=2");
    }

    @Test
    void clampNarrowsTheBinnedRangeOfARealFeature() {
        InterfaceMap m = map(new ObservationTerm("quality", 0.5, 1.0, null, 2));
        assertThat(m.key(artifact(0, 0.1, 0, 0, 0), 0)).isEqualTo(0);
        assertThat(m.key(artifact(0, 0.8, 0, 0, 0), 0)).isEqualTo(1);
        assertThat(m.describe(0)).isEqualTo("quality=[0.5,0.75)");
    }

    @Test
    void intFeatureWithBinsGroupsConsecutiveValues() {
        InterfaceMap m = map(ObservationTerm.binned("progress", 3)); // 11 values 0..10 into 3 runs
        assertThat(m.termCardinality(0)).isEqualTo(3);
        int[] bins = new int[11];
        for (int v = 0; v <= 10; v++) {
            bins[v] = m.key(artifact(v, 0, 0, 0, 0), 0);
        }
        assertThat(bins).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2);
        assertThat(m.describe(0)).isEqualTo("progress=0..3");
        assertThat(m.describe(2)).isEqualTo("progress=8..10");
    }

    @Test
    void binsBeyondTheNumberOfValuesKeepOneCellPerValue() {
        InterfaceMap m = map(ObservationTerm.binned("flagged", 5));
        assertThat(m.termCardinality(0)).isEqualTo(2);
    }

    @Test
    void severalTermsCombineInMixedRadixWithTheFirstTermMostSignificant() {
        InterfaceMap m = InterfaceMap.compile(SCHEMA, agent(null, 3,
                ObservationTerm.select("flagged"), ObservationTerm.binned("quality", 4)));
        assertThat(m.viewCount()).isEqualTo(2 * 4 * 3);
        int key = m.key(artifact(0, 0.6, 0, 1, 0), 2);
        assertThat(key).isEqualTo((1 * 4 + 2) * 3 + 2);
        assertThat(m.decode(key)).containsExactly(1, 2, 2);
        assertThat(m.describe(key)).isEqualTo("flagged=1, quality=[0.5,0.75), busy=2");
    }

    @Test
    void privateStateIsLeftOutWhenExcluded() {
        InterfaceMap m = InterfaceMap.compile(SCHEMA, agent(false, 3, ObservationTerm.select("flagged")));
        assertThat(m.viewCount()).isEqualTo(2);
        assertThat(m.includesPrivateState()).isFalse();
        assertThat(m.key(artifact(0, 0, 0, 1, 0), 0)).isEqualTo(m.key(artifact(0, 0, 0, 1, 0), 2));
        assertThat(m.encodingSize()).isEqualTo(2);
        assertThat(m.describe(1)).isEqualTo("flagged=1");
    }

    @Test
    void agentWithoutPrivateStateHasOnePrivateValue() {
        InterfaceMap m = InterfaceMap.compile(SCHEMA, agent(null, 0, ObservationTerm.select("flagged")));
        assertThat(m.viewCount()).isEqualTo(2);
        assertThat(m.describe(1)).isEqualTo("flagged=1, private=0");
    }

    @Test
    void encodingIsOneHotPerTermThenPrivateState() {
        InterfaceMap m = InterfaceMap.compile(SCHEMA, agent(true, 2,
                ObservationTerm.select("stage"), ObservationTerm.binned("quality", 2)));
        assertThat(m.encodingSize()).isEqualTo(3 + 2 + 2);
        float[] out = new float[m.encodingSize() + 2];
        java.util.Arrays.fill(out, 9f);
        m.encode(artifact(0, 0.7, 2, 0, 0), 1, out, 1);
        assertThat(out).containsExactly(9f, 0f, 0f, 1f, 0f, 1f, 0f, 1f, 9f);
    }

    @Test
    void compileRejectsSpecsThatFailValidation() {
        assertThatThrownBy(() -> map(ObservationTerm.select("qualty")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown feature \"qualty\"");
        assertThatThrownBy(() -> map(ObservationTerm.select("quality")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs bins");
        assertThatThrownBy(() -> map(ObservationTerm.binned("quality", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bins must be at least 1");
        assertThatThrownBy(() -> map(new ObservationTerm("progress", null, null, 0, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("modulo must be at least 1");
        assertThatThrownBy(() -> map(new ObservationTerm("progress", 5.0, 2.0, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clampMin 5.0 > clampMax 2.0");
        assertThatThrownBy(() -> map(new ObservationTerm("progress", 20.0, 30.0, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves no value");
    }

    @Test
    void compileRejectsAnObservationWithMoreViewsThanAnIntCanIndex() {
        ObservationTerm wide = ObservationTerm.binned("quality", 100_000);
        assertThatThrownBy(() -> map(wide, wide))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than");
    }

    @Test
    void interfaceMapsAreIndexAlignedWithTheAgents() {
        Workflow w = SampleWorkflows.everyField();
        List<InterfaceMap> maps = InterfaceMaps.compile(w);
        assertThat(maps).extracting(InterfaceMap::agentId).containsExactly("writer", "verifier", "editor");
        assertThat(maps.get(0).viewCount()).isEqualTo(11 * 4 * 3);
        assertThat(maps.get(1).viewCount()).isEqualTo(5 * 3 * 2);
        assertThat(maps.get(2).viewCount()).isEqualTo(3 * 4 * 2);
    }

    @Test
    void realFeatureWithModuloIsBinnedOverZeroToM() {
        InterfaceMap wrapped = InterfaceMap.compile(new ArtifactSchema(List.of(FeatureSpec.real("angle", 0, 720, null))),
                agent(false, 0, new ObservationTerm("angle", null, null, 360, 4)));
        assertThat(wrapped.termIndex(0, new double[]{450})).isEqualTo(1); // 450 mod 360 = 90 → [90,180)
        assertThat(wrapped.termIndex(0, new double[]{719})).isEqualTo(3);
        assertThat(wrapped.describe(3)).isEqualTo("angle mod 360=[270,360)");
    }

    @Test
    void binnedCategoryDescribesItsRunOfLabels() {
        InterfaceMap m = map(ObservationTerm.binned("stage", 2));
        assertThat(m.key(artifact(0, 0, 0, 0, 0), 0)).isEqualTo(0);
        assertThat(m.key(artifact(0, 0, 1, 0, 0), 0)).isEqualTo(0);
        assertThat(m.key(artifact(0, 0, 2, 0, 0), 0)).isEqualTo(1);
        assertThat(m.describe(0)).isEqualTo("stage=draft..review");
        assertThat(m.describe(1)).isEqualTo("stage=done");
    }

    @Test
    void agentThatSeesNothingHasOneViewPerPrivateState() {
        InterfaceMap m = InterfaceMap.compile(SCHEMA, agent(null, 3));
        assertThat(m.viewCount()).isEqualTo(3);
        assertThat(m.key(artifact(5, 0.5, 1, 1, 0), 2)).isEqualTo(2);
        assertThat(m.describe(2)).isEqualTo("busy=2");
    }

    @Test
    void privateStateOutsideItsRangeIsRefused() {
        InterfaceMap m = InterfaceMap.compile(SCHEMA, agent(null, 2, ObservationTerm.select("flagged")));
        assertThatThrownBy(() -> m.key(artifact(0, 0, 0, 0, 0), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.decode(m.viewCount())).isInstanceOf(IllegalArgumentException.class);
    }
}
