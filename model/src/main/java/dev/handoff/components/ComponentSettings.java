package dev.handoff.components;

/**
 * Knobs of the component measurement that are not in the workflow.
 *
 * @param radius        R, the radius of the projection ball of the reference networks around W₀
 * @param neuralStepGain α of the sampled reference learner is min(1, h·P/(gain·(n + n0·P))) with (h, n0) the
 *                      workflow's harmonic step sizes, P the agent's view-action pairs and n its update count: the
 *                      tabular per-pair schedule spread over the agent's pairs, divided by ‖∇Q‖² ≈ gain
 */
public record ComponentSettings(double radius, double neuralStepGain) {
    public static final ComponentSettings DEFAULTS = new ComponentSettings(15, 2);
}
