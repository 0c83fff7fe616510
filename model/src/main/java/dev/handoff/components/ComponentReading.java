package dev.handoff.components;

/** One reading of the error components during a run, after {@code handoffs} handoffs (a dashboard/metrics point). */
public record ComponentReading(long seed, long handoffs, ErrorComponents components) {
}
