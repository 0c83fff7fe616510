package dev.handoff.learn.neural;

/**
 * How an agent's target network follows its online network: a full copy every {@code period} training steps, or
 * Polyak averaging θ⁻ ← (1 − τ)θ⁻ + τθ after every mirror refresh.
 */
public record TargetUpdate(int period, double polyakTau) {
    public TargetUpdate {
        if (period < 1 && !(polyakTau > 0 && polyakTau <= 1)) {
            throw new IllegalArgumentException("a target update needs a copy period ≥ 1 or a Polyak τ in (0, 1]");
        }
    }

    /** Hard copy every {@code period} training steps. */
    public static TargetUpdate periodic(int period) {
        return new TargetUpdate(period, 0);
    }

    /** Polyak averaging with rate τ. */
    public static TargetUpdate polyak(double tau) {
        return new TargetUpdate(0, tau);
    }

    public boolean isPolyak() {
        return polyakTau > 0;
    }
}
