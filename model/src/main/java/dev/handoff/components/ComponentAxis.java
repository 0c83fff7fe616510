package dev.handoff.components;

import dev.handoff.env.synthetic.SyntheticParameters;
import dev.handoff.workflow.Workflow;

import java.util.Locale;

/**
 * The axes along which the error components are measured ({@code handoff sweep --axis}), one at a time (ICQ.md §4–5): network width m, the gap knob λ, the
 * mixing knob η, and the sample count T. Width and samples are measurement settings; gap and mixing rewrite the
 * workflow's environment parameters {@code lambda} and {@code eta}.
 */
public enum ComponentAxis {
    WIDTH("width"),
    GAP("gap"),
    MIXING("mixing"),
    SAMPLES("samples");

    private final String cliName;

    ComponentAxis(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static ComponentAxis parse(String s) {
        for (ComponentAxis a : values()) {
            if (a.cliName.equalsIgnoreCase(s) || a.name().equalsIgnoreCase(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown sweep axis \"" + s + "\" (known: width, gap, mixing, samples)");
    }

    /** The workflow at this value of the axis (unchanged for width and samples). */
    public Workflow apply(Workflow w, double value) {
        return switch (this) {
            case GAP -> w.withEnvironment(w.environment().with(SyntheticParameters.LAMBDA, value));
            case MIXING -> w.withEnvironment(w.environment().with(SyntheticParameters.ETA, value));
            case WIDTH, SAMPLES -> w;
        };
    }

    /**
     * The components at one value of this axis and one seed; {@code width} (0 = tabular) and {@code handoffs} are the
     * values held fixed when the axis is not theirs.
     */
    public ErrorComponents measure(Workflow base, double value, int width, long handoffs, long seed) {
        Workflow w = apply(base, value);
        int m = this == WIDTH ? (int) Math.round(value) : width;
        long t = this == SAMPLES ? Math.round(value) : handoffs;
        return ComponentAnalysis.of(w).measure(m, t, seed);
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
