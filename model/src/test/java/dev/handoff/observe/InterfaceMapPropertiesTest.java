package dev.handoff.observe;

import dev.handoff.workflow.ObservationTerm;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import static dev.handoff.observe.InterfaceMapTest.SCHEMA;
import static dev.handoff.observe.InterfaceMapTest.agent;
import static dev.handoff.observe.InterfaceMapTest.artifact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of every key: in range, decodable to the term indices, consistent with the one-hot encoding (which
 * {@code keyOfEncoding} reads back).
 */
class InterfaceMapPropertiesTest {

    @Property(tries = 300)
    void keyIsAViewAndDecodesToTheTermIndices(@ForAll @DoubleRange(min = -20, max = 20) double progress,
                                              @ForAll @DoubleRange(min = -1, max = 2) double quality,
                                              @ForAll @IntRange(min = -1, max = 3) int stage,
                                              @ForAll @IntRange(min = 0, max = 1) int flagged,
                                              @ForAll @DoubleRange(min = -9, max = 9) double score,
                                              @ForAll @IntRange(min = 0, max = 3) int privateState) {
        InterfaceMap m = InterfaceMap.compile(SCHEMA, agent(true, 4,
                new ObservationTerm("progress", 1.0, 8.0, null, 3),
                new ObservationTerm("quality", 0.2, null, null, 7),
                ObservationTerm.select("stage"),
                ObservationTerm.select("flagged"),
                new ObservationTerm("score", null, null, 4, null)));
        double[] a = artifact(progress, quality, stage, flagged, score);
        int key = m.key(a, privateState);
        assertThat(key).isBetween(0, m.viewCount() - 1);
        int[] parts = m.decode(key);
        for (int t = 0; t < m.termCount(); t++) {
            assertThat(parts[t]).isEqualTo(m.termIndex(t, a)).isBetween(0, m.termCardinality(t) - 1);
        }
        assertThat(parts[m.termCount()]).isEqualTo(privateState);
        float[] enc = new float[m.encodingSize()];
        m.encode(a, privateState, enc, 0);
        float sum = 0;
        for (float f : enc) {
            sum += f;
        }
        assertThat(sum).isEqualTo(m.termCount() + 1f);
        assertThat(m.keyOfEncoding(enc)).as("the encoding names the same view").isEqualTo(key);
    }

    @Property(tries = 200)
    void everyKeyDecodesAndReencodesToItself(@ForAll @IntRange(min = 0, max = 11 * 5 * 2 * 3 - 1) int key) {
        InterfaceMap m = InterfaceMap.compile(SCHEMA, agent(null, 3,
                ObservationTerm.select("progress"), ObservationTerm.binned("quality", 5), ObservationTerm.select("flagged")));
        int[] parts = m.decode(key);
        int rebuilt = ((parts[0] * 5 + parts[1]) * 2 + parts[2]) * 3 + parts[3];
        assertThat(rebuilt).isEqualTo(key);
        assertThat(m.describe(key)).startsWith("progress=" + parts[0] + ", quality=[");
    }
}
