package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One term of an interface observation: a feature of the artifact, optionally clamped to {@code [clampMin, clampMax]},
 * then reduced {@code modulo}, or (for real features) binned into {@code bins} equal-width bins over its range.
 * Transforms apply in the order clamp → modulo → bins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"feature", "clampMin", "clampMax", "modulo", "bins"})
public record ObservationTerm(String feature, Double clampMin, Double clampMax, Integer modulo, Integer bins) {
    public static ObservationTerm select(String feature) {
        return new ObservationTerm(feature, null, null, null, null);
    }

    public static ObservationTerm binned(String feature, int bins) {
        return new ObservationTerm(feature, null, null, null, bins);
    }

    public ObservationTerm withBins(Integer b) {
        return new ObservationTerm(feature, clampMin, clampMax, modulo, b);
    }
}
