package dev.handoff.sweep;

import dev.handoff.workflow.Workflow;

import java.util.Map;

/**
 * One knob a sweep can turn (load, handoffs T, network width, λ, η, ...): which workflows it applies to, how a value is
 * written into a workflow, and how to measure the result. Register new axes in {@link SweepAxes}; the engine does not
 * change.
 */
public interface SweepAxis {
    /** The {@code --axis} name. */
    String id();

    /** The axis label with its unit, for plots (e.g. "offered load (packets per time unit)"). */
    String label();

    /** Whether this axis means something for the workflow (usually: its environment kind). */
    boolean supports(Workflow workflow);

    /** Why the axis does not apply to the workflow, for the error message (called when {@link #supports} is false). */
    default String unsupportedReason(Workflow workflow) {
        return "axis \"" + id() + "\" does not apply to a workflow of kind \"" + workflow.environment().kind() + "\"";
    }

    /** A problem with a value of this axis (e.g. a load ≤ 0), or null if it is fine. */
    String problemWith(double value);

    /** The workflow with this axis set to {@code value}, everything else unchanged. */
    Workflow apply(Workflow workflow, double value);

    /** The axis-specific options it accepts ({@code --axis-option key=value}), with a description and default each. */
    default Map<String, String> options() {
        return Map.of();
    }

    /**
     * The sweep over this axis of {@code base} with {@code settings}.
     *
     * @throws IllegalArgumentException for settings the axis cannot honour (an unknown policy, a bad option), with a
     *                                  message a person can act on
     */
    SweepDesign design(Workflow base, SweepSettings settings);
}
