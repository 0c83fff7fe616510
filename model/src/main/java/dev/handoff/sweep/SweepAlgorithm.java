package dev.handoff.sweep;

import java.util.List;

/**
 * The third coordinate of a sweep cell: one independently measurable part of a sweep at every (value, seed), usually
 * one trained algorithm ({@code icq-tabular}, {@code shortest-path}, ...), sometimes a group of fixed policies scored
 * together (the llm-math baselines). Its measurement returns one reading for each of its {@code policies}, must be
 * deterministic for its (value, seed), and may run on any thread or machine at the same time as every other cell.
 * An algorithm that {@code trains} learners can write each cell's run folder ({@link SweepRuns}).
 */
public record SweepAlgorithm(String id, List<String> policies, SweepMeasurement measurement, boolean trains) {
    public SweepAlgorithm {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an algorithm of a sweep needs an id");
        }
        policies = List.copyOf(policies);
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("algorithm " + id + " measures no policy");
        }
        if (measurement == null) {
            throw new IllegalArgumentException("algorithm " + id + " has no measurement");
        }
    }

    /** An algorithm that trains nothing (fixed policies, baselines, analyses): it never writes a run folder. */
    public SweepAlgorithm(String id, List<String> policies, SweepMeasurement measurement) {
        this(id, policies, measurement, false);
    }

    /** An algorithm that is one policy of the same name and trains nothing. */
    public static SweepAlgorithm of(String policy, SweepMeasurement measurement) {
        return new SweepAlgorithm(policy, List.of(policy), measurement, false);
    }

    /** An algorithm that is one policy of the same name, trained by a {@code SeedRun}: it can keep run folders. */
    public static SweepAlgorithm trained(String policy, SweepMeasurement measurement) {
        return new SweepAlgorithm(policy, List.of(policy), measurement, true);
    }
}
