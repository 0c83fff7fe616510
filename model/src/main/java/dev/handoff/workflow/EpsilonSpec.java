package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** ε-greedy exploration, linear from {@code start} to {@code end} over {@code decayHandoffs}, then constant. */
@JsonPropertyOrder({"start", "end", "decayHandoffs"})
public record EpsilonSpec(double start, double end, long decayHandoffs) {
    public static EpsilonSpec constant(double eps) {
        return new EpsilonSpec(eps, eps, 0);
    }

    public double at(long handoff) {
        if (decayHandoffs <= 0 || handoff >= decayHandoffs) {
            return end;
        }
        return start + (end - start) * ((double) handoff / decayHandoffs);
    }
}
