package dev.handoff.views.inspector;

/**
 * One artifact feature as the interface editor lists it for the selected agent: its type and range, whether the
 * agent may see it, how it is binned, and how many values it contributes to the agent's view.
 */
public record FeatureRow(String feature, String type, String range, String description, boolean visible, boolean real,
                         Integer bins, int values) {
}
