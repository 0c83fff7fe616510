package dev.handoff.workflow;

import java.util.List;

/** The typed features of the shared artifact, in a fixed order (feature index = position in this list). */
public record ArtifactSchema(List<FeatureSpec> features) {
    public ArtifactSchema {
        features = features == null ? List.of() : List.copyOf(features);
    }

    public int indexOf(String featureName) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(featureName)) {
                return i;
            }
        }
        return -1;
    }
}
