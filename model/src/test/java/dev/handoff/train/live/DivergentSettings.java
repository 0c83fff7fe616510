package dev.handoff.train.live;

/** A configuration that really blows Q up: constant step size above 2 overshoots every update. */
final class DivergentSettings {
    static final double ALPHA = 1.9;
    static final double GAMMA = 0.999;

    private DivergentSettings() {
    }
}
