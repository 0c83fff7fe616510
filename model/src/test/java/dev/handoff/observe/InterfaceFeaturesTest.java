package dev.handoff.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.SampleWorkflows;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An agent's interface features by name: exactly what it sees, typed and in range, and back from a view. */
class InterfaceFeaturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Workflow w = SampleWorkflows.everyField();

    private InterfaceFeatures of(String agent) {
        AgentSpec spec = w.agent(agent).orElseThrow();
        return InterfaceFeatures.of(w.artifact(), spec);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static String reason(InterfaceFeatures f, String features) throws Exception {
        try {
            f.read(json(features), "/features");
        } catch (InvalidFeatureException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + features);
    }

    @Test
    void readsExactlyTheFeaturesTheAgentSeesIntoTheArtifactVector() throws Exception {
        InterfaceFeatures writer = of("writer");
        assertThat(writer.features()).extracting(f -> f.name()).containsExactly("progress", "quality");
        double[] artifact = writer.read(json("{\"progress\": 4, \"quality\": 0.3}"), "/features");
        assertThat(artifact).containsExactly(4, 0.3, 0, 0, 0);
        InterfaceFeatures verifier = of("verifier");
        double[] v = verifier.read(json("{\"quality\": 0.5, \"stage\": \"review\", \"flagged\": true}"), "/features");
        assertThat(v).containsExactly(0, 0.5, 1, 1, 0);
    }

    @Test
    void everyBadValueIsNamedByItsPath() throws Exception {
        InterfaceFeatures writer = of("writer");
        assertThat(reason(writer, "{\"quality\": 0.3}")).startsWith("/features/progress: missing");
        assertThat(reason(writer, "{\"progress\": \"4\", \"quality\": 0.3}")).startsWith("/features/progress: expected an integer");
        assertThat(reason(writer, "{\"progress\": 4.5, \"quality\": 0.3}")).startsWith("/features/progress: expected an integer");
        assertThat(reason(writer, "{\"progress\": 11, \"quality\": 0.3}"))
                .isEqualTo("/features/progress: 11 is outside the feature's range [0, 10]");
        assertThat(reason(writer, "{\"progress\": 1, \"quality\": 0.3, \"difficulty\": 0.5}"))
                .startsWith("/features/difficulty: agent writer does not see this feature");
        assertThat(reason(writer, "{\"progres\": 1, \"quality\": 0.3}"))
                .contains("/features/progres: not a feature of the artifact").contains("did you mean \"progress\"?");
        assertThat(reason(writer, "[1, 2]")).startsWith("/features: expected an object");
        InterfaceFeatures verifier = of("verifier");
        assertThat(reason(verifier, "{\"quality\": 0.5, \"stage\": \"reviw\", \"flagged\": true}"))
                .contains("/features/stage: \"reviw\" is not one of [draft, review, done]").contains("did you mean \"review\"?");
        assertThat(reason(verifier, "{\"quality\": 0.5, \"stage\": \"review\", \"flagged\": 1}"))
                .startsWith("/features/flagged: expected true or false");
    }

    @Test
    void privateStateIsRequiredAndCheckedOnlyWhenTheViewIncludesIt() throws Exception {
        InterfaceFeatures writer = of("writer");
        assertThat(writer.readPrivateState(json("2"), "/privateState")).isEqualTo(2);
        assertThatThrownBy(() -> writer.readPrivateState(null, "/privateState")).hasMessageStartingWith("/privateState: missing");
        assertThatThrownBy(() -> writer.readPrivateState(json("3"), "/privateState"))
                .hasMessage("/privateState: 3 is outside queue's values 0..2");
        InterfaceFeatures verifier = of("verifier");
        assertThat(verifier.readPrivateState(null, "/privateState")).isZero();
    }

    @Test
    void everyViewWritesAsFeaturesThatReadBackToTheSameView() throws Exception {
        for (String agent : new String[] {"writer", "verifier"}) {
            InterfaceFeatures f = of(agent);
            for (int z = 0; z < f.map().viewCount(); z++) {
                double[] artifact = f.artifactOfView(z);
                double[] back = f.read(json(f.json(artifact)), "/features");
                assertThat(f.map().key(back, f.privateStateOfView(z))).as("%s view %d", agent, z).isEqualTo(z);
            }
        }
    }

    @Test
    void aViewThatNoSingleValuePerFeatureReachesIsRefused() {
        // the editor reads progress twice (mod 3, and in 4 bins): progress mod 3 = 0 in the top bin has no value ≤ 9
        InterfaceFeatures editor = of("editor");
        int refused = 0;
        for (int z = 0; z < editor.map().viewCount(); z++) {
            try {
                assertThat(editor.map().key(editor.artifactOfView(z), editor.privateStateOfView(z))).isEqualTo(z);
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageContaining("cannot be written as one value per feature");
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }
}
