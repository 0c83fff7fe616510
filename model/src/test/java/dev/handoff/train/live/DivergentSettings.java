package dev.handoff.train.live;

/** A configuration that really blows Q up: a constant step size of 1.9 overshoots each update and γ = 0.999 lets the handoff scalars amplify it until the TD error passes 1e12. */
public final class DivergentSettings {
    public static final double ALPHA = 1.9;
    public static final double GAMMA = 0.999;

    private DivergentSettings() {
    }
}
