package dev.handoff.views.training.focus;

/** One row of an agent's greedy-policy table: an interface view, the action the learner would take, its value, visits. */
public record PolicyRow(int key, String view, String bestAction, double value, long visits) {
}
